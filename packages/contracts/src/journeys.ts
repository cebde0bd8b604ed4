import { z } from 'zod';
import { RfmSegmentName } from './analytics.js';
import { Id, Instant } from './common.js';

/**
 * Journeys ("step delivery"): a trigger enrols a customer, then steps run one after another
 * from `entryStepId`, following `next`. A step whose `next` is null ends the journey
 * (completed); an `exit` step ends it early (exited). Graph rules the schema cannot express
 * (unknown `next`, cycles, unreachable steps) are checked by core's checkJourneyDefinition.
 * Semantics: docs in packages/core/src/journeys/advanceEnrollment.ts.
 */

const StepId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,40}$/, 'letters, digits, _ and -; at most 40')
  .meta({ example: 'send_thanks' });
const Next = StepId.nullable().meta({ description: 'The step after this one; null ends the journey' });
const DaysBefore = z.number().int().min(0).max(60);
const Category = z.string().trim().min(1).max(50).meta({ description: 'A catalog item category, e.g. カラー' });
const Tag = z.string().trim().min(1).max(50);

// ---------------------------------------------------------------- triggers

export const JourneyTrigger = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('first_visit') }).strict(),
    z.object({ type: z.literal('any_visit') }).strict(),
    z
      .object({
        type: z.literal('visit_with'),
        itemIds: z.array(Id).max(100).default([]),
        categories: z.array(Category).max(100).default([]),
      })
      .strict()
      .refine((t) => t.itemIds.length + t.categories.length > 0, {
        message: 'name at least one item or category',
        path: ['itemIds'],
      }),
    z.object({ type: z.literal('birthday'), daysBefore: DaysBefore }).strict(),
    z.object({ type: z.literal('date_attribute_anniversary'), attributeId: Id, daysBefore: DaysBefore }).strict(),
    z.object({ type: z.literal('due_by_cycle'), daysAfterDue: z.number().int().min(0).max(90).default(0) }).strict(),
    z.object({ type: z.literal('p_alive_below'), threshold: z.number().gt(0).lt(1) }).strict(),
    z.object({ type: z.literal('entered_segment'), segmentId: Id }).strict(),
  ])
  .meta({ id: 'JourneyTrigger' });
export type JourneyTrigger = z.infer<typeof JourneyTrigger>;

// ---------------------------------------------------------------- conditions

/**
 * What a branch may ask about a customer, evaluated on the facts at the moment the branch
 * runs. Attribute values: `equals` compares a text, number, boolean or single choice;
 * `includes` asks whether a choice (single or multi) holds the option value; `is_set` whether
 * there is any value. Facts a customer lacks (no score yet) make the condition false.
 */
export type JourneyCondition =
  | { type: 'all'; conditions: JourneyCondition[] }
  | { type: 'any'; conditions: JourneyCondition[] }
  | { type: 'not'; condition: JourneyCondition }
  | { type: 'attribute'; attributeId: string; op: 'equals'; value: string | number | boolean }
  | { type: 'attribute'; attributeId: string; op: 'includes'; value: string }
  | { type: 'attribute'; attributeId: string; op: 'is_set' }
  | { type: 'tag'; tag: string }
  | { type: 'visit_count'; gte?: number | undefined; lte?: number | undefined }
  | { type: 'last_visit_category'; categories: string[] }
  | { type: 'last_visit_item'; itemIds: string[] }
  | { type: 'rfm_segment'; segments: z.infer<typeof RfmSegmentName>[] }
  | { type: 'predicted_clv'; gte?: number | undefined; lte?: number | undefined }
  | { type: 'p_alive'; gte?: number | undefined; lte?: number | undefined };

const Count = z.number().int().min(0).max(1_000_000);
const YenTotal = z.number().int().min(0).max(2_000_000_000);
const Probability = z.number().min(0).max(1);
const atLeastOneBound = (c: { gte?: number | undefined; lte?: number | undefined }) =>
  c.gte !== undefined || c.lte !== undefined;

