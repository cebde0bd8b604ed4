import type { ConsentChannel } from '@kayoi/contracts';

/**
 * A segment rule made ready to run: every relative time ("60 days ago", "this month") is
 * resolved to instants or dates in the business's time zone at one moment, `eq`/`neq`
 * shorthands of visit-based fields are sets, and each condition says which column or fact
 * it reads. Storage compiles this and nothing else, so it never meets a time zone.
 */
export type PlanValue = string | number | boolean;

/** An operator with the value shape it takes, over values of type V. */
export type Comparison<V> =
  | { op: 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte'; value: V }
  | { op: 'between'; value: readonly [V, V] }
  | { op: 'in' | 'notIn'; value: readonly V[] }
  | { op: 'exists'; value: boolean };

export type ValueTest = Comparison<PlanValue>;

/** Columns of the customer row; `birthdayMonth` is the month (1–12) of the birthday. */
export type ProfileColumn =
  | 'gender'
  | 'area'
  | 'birthYear'
  | 'birthdayMonth'
  | 'acquisitionChannel'
  | 'acquiredOn'
  | 'visitCount'
  | 'revenueTotal';

/** A half-open interval of instants [from, to); null is unbounded. */
export interface InstantRange {
  from: Date | null;
  to: Date | null;
}

/** `inside: false` means: has a value, and it lies in none of the ranges. */
export type InstantTest = { op: 'exists'; value: boolean } | { op: 'within'; ranges: InstantRange[]; inside: boolean };

/** How an attribute's stored JSON value is read: choices are text, multiple choices a list. */
export type AttributeValueType = 'text' | 'number' | 'date' | 'boolean' | 'multi';

export type VisitMatch = { by: 'store' | 'staff' | 'item' | 'category'; values: readonly string[] };

export type ScoreColumn = 'pAlive' | 'predictedClv1y' | 'rfmSegment';

export type SegmentPlan =
  | { kind: 'and'; rules: SegmentPlan[] }
  | { kind: 'or'; rules: SegmentPlan[] }
  | { kind: 'not'; rule: SegmentPlan }
  | { kind: 'profile'; column: ProfileColumn; test: ValueTest }
  /** Completed years on `today` (a local date), from the birthday. */
  | { kind: 'age'; today: string; test: ValueTest }
  | { kind: 'visitTime'; column: 'firstVisitAt' | 'lastVisitAt'; test: InstantTest }
  | { kind: 'tag'; tag: string }
  /** `unknown`: no consent recorded on the channel. */
  | { kind: 'consent'; channel: ConsentChannel; status: 'granted' | 'withdrawn' | 'unknown' }
  /** Only customers with a value for the attribute can match. */
  | { kind: 'attribute'; attributeId: string; valueType: AttributeValueType; test: ValueTest }
  /** At least one completed visit since `since` (ever when null) that matches. */
  | { kind: 'visited'; since: Date | null; match: VisitMatch }
  /** Count or yen total of completed visits since `since`. */
  | { kind: 'visitTotal'; measure: 'count' | 'spend'; since: Date; test: ValueTest }
  /** The customer's row in the latest succeeded model run; no row, no match. */
  | { kind: 'score'; column: ScoreColumn; test: ValueTest };
