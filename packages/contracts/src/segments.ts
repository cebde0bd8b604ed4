import { z } from 'zod';
import { RfmSegmentName } from './analytics.js';
import { Cursor, Id, Instant, Limit, LocalDate, optionalText } from './common.js';
import { ConsentChannel, Customer, Gender } from './customers.js';
import { ensureSegmentRuleLimits } from './segmentProblems.js';

/**
 * A segment rule: a tree of `and` / `or` / `not` groups over conditions. Every node names
 * itself with `type`; a condition's type is the field it tests, and its operators and value
 * are typed per field, so a wrong operator or value is reported at its exact path.
 *
 * Semantics (docs/user/segments.md): comparisons on a profile field match only customers
 * who have a value (use `exists`); for visit-based fields `in` means "at least one visit
 * matched" and `notIn` "no visit matched". "Days since" and "this month" are local days and
 * months in the business's time zone.
 */

const orderedOps = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte'] as const;
const equalityOps = ['eq', 'neq'] as const;
const setOps = ['in', 'notIn'] as const;
export const segmentOperators = [...orderedOps, 'between', ...setOps, 'exists'] as const;
export type SegmentOperator = (typeof segmentOperators)[number];

const MAX_LIST = 100;

/** Numbers and dates: eq … lte, between [low, high], in / notIn a list. */
function comparisons<const T extends string, V extends z.ZodType, X extends z.ZodRawShape>(
  type: T,
  value: V,
  extra: X,
) {
  const base = { type: z.literal(type), ...extra };
  return [
    z.object({ ...base, op: z.enum(orderedOps), value }).strict(),
    z.object({ ...base, op: z.literal('between'), value: z.tuple([value, value]) }).strict(),
    z.object({ ...base, op: z.enum(setOps), value: z.array(value).min(1).max(MAX_LIST) }).strict(),
  ] as const;
}

/** Text, choices and ids: eq / neq one value, in / notIn a list. */
function equalities<const T extends string, V extends z.ZodType, X extends z.ZodRawShape>(type: T, value: V, extra: X) {
  const base = { type: z.literal(type), ...extra };
  return [
    z.object({ ...base, op: z.enum(equalityOps), value }).strict(),
    z.object({ ...base, op: z.enum(setOps), value: z.array(value).min(1).max(MAX_LIST) }).strict(),
  ] as const;
}

/** `exists: true` has a value, `exists: false` has none; only for fields that can be empty. */
function presence<const T extends string>(type: T) {
  return z.object({ type: z.literal(type), op: z.literal('exists'), value: z.boolean() }).strict();
}

const none = {};
const Count = z.number().int().min(0).max(1_000_000);
const YenTotal = z.number().int().min(0).max(2_000_000_000).meta({ description: 'Yen (integer)' });
const Days = z.number().int().min(0).max(36_500).meta({ description: 'Whole local days' });
const Year = z.number().int().min(1900).max(2100);
const Age = z.number().int().min(0).max(150);
const Probability = z.number().min(0).max(1);
const ShortText = z.string().trim().min(1).max(100);
const Tag = z.string().trim().min(1).max(50);
const withinDays = {
  withinDays: Days.optional().meta({
    description: 'Only visits on or after the local day this many days ago (0 = today); all visits when absent',
  }),
};
export const BirthdayMonth = z
  .union([z.number().int().min(1).max(12), z.enum(['thisMonth', 'nextMonth'])])
  .meta({ description: 'A month 1–12, or thisMonth / nextMonth in the business time zone at evaluation' });
export const ConsentState = z.enum(['granted', 'withdrawn', 'unknown']);

const AttributeText = z.string().max(2000);
const AttributeOrdered = z.union([z.number(), LocalDate]);
const attributeBase = { type: z.literal('attribute'), attributeId: Id };