export const JourneyCondition: z.ZodType<JourneyCondition> = z
  .lazy(() =>
    z.union([
      z.object({ type: z.literal('all'), conditions: z.array(JourneyCondition).min(1).max(50) }).strict(),
      z.object({ type: z.literal('any'), conditions: z.array(JourneyCondition).min(1).max(50) }).strict(),
      z.object({ type: z.literal('not'), condition: JourneyCondition }).strict(),
      z
        .object({
          type: z.literal('attribute'),
          attributeId: Id,
          op: z.literal('equals'),
          value: z.union([z.string().max(2000), z.number(), z.boolean()]),
        })
        .strict(),
      z
        .object({ type: z.literal('attribute'), attributeId: Id, op: z.literal('includes'), value: z.string().max(50) })
        .strict(),
      z.object({ type: z.literal('attribute'), attributeId: Id, op: z.literal('is_set') }).strict(),
      z.object({ type: z.literal('tag'), tag: Tag }).strict(),
      z
        .object({ type: z.literal('visit_count'), gte: Count.optional(), lte: Count.optional() })
        .strict()
        .refine(atLeastOneBound, 'give gte, lte or both'),
      z.object({ type: z.literal('last_visit_category'), categories: z.array(Category).min(1).max(100) }).strict(),
      z.object({ type: z.literal('last_visit_item'), itemIds: z.array(Id).min(1).max(100) }).strict(),
      z.object({ type: z.literal('rfm_segment'), segments: z.array(RfmSegmentName).min(1) }).strict(),
      z
        .object({ type: z.literal('predicted_clv'), gte: YenTotal.optional(), lte: YenTotal.optional() })
        .strict()
        .refine(atLeastOneBound, 'give gte, lte or both'),
      z
        .object({ type: z.literal('p_alive'), gte: Probability.optional(), lte: Probability.optional() })
        .strict()
        .refine(atLeastOneBound, 'give gte, lte or both'),
    ]),
  )
  .meta({ id: 'JourneyCondition' }) as z.ZodType<JourneyCondition>;

// ---------------------------------------------------------------- steps

export const JourneyWaitDuration = z
  .object({
    days: z.number().int().min(0).max(365).default(0),
    hours: z.number().int().min(0).max(720).default(0),
    minutes: z.number().int().min(0).max(1440).default(0),
  })
  .strict()
  .refine((d) => d.days + d.hours + d.minutes > 0, 'a wait must last at least one minute')
  .meta({
    id: 'JourneyWaitDuration',
    description:
      'Days are local calendar days (10:00 stays 10:00 across a DST change); hours and minutes are elapsed time',
  });
export type JourneyWaitDuration = z.infer<typeof JourneyWaitDuration>;

export const SendTemplates = z
  .object({ line: Id.optional(), email: Id.optional() })
  .strict()
  .refine((t) => t.line !== undefined || t.email !== undefined, 'name a LINE template, an email template or both')
  .meta({ id: 'JourneySendTemplates', description: 'The worker picks the channel the customer can receive' });
export type SendTemplates = z.infer<typeof SendTemplates>;

export const JourneyBranchArm = z.object({ when: JourneyCondition, next: Next }).strict();

const base = { id: StepId };
export const JourneyStep = z
  .discriminatedUnion('type', [
    z.object({ ...base, type: z.literal('wait'), duration: JourneyWaitDuration, next: Next }).strict(),
    z
      .object({
        ...base,
        type: z.literal('wait_until'),
        time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM (24-hour)'),
        dayOffset: z.number().int().min(0).max(30).meta({
          description: 'Local days after the step is reached; 0 = today if the time is still ahead, else tomorrow',
        }),
        next: Next,
      })
      .strict(),
    // Branches are checked in order; an empty list is reported by checkJourneyDefinition.
    z
      .object({ ...base, type: z.literal('branch'), branches: z.array(JourneyBranchArm).max(20), otherwise: Next })
      .strict(),
    z.object({ ...base, type: z.literal('send'), templates: SendTemplates, next: Next }).strict(),
    z.object({ ...base, type: z.literal('add_tag'), tag: Tag, next: Next }).strict(),
    z
      .object({ ...base, type: z.literal('notify_staff'), message: z.string().trim().min(1).max(500), next: Next })
      .strict(),
    z.object({ ...base, type: z.literal('exit') }).strict(),
  ])
  .meta({ id: 'JourneyStep' });
