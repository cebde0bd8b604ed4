import { z } from 'zod';
import { AnalyticsSettings, AnalyticsSettingsPatch } from './analytics.js';
import { Id, Instant, TimeZone } from './common.js';
import { MessagingSettings, MessagingSettingsPatch } from './messagingSettings.js';

export const TenantSettings = z
  .object({
    /** Salons differ: some let every stylist see phone numbers, most do not. */
    staffCanSeeContacts: z.boolean().default(false),
    analytics: AnalyticsSettings.default(AnalyticsSettings.parse({})),
    messaging: MessagingSettings.default(MessagingSettings.parse({})),
  })
  .meta({ id: 'TenantSettings' });
export type TenantSettings = z.infer<typeof TenantSettings>;

/** Only what is sent changes: no defaults, or a patch of one setting would reset the others. */
export const TenantSettingsPatch = z
  .object({
    staffCanSeeContacts: z.boolean().optional(),
    analytics: AnalyticsSettingsPatch.optional(),
    messaging: MessagingSettingsPatch.optional(),
  })
  .strict()
  .meta({ id: 'TenantSettingsPatch' });
export type TenantSettingsPatch = z.infer<typeof TenantSettingsPatch>;

export const Tenant = z
  .object({
    id: Id,
    name: z.string(),
    timeZone: z.string(),
    currency: z.literal('JPY'),
    settings: TenantSettings,
    createdAt: Instant,
  })
  .meta({ id: 'Tenant' });
export type Tenant = z.infer<typeof Tenant>;

export const TenantPatch = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    timeZone: TimeZone.optional(),
    settings: TenantSettingsPatch.optional(),
  })
  .strict()
  .meta({ id: 'TenantPatch' });
export type TenantPatch = z.infer<typeof TenantPatch>;

export const TenantCreate = z
  .object({
    name: z.string().trim().min(1).max(200),
    timeZone: TimeZone.default('Asia/Tokyo'),
    ownerEmail: z.email().max(254),
    ownerPassword: z.string().min(10).max(200),
    ownerName: z.string().trim().min(1).max(100).default('Owner'),
  })
  .strict();
export type TenantCreate = z.infer<typeof TenantCreate>;
