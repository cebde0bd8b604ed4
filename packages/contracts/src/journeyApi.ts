import { z } from 'zod';
import { CampaignOutcome } from './broadcasts.js';
import { Cursor, Id, Instant, Limit, page } from './common.js';
import { JourneyDefinition, JourneyEndReason } from './journeys.js';

/**
 * Requests and responses of the journeys API (E5/E6). The definition itself and the engine's
 * state are in journeys.ts; this file is what a client sends and reads.
 */

export const journeyStatuses = ['draft', 'active', 'paused', 'archived'] as const;
export const JourneyStatus = z.enum(journeyStatuses).meta({ id: 'JourneyStatus' });
export type JourneyStatus = z.infer<typeof JourneyStatus>;

const Name = z.string().trim().min(1).max(100);
const HoldoutPercent = z.number().int().min(0).max(50);

export const Journey = z
  .object({
    id: Id,
    name: Name,
    status: JourneyStatus,
    version: z.number().int().meta({ description: 'The current version; new enrollments start on it' }),
    definition: JourneyDefinition,
    holdoutPercent: z.number().int(),
    outcome: CampaignOutcome,
    campaignId: Id.meta({ description: 'Where its deliveries are logged' }),
    presetKey: z.string().nullable(),
    activeEnrollments: z.number().int(),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'Journey' });
export type Journey = z.infer<typeof Journey>;

export const JourneyList = z.object({ items: z.array(Journey) }).meta({ id: 'JourneyList' });

export const JourneyCreate = z
  .object({
    name: Name,
    definition: JourneyDefinition,
    holdoutPercent: HoldoutPercent.optional().meta({ description: 'Default: the business setting' }),
    outcome: CampaignOutcome.default({ kind: 'visit', days: 30 }),
  })
  .strict()
  .meta({ id: 'JourneyCreate' });
export type JourneyCreate = z.infer<typeof JourneyCreate>;

export const JourneyPatch = z
  .object({
    name: Name.optional(),
    definition: JourneyDefinition.optional().meta({
      description: 'A new version; running enrollments finish the version they started',
    }),
    holdoutPercent: HoldoutPercent.optional(),
    outcome: CampaignOutcome.optional(),
  })
  .strict()
  .meta({ id: 'JourneyPatch' });
export type JourneyPatch = z.infer<typeof JourneyPatch>;

export const JourneyVersion = z
  .object({ version: z.number().int(), definition: JourneyDefinition, createdAt: Instant, createdBy: Id.nullable() })
  .meta({ id: 'JourneyVersion' });
export type JourneyVersion = z.infer<typeof JourneyVersion>;
export const JourneyVersionList = z.object({ items: z.array(JourneyVersion) }).meta({ id: 'JourneyVersionList' });

export const JourneyEnrollment = z
  .object({
    id: Id,
    customerId: Id,
    version: z.number().int(),
    arm: z.enum(['a', 'holdout']),
    status: z.enum(['active', 'completed', 'exited']),
    stepId: z.string().nullable(),
    wakeAt: Instant.nullable(),
    enteredAt: Instant,
    endedAt: Instant.nullable(),
    endReason: JourneyEndReason.nullable(),
  })
  .meta({ id: 'JourneyEnrollment' });
export type JourneyEnrollment = z.infer<typeof JourneyEnrollment>;
export const JourneyEnrollmentPage = page(JourneyEnrollment, 'JourneyEnrollmentPage');

export const JourneyEnrollmentListQuery = z.object({
  status: z.enum(['active', 'completed', 'exited']).optional(),
  cursor: Cursor,
  limit: Limit,
});
export type JourneyEnrollmentListQuery = z.infer<typeof JourneyEnrollmentListQuery>;

const Localized = z.object({ ja: z.string(), en: z.string() });
export const JourneyPreset = z
  .object({
    key: z.string(),
    name: Localized,
    description: Localized,
    recommendedHoldoutPercent: z.number().int(),
    outcome: CampaignOutcome,
  })
  .meta({ id: 'JourneyPreset' });
export type JourneyPreset = z.infer<typeof JourneyPreset>;
export const JourneyPresetList = z.object({ items: z.array(JourneyPreset) }).meta({ id: 'JourneyPresetList' });

export const JourneyPresetKey = z
  .enum(['thank_you', 'aftercare_day2', 'next_visit_reminder', 'birthday', 'win_back', 'review_request'])
  .meta({ id: 'JourneyPresetKey' });
export type JourneyPresetKey = z.infer<typeof JourneyPresetKey>;