const conditionSchemas = {
  gender: z.discriminatedUnion('op', [...equalities('gender', Gender, none)]),
  birthYear: z.discriminatedUnion('op', [...comparisons('birthYear', Year, none), presence('birthYear')]),
  age: z.discriminatedUnion('op', [...comparisons('age', Age, none), presence('age')]),
  area: z.discriminatedUnion('op', [...equalities('area', ShortText, none), presence('area')]),
  acquisitionChannel: z.discriminatedUnion('op', [
    ...equalities('acquisitionChannel', Id, none),
    presence('acquisitionChannel'),
  ]),
  acquiredOn: z.discriminatedUnion('op', [...comparisons('acquiredOn', LocalDate, none), presence('acquiredOn')]),
  birthdayMonth: z.discriminatedUnion('op', [
    ...equalities('birthdayMonth', BirthdayMonth, none),
    presence('birthdayMonth'),
  ]),
  attribute: z.discriminatedUnion('op', [
    z
      .object({ ...attributeBase, op: z.enum(equalityOps), value: z.union([AttributeText, z.number(), z.boolean()]) })
      .strict(),
    z.object({ ...attributeBase, op: z.enum(['gt', 'gte', 'lt', 'lte']), value: AttributeOrdered }).strict(),
    z
      .object({ ...attributeBase, op: z.literal('between'), value: z.tuple([AttributeOrdered, AttributeOrdered]) })
      .strict(),
    z
      .object({
        ...attributeBase,
        op: z.enum(setOps),
        value: z
          .array(z.union([AttributeText, z.number()]))
          .min(1)
          .max(MAX_LIST),
      })
      .strict(),
    z.object({ ...attributeBase, op: z.literal('exists'), value: z.boolean() }).strict(),
  ]),
  tag: z.discriminatedUnion('op', [
    z.object({ type: z.literal('tag'), op: z.enum(['has', 'hasNot']), value: Tag }).strict(),
  ]),
  consent: z.discriminatedUnion('op', [
    z
      .object({ type: z.literal('consent'), channel: ConsentChannel, op: z.enum(equalityOps), value: ConsentState })
      .strict(),
  ]),
  visitCount: z.discriminatedUnion('op', [...comparisons('visitCount', Count, withinDays)]),
  lastVisitDate: z.discriminatedUnion('op', [
    ...comparisons('lastVisitDate', LocalDate, none),
    presence('lastVisitDate'),
  ]),
  daysSinceLastVisit: z.discriminatedUnion('op', [
    ...comparisons('daysSinceLastVisit', Days, none),
    presence('daysSinceLastVisit'),
  ]),
  firstVisitDate: z.discriminatedUnion('op', [
    ...comparisons('firstVisitDate', LocalDate, none),
    presence('firstVisitDate'),
  ]),
  daysSinceFirstVisit: z.discriminatedUnion('op', [
    ...comparisons('daysSinceFirstVisit', Days, none),
    presence('daysSinceFirstVisit'),
  ]),
  spend: z.discriminatedUnion('op', [...comparisons('spend', YenTotal, withinDays)]),
  item: z.discriminatedUnion('op', [...equalities('item', Id, withinDays)]),
  category: z.discriminatedUnion('op', [...equalities('category', ShortText, withinDays)]),
  staff: z.discriminatedUnion('op', [...equalities('staff', Id, withinDays)]),
  store: z.discriminatedUnion('op', [...equalities('store', Id, withinDays)]),
  pAlive: z.discriminatedUnion('op', [...comparisons('pAlive', Probability, none), presence('pAlive')]),
  predictedClv1y: z.discriminatedUnion('op', [
    ...comparisons('predictedClv1y', YenTotal, none),
    presence('predictedClv1y'),
  ]),
  rfmSegment: z.discriminatedUnion('op', [...equalities('rfmSegment', RfmSegmentName, none), presence('rfmSegment')]),
};

