import { z } from 'zod';
import { Cursor, Id, Instant, Limit, page } from './common.js';
import { DeliveryChannel } from './messagingSettings.js';

/** Broadcasts (E4), their deliveries (E7) and what they brought back (A11). User docs: docs/user/broadcasts.md. */

export const CampaignTemplates = z
  .object({ line: Id.optional(), email: Id.optional() })
  .strict()
  .refine((t) => t.line !== undefined || t.email !== undefined, 'at least one template')
  .meta({ id: 'CampaignTemplates', description: 'The template sent on each channel (LINE text/Flex, email)' });
export type CampaignTemplates = z.infer<typeof CampaignTemplates>;

export const CampaignOutcome = z
  .object({
    kind: z.enum(['visit', 'revenue']),
    days: z.number().int().min(1).max(180),
  })
  .strict()
  .meta({
    id: 'CampaignOutcome',
    description: 'Declared before sending: a visit within N days, or revenue (yen) within N days',
  });
export type CampaignOutcome = z.infer<typeof CampaignOutcome>;

export const broadcastStatuses = ['draft', 'scheduled', 'preparing', 'sending', 'sent', 'cancelled'] as const;
export const BroadcastStatus = z.enum(broadcastStatuses).meta({ id: 'BroadcastStatus' });
export type BroadcastStatus = z.infer<typeof BroadcastStatus>;

export const deliveryStatuses = ['queued', 'sending', 'sent', 'failed', 'skipped', 'held_out', 'cancelled'] as const;
export const DeliveryStatus = z.enum(deliveryStatuses).meta({ id: 'DeliveryStatus' });
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;

export const DeliveryCounts = z
  .object(Object.fromEntries(deliveryStatuses.map((s) => [s, z.number().int()])) as Record<DeliveryStatus, z.ZodNumber>)
  .meta({ id: 'DeliveryCounts' });
export type DeliveryCounts = z.infer<typeof DeliveryCounts>;

export const Broadcast = z
  .object({
    id: Id,
    name: z.string(),
    segmentId: Id,
    templates: CampaignTemplates,
    variantB: CampaignTemplates.nullable().meta({
      description: 'A/B test: half of the treated customers get these templates instead',
    }),
    channelOrder: z.array(DeliveryChannel).nullable().meta({ description: 'null: the business setting' }),
    holdoutPercent: z.number().int(),
    outcome: CampaignOutcome,
    status: BroadcastStatus,
    sendAt: Instant.nullable(),
    startedAt: Instant.nullable(),
    finishedAt: Instant.nullable(),
    counts: DeliveryCounts,
    createdAt: Instant,
    createdBy: Id.nullable(),
    updatedAt: Instant,
  })
  .meta({ id: 'Broadcast' });
export type Broadcast = z.infer<typeof Broadcast>;

const BroadcastName = z.string().trim().min(1).max(100);

export const BroadcastCreate = z
  .object({
    name: BroadcastName,
    segmentId: Id,
    templates: CampaignTemplates,
    variantB: CampaignTemplates.nullable().optional(),
    channelOrder: z.array(DeliveryChannel).min(1).max(2).nullable().optional(),
    holdoutPercent: z.number().int().min(0).max(50).optional().meta({ description: 'Default: the business setting' }),
    outcome: CampaignOutcome.default({ kind: 'visit', days: 30 }),
  })
  .strict()
  .meta({ id: 'BroadcastCreate' });
export type BroadcastCreate = z.infer<typeof BroadcastCreate>;

export const BroadcastPatch = BroadcastCreate.partial().strict().meta({ id: 'BroadcastPatch' });
export type BroadcastPatch = z.infer<typeof BroadcastPatch>;

export const BroadcastSchedule = z
  .object({ sendAt: Instant.optional().meta({ description: 'Absent: now' }) })
  .strict()
  .meta({ id: 'BroadcastSchedule' });
export type BroadcastSchedule = z.infer<typeof BroadcastSchedule>;

export const deliverySkipReasons = [
  'no_consented_channel',
  'frequency_cap',
  'render_failed',
  'permanent_failure',
  'transient_failure_exhausted',
  'customer_erased',
  'suppressed',
  'line_quota_exhausted',
  'provider_refused',
] as const;
export const DeliveryReason = z.enum(deliverySkipReasons).meta({ id: 'DeliveryReason' });
export type DeliveryReason = z.infer<typeof DeliveryReason>;

export const Delivery = z
  .object({
    id: Id,
    campaignId: Id,
    campaignName: z.string(),
    customerId: Id,
    arm: z.enum(['a', 'b', 'holdout']),
    channel: DeliveryChannel.nullable(),
    status: DeliveryStatus,
    reason: DeliveryReason.nullable(),
    detail: z.string().nullable().meta({ description: "The provider's answer or the render error" }),
    attempts: z.number().int(),
    sentAt: Instant.nullable(),
    notBefore: Instant,
    createdAt: Instant,
    clicks: z.number().int(),
  })
  .meta({ id: 'Delivery' });
export type Delivery = z.infer<typeof Delivery>;
export const DeliveryPage = page(Delivery, 'DeliveryPage');

export const DeliveryListQuery = z.object({
  status: DeliveryStatus.optional(),
  cursor: Cursor,
  limit: Limit,
});
export type DeliveryListQuery = z.infer<typeof DeliveryListQuery>;

const ArmOutcome = z.object({
  customers: z.number().int(),
  converted: z.number().int().meta({ description: 'Customers with the outcome (a visit) within the window' }),
  rate: z.number().nullable(),
  visits: z.number().int(),
  revenue: z.number().int().meta({ description: 'Yen within the window' }),
});

const Estimate = z.object({ estimate: z.number(), lower: z.number(), upper: z.number() });

export const MeasurementReport = z
  .object({
    campaignId: Id,
    outcome: CampaignOutcome,
    windowEndsAt: Instant.nullable().meta({ description: 'The outcome window closes then; null before sending' }),
    complete: z.boolean().meta({ description: 'The window has closed for every sent message' }),
    treated: ArmOutcome,
    holdout: ArmOutcome,
    uplift: Estimate.nullable().meta({ description: 'Treated rate − holdout rate, 95 % interval (Newcombe)' }),
    revenueUpliftPerCustomer: Estimate.nullable().meta({ description: 'Yen per customer, 95 % interval (Welch)' }),
    significant: z.boolean(),
    incrementalVisits: z.number().nullable(),
    incrementalRevenue: z.number().int().nullable(),
    abTest: z
      .object({
        a: ArmOutcome,
        b: ArmOutcome,
        difference: Estimate.nullable(),
        winner: z.enum(['A', 'B', 'no_winner']),
      })
      .nullable(),
    notEnoughData: z.string().nullable(),
  })
  .meta({ id: 'MeasurementReport' });
export type MeasurementReport = z.infer<typeof MeasurementReport>;

export const PowerPreview = z
  .object({
    audience: z.number().int(),
    treated: z.number().int(),
    holdout: z.number().int(),
    baselineRate: z
      .number()
      .nullable()
      .meta({ description: "The segment's visit rate over the same window a year ago" }),
    minimumDetectableUplift: z.number().nullable().meta({ description: 'Absolute uplift detectable with 80 % power' }),
  })
  .meta({ id: 'PowerPreview' });
export type PowerPreview = z.infer<typeof PowerPreview>;

export const BroadcastListQuery = z.object({
  includeCancelled: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
