import { z } from 'zod';

export const Id = z.uuid().meta({ description: 'Identifier (UUID)', example: '0192f0c1-7c1e-7b5a-9c2e-3f4d5e6a7b8c' });
/** Japanese yen are whole numbers; a float here is always a bug upstream. */
export const Yen = z.number().int().min(0).max(100_000_000).meta({ description: 'Amount in yen (integer)' });
export const LocalDate = z.iso.date().meta({ description: 'Calendar date YYYY-MM-DD', example: '1990-04-12' });
export const Instant = z.iso
  .datetime({ offset: true })
  .meta({ description: 'Instant in time (ISO 8601 with offset)', example: '2026-11-22T05:30:00.000Z' });
export const Month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM')
  .meta({ description: 'Calendar month YYYY-MM', example: '2026-11' });
export const TimeZone = z
  .string()
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'unknown IANA time zone')
  .meta({ description: 'IANA time zone', example: 'Asia/Tokyo' });

export const Limit = z.coerce.number().int().min(1).max(200).default(50);
export const Cursor = z.string().max(500).optional().meta({ description: 'Opaque cursor from nextCursor' });

export function page<T extends z.ZodType>(item: T, id: string) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() }).meta({ id });
}

export const Ok = z.object({ ok: z.literal(true) }).meta({ id: 'Ok' });

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().meta({ example: 'CUSTOMER_NOT_FOUND' }),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof ErrorBody>;

/** Trimmed text; an empty string means "no value" so forms can clear a field. */
export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional();
}