export type SegmentField = keyof typeof conditionSchemas;
export const segmentFields = Object.keys(conditionSchemas) as SegmentField[];
export type SegmentConditionOf<F extends SegmentField> = z.infer<(typeof conditionSchemas)[F]>;
export type SegmentCondition = { [F in SegmentField]: SegmentConditionOf<F> }[SegmentField];

const named = Object.entries(conditionSchemas).map(([field, schema]) =>
  schema.meta({ id: `Segment${field[0]!.toUpperCase()}${field.slice(1)}Condition` }),
) as unknown as [(typeof conditionSchemas)[SegmentField], ...(typeof conditionSchemas)[SegmentField][]];

export type SegmentGroup =
  { type: 'and'; rules: SegmentRule[] } | { type: 'or'; rules: SegmentRule[] } | { type: 'not'; rule: SegmentRule };
export type SegmentRule = SegmentGroup | SegmentCondition;

/** The rule as stored and answered; requests use SegmentRuleInput, which also checks its size. */
export const SegmentRule: z.ZodType<SegmentRule> = z
  .lazy(() =>
    z.discriminatedUnion('type', [
      z.object({ type: z.literal('and'), rules: z.array(SegmentRule).max(200) }).strict(),
      z.object({ type: z.literal('or'), rules: z.array(SegmentRule).max(200) }).strict(),
      z.object({ type: z.literal('not'), rule: SegmentRule }).strict(),
      ...named,
    ]),
  )
  .meta({ id: 'SegmentRule' }) as z.ZodType<SegmentRule>;

/**
 * A rule from a client: the depth and size limits are checked on the raw JSON first,
 * without recursion, so a hostile nesting never reaches the recursive parser.
 */
export const SegmentRuleInput = z.preprocess((raw, ctx) => {
  for (const issue of ensureSegmentRuleLimits(raw)) ctx.issues.push({ ...issue, input: raw });
  return raw;
}, SegmentRule);

export const Segment = z
  .object({
    id: Id,
    name: z.string(),
    description: z.string().nullable(),
    rule: SegmentRule,
    archived: z.boolean(),
    /** Customers matching now; null for archived segments, which are not counted. */
    customerCount: z.number().int().nullable(),
    createdAt: Instant,
    createdBy: Id.nullable(),
    updatedAt: Instant,
    updatedBy: Id.nullable(),
  })
  .meta({ id: 'Segment' });
export type Segment = z.infer<typeof Segment>;

const SegmentName = z.string().trim().min(1).max(100);

export const SegmentCreate = z
  .object({ name: SegmentName, description: optionalText(500), rule: SegmentRuleInput })
  .strict()
  .meta({ id: 'SegmentCreate' });
export type SegmentCreate = z.infer<typeof SegmentCreate>;

export const SegmentPatch = z
  .object({
    name: SegmentName.optional(),
    description: optionalText(500),
    rule: SegmentRuleInput.optional(),
    archived: z.boolean().optional(),
  })
  .strict()
  .meta({ id: 'SegmentPatch' });
export type SegmentPatch = z.infer<typeof SegmentPatch>;

export const SegmentListQuery = z.object({
  includeArchived: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type SegmentListQuery = z.infer<typeof SegmentListQuery>;

export const SegmentPreviewRequest = z
  .object({ rule: SegmentRuleInput, sampleSize: z.number().int().min(0).max(50).default(20) })
  .strict()
  .meta({ id: 'SegmentPreviewRequest' });
export type SegmentPreviewRequest = z.infer<typeof SegmentPreviewRequest>;

export const SegmentPreview = z
  .object({
    count: z.number().int(),
    /** The first matching customers in a stable order (oldest record first), masked for the viewer's role. */
    sample: z.array(Customer),
  })
  .meta({ id: 'SegmentPreview' });
export type SegmentPreview = z.infer<typeof SegmentPreview>;

export const SegmentCustomersQuery = z.object({ cursor: Cursor, limit: Limit });
export type SegmentCustomersQuery = z.infer<typeof SegmentCustomersQuery>;