export type JourneyStep = z.infer<typeof JourneyStep>;
export type JourneyStepType = JourneyStep['type'];

export const JourneyReentry = z
  .discriminatedUnion('policy', [
    z.object({ policy: z.literal('never') }).strict(),
    z.object({ policy: z.literal('after_exit'), cooldownDays: z.number().int().min(0).max(3650) }).strict(),
  ])
  .meta({ id: 'JourneyReentry', description: 'Whether a customer who finished the journey may be enrolled again' });
export type JourneyReentry = z.infer<typeof JourneyReentry>;

export const JourneyDefinition = z
  .object({
    trigger: JourneyTrigger,
    steps: z.array(JourneyStep).min(1).max(100),
    entryStepId: StepId,
    exitOn: z.object({ visit: z.boolean(), booking: z.boolean() }).strict(),
    reentry: JourneyReentry,
  })
  .strict()
  .meta({ id: 'JourneyDefinition' });
export type JourneyDefinition = z.infer<typeof JourneyDefinition>;

// ---------------------------------------------------------------- enrollment state

/** step_missing: the state names a step the definition lacks (the worker passed another version). */
export const journeyEndReasons = ['end', 'exit_step', 'visit', 'booking', 'step_missing'] as const;
export const JourneyEndReason = z.enum(journeyEndReasons).meta({ id: 'JourneyEndReason' });
export type JourneyEndReason = z.infer<typeof JourneyEndReason>;

/**
 * One customer's place in one journey version, stored as JSON. `wakeAt` null on an active
 * enrollment means "run `stepId` now"; otherwise `stepId` is a wait that ends at `wakeAt`.
 */
export const JourneyEnrollmentState = z
  .object({
    status: z.enum(['active', 'completed', 'exited']),
    stepId: StepId.nullable(),
    wakeAt: Instant.nullable(),
    enteredAt: Instant,
    endedAt: Instant.nullable(),
    endReason: JourneyEndReason.nullable(),
    visitedStepIds: z.array(StepId).max(100),
  })
  .strict()
  .meta({ id: 'JourneyEnrollmentState' });
export type JourneyEnrollmentState = z.infer<typeof JourneyEnrollmentState>;

// ---------------------------------------------------------------- problems

/** Every way a definition's step graph can be wrong; the message a person reads, per code. */
export const journeyProblemMessages = {
  duplicate_step_id: { ja: 'ステップIDが重複しています。', en: 'Two steps have the same id.' },
  unknown_step: { ja: '存在しないステップを指しています。', en: 'This points at a step that does not exist.' },
  cycle: {
    ja: 'ステップが循環しています（同じステップに戻ることはできません）。',
    en: 'The steps form a loop; a journey may not return to a step it has run.',
  },
  unreachable_step: { ja: 'どこからも到達しないステップです。', en: 'No path from the first step reaches this step.' },
  branch_without_branches: { ja: '分岐に条件がありません。', en: 'This branch has no conditions.' },
} as const satisfies Record<string, { ja: string; en: string }>;

export type JourneyProblemCode = keyof typeof journeyProblemMessages;
export const journeyProblemCodes = Object.keys(journeyProblemMessages) as JourneyProblemCode[];

export const JourneyProblem = z
  .object({
    path: z.string().meta({ example: 'steps.2.next' }),
    problem: z.enum(journeyProblemCodes as [JourneyProblemCode, ...JourneyProblemCode[]]),
    message: z.string(),
  })
  .meta({ id: 'JourneyProblem' });
export type JourneyProblem = z.infer<typeof JourneyProblem>;
