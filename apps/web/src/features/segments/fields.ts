import type { SegmentField } from '@kayoi/contracts';

/** How a condition's value is entered: a number, a choice from a list, a tag, or a consent state. */
export type ValueKind = 'number' | 'choice' | 'tag' | 'consent';
/** Where a choice field's options come from (fixed lists, or the business's reference data). */
export type OptionSource = 'gender' | 'rfm' | 'month' | 'channel' | 'store' | 'staff';

export interface FieldDef {
  field: SegmentField;
  kind: ValueKind;
  ops: readonly string[];
  /** Visit-based fields can look only at the last N days. */
  within?: boolean;
  options?: OptionSource;
  step?: number;
  defaultOp: string;
  defaultValue: unknown;
}

const ordered = ['gte', 'lte', 'gt', 'lt', 'eq', 'neq', 'between'] as const;
const choice = ['eq', 'neq', 'in', 'notIn'] as const;
const orPresence = <T extends readonly string[]>(ops: T) => [...ops, 'exists'] as const;

/**
 * The fields the builder offers, in the order of the picker. The operators are the ones
 * the contract accepts for each field (packages/contracts/src/segments.ts); the API remains
 * the judge, so a mistake here shows up as its problem message, not as a wrong count.
 */
export const fieldDefs: readonly FieldDef[] = [
  { field: 'daysSinceLastVisit', kind: 'number', ops: orPresence(ordered), defaultOp: 'gte', defaultValue: 90 },
  { field: 'visitCount', kind: 'number', ops: ordered, within: true, defaultOp: 'gte', defaultValue: 2 },
  { field: 'spend', kind: 'number', ops: ordered, within: true, step: 1000, defaultOp: 'gte', defaultValue: 10000 },
  { field: 'daysSinceFirstVisit', kind: 'number', ops: orPresence(ordered), defaultOp: 'lte', defaultValue: 30 },
  { field: 'consent', kind: 'consent', ops: ['eq', 'neq'], defaultOp: 'eq', defaultValue: 'granted' },
  { field: 'tag', kind: 'tag', ops: ['has', 'hasNot'], defaultOp: 'has', defaultValue: '' },
  { field: 'gender', kind: 'choice', ops: choice, options: 'gender', defaultOp: 'eq', defaultValue: 'female' },
  { field: 'age', kind: 'number', ops: orPresence(ordered), defaultOp: 'between', defaultValue: [20, 39] },
  {
    field: 'birthdayMonth',
    kind: 'choice',
    ops: orPresence(choice),
    options: 'month',
    defaultOp: 'eq',
    defaultValue: 'thisMonth',
  },
  {
    field: 'acquisitionChannel',
    kind: 'choice',
    ops: orPresence(choice),
    options: 'channel',
    defaultOp: 'eq',
    defaultValue: '',
  },
  { field: 'store', kind: 'choice', ops: choice, options: 'store', within: true, defaultOp: 'eq', defaultValue: '' },
  { field: 'staff', kind: 'choice', ops: choice, options: 'staff', within: true, defaultOp: 'eq', defaultValue: '' },
  {
    field: 'rfmSegment',
    kind: 'choice',
    ops: orPresence(choice),
    options: 'rfm',
    defaultOp: 'eq',
    defaultValue: 'at_risk',
  },
  { field: 'pAlive', kind: 'number', ops: orPresence(ordered), step: 0.05, defaultOp: 'lt', defaultValue: 0.5 },
  {
    field: 'predictedClv1y',
    kind: 'number',
    ops: orPresence(ordered),
    step: 1000,
    defaultOp: 'gte',
    defaultValue: 30000,
  },
];

export const fieldDef = (field: string): FieldDef | undefined => fieldDefs.find((d) => d.field === field);

/** A value that fits the operator: a pair for between, a list for in / notIn, a flag for exists. */
export function valueForOp(def: FieldDef, op: string, previous: unknown): unknown {
  const single = Array.isArray(previous) ? previous[0] : previous;
  if (op === 'exists') return true;
  if (op === 'between') return Array.isArray(previous) && previous.length === 2 ? previous : [single, single];
  if (op === 'in' || op === 'notIn') return Array.isArray(previous) ? previous : single === '' ? [] : [single];
  if (typeof previous === 'boolean') return def.defaultValue;
  return single;
}
