import { z } from 'zod';
import { ItemKind } from './catalog.js';
import { Cursor, Id, Instant, Limit, LocalDate, Yen, optionalText } from './common.js';

export const paymentMethods = ['cash', 'card', 'qr', 'prepaid', 'points', 'other'] as const;
export const PaymentMethod = z.enum(paymentMethods).meta({ id: 'PaymentMethod' });
export type PaymentMethod = z.infer<typeof PaymentMethod>;

export const visitStatuses = ['completed', 'voided'] as const;
export const VisitStatus = z.enum(visitStatuses).meta({ id: 'VisitStatus' });
export type VisitStatus = z.infer<typeof VisitStatus>;

export const visitSources = ['counter', 'import', 'demo', 'api'] as const;
export type VisitSource = (typeof visitSources)[number];

export const LineItem = z
  .object({
    itemId: Id.nullable(),
    kind: ItemKind,
    name: z.string(),
    category: z.string().nullable(),
    quantity: z.number().int(),
    unitPrice: Yen,
    discount: Yen,
    amount: Yen,
    unitCost: Yen,
  })
  .meta({ id: 'LineItem' });
export type LineItem = z.infer<typeof LineItem>;

export const Payment = z.object({ method: PaymentMethod, amount: Yen }).meta({ id: 'Payment' });
export type Payment = z.infer<typeof Payment>;

export const Visit = z
  .object({
    id: Id,
    customerId: Id,
    storeId: Id,
    staffId: Id.nullable(),
    startedAt: Instant,
    status: VisitStatus,
    subtotal: Yen,
    discount: Yen,
    total: Yen,
    items: z.array(LineItem),
    payments: z.array(Payment),
    note: z.string().nullable(),
    externalId: z.string().nullable(),
    source: z.enum(['counter', 'import', 'demo', 'api']),
    voidedAt: Instant.nullable(),
    voidReason: z.string().nullable(),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'Visit' });
export type Visit = z.infer<typeof Visit>;

/** With itemId the catalog fills in kind, name, price and cost; without it they are required. */
export const LineItemInput = z
  .object({
    itemId: Id.optional(),
    kind: ItemKind.optional(),
    name: z.string().trim().min(1).max(100).optional(),
    category: optionalText(50),
    quantity: z.number().int().min(1).max(999).default(1),
    unitPrice: Yen.optional(),
    discount: Yen.default(0),
    unitCost: Yen.optional(),
  })
  .strict()
  .refine((item) => item.itemId !== undefined || (item.name !== undefined && item.unitPrice !== undefined), {
    message: 'give itemId, or name and unitPrice',
    path: ['itemId'],
  })
  .meta({ id: 'LineItemInput' });
export type LineItemInput = z.infer<typeof LineItemInput>;

export const VisitCreate = z
  .object({
    customerId: Id,
    storeId: Id,
    staffId: Id.nullable().optional(),
    startedAt: Instant,
    items: z.array(LineItemInput).min(1).max(100),
    discount: Yen.default(0),
    payments: z.array(Payment).max(10).default([]),
    note: optionalText(2000),
    externalId: optionalText(100),
  })
  .strict()
  .meta({ id: 'VisitCreate' });
export type VisitCreate = z.infer<typeof VisitCreate>;

/** Replacing items or payments re-checks that the payments add up to the new total. */
export const VisitPatch = z
  .object({
    storeId: Id.optional(),
    staffId: Id.nullable().optional(),
    startedAt: Instant.optional(),
    items: z.array(LineItemInput).min(1).max(100).optional(),
    discount: Yen.optional(),
    payments: z.array(Payment).max(10).optional(),
    note: optionalText(2000),
  })
  .strict()
  .meta({ id: 'VisitPatch' });
export type VisitPatch = z.infer<typeof VisitPatch>;

export const VisitVoid = z
  .object({ reason: z.string().trim().min(1).max(500) })
  .strict()
  .meta({ id: 'VisitVoid' });
export type VisitVoid = z.infer<typeof VisitVoid>;

export const VisitListQuery = z.object({
  customerId: Id.optional(),
  storeId: Id.optional(),
  staffId: Id.optional(),
  from: LocalDate.optional().meta({ description: 'First day, in the business time zone' }),
  to: LocalDate.optional().meta({ description: 'Last day (inclusive), in the business time zone' }),
  status: z.enum(['completed', 'voided', 'all']).default('completed'),
  cursor: Cursor,
  limit: Limit,
});
export type VisitListQuery = z.infer<typeof VisitListQuery>;
