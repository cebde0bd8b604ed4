import { z } from 'zod';
import { Instant } from './common.js';

export const smtpSecurities = ['tls', 'starttls', 'none'] as const;
/** 'tls' = implicit TLS (usually 465), 'starttls' = upgrade required (587), 'none' = a relay on a private network. */
export const SmtpSecurity = z.enum(smtpSecurities).meta({ id: 'SmtpSecurity' });
export type SmtpSecurity = z.infer<typeof SmtpSecurity>;

/** Shown instead of the password: fixed, so it says nothing about the password's length or characters. */
export const SMTP_PASSWORD_MASK = '********';

export const EmailSettings = z
  .object({
    configured: z.boolean(),
    fromName: z.string().nullable(),
    fromAddress: z.string().nullable(),
    replyTo: z.string().nullable(),
    smtpHost: z.string().nullable(),
    smtpPort: z.number().int().nullable(),
    smtpSecurity: SmtpSecurity.nullable(),
    smtpUsername: z.string().nullable(),
    /** The password is write-only: only whether one is stored, and a fixed mask. */
    smtpPassword: z.object({ configured: z.boolean(), masked: z.literal(SMTP_PASSWORD_MASK).nullable() }),
    updatedAt: Instant.nullable(),
  })
  .meta({ id: 'EmailSettings' });
export type EmailSettings = z.infer<typeof EmailSettings>;

const headerText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[^\r\n]*$/, 'no line breaks');

export const EmailSettingsUpdate = z
  .object({
    fromName: headerText(100),
    fromAddress: z.email().max(254),
    replyTo: z.email().max(254).nullable().default(null),
    smtpHost: z
      .string()
      .trim()
      .min(1)
      .max(253)
      .regex(/^[A-Za-z0-9.-]+$/, 'a host name or IPv4 address'),
    smtpPort: z.number().int().min(1).max(65535),
    smtpSecurity: SmtpSecurity,
    smtpUsername: headerText(254).nullable().default(null),
    /** Omitted: keep the stored password. null: remove it. A string: replace it. */
    smtpPassword: z.string().min(1).max(500).nullable().optional(),
  })
  .strict()
  .meta({ id: 'EmailSettingsUpdate' });
export type EmailSettingsUpdate = z.infer<typeof EmailSettingsUpdate>;
