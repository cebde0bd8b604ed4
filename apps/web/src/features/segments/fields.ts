import type { AttributeDefinition, AttributeType, SegmentField } from '@kayoi/contracts';

/**
 * How a condition's value is entered: a number, a local date, free text, a choice from a
 * list, a tag, a consent state, or — for custom attributes — whatever the attribute's type is.
 */
export type ValueKind = 'number' | 'date' | 'text' | 'choice' | 'tag' | 'consent' | 'attribute';
/** Where a choice field's options come from (fixed lists, or the business's reference data). */
export type OptionSource = 'gender' | 'rfm' | 'month' | 'channel' | 'store' | 'staff' | 'item' | 'category';

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

const ordered = ['gte', 'lte', 'gt', 'lt', 'eq', 'neq', 'between', 'in', 'notIn'] as const;
const choice = ['eq', 'neq', 'in', 'notIn'] as const;
const orPresence = <T extends readonly string[]>(ops: T) => [...ops, 'exists'] as const;

/**
 * The fields the builder offers, in the order of the picker. The operators are the ones
 * the contract accepts for each field (packages/contracts/src/segments.ts); the API remains
 * the judge, so a mistake here shows up as its problem message, not as a wrong count.
 */
export const fieldDefs: readonly FieldDef[] = [
  // Visits
  { field: 'daysSinceLastVisit', kind: 'number', ops: orPresence(ordered), defaultOp: 'gte', defaultValue: 90 },
  { field: 'visitCount', kind: 'number', ops: ordered, within: true, defaultOp: 'gte', defaultValue: 2 },
  { field: 'spend', kind: 'number', ops: ordered, within: true, step: 1000, defaultOp: 'gte', defaultValue: 10000 },
  { field: 'daysSinceFirstVisit', kind: 'number', ops: orPresence(ordered), defaultOp: 'lte', defaultValue: 30 },
  { field: 'lastVisitDate', kind: 'date', ops: orPresence(ordered), defaultOp: 'gte', defaultValue: '' },
  { field: 'firstVisitDate', kind: 'date', ops: orPresence(ordered), defaultOp: 'gte', defaultValue: '' },
  { field: 'item', kind: 'choice', ops: choice, options: 'item', within: true, defaultOp: 'eq', defaultValue: '' },
  {
    field: 'category',
    kind: 'choice',
    ops: choice,
    options: 'category',
    within: true,
    defaultOp: 'eq',
    defaultValue: '',
  },
  { field: 'store', kind: 'choice', ops: choice, options: 'store', within: true, defaultOp: 'eq', defaultValue: '' },
  { field: 'staff', kind: 'choice', ops: choice, options: 'staff', within: true, defaultOp: 'eq', defaultValue: '' },
  // Messaging
  { field: 'consent', kind: 'consent', ops: ['eq', 'neq'], defaultOp: 'eq', defaultValue: 'granted' },
  // Profile
  { field: 'tag', kind: 'tag', ops: ['has', 'hasNot'], defaultOp: 'has', defaultValue: '' },
  { field: 'attribute', kind: 'attribute', ops: [], defaultOp: 'exists', defaultValue: true },
  { field: 'gender', kind: 'choice', ops: choice, options: 'gender', defaultOp: 'eq', defaultValue: 'female' },
  { field: 'age', kind: 'number', ops: orPresence(ordered), defaultOp: 'between', defaultValue: [20, 39] },
  { field: 'birthYear', kind: 'number', ops: orPresence(ordered), defaultOp: 'gte', defaultValue: 1990 },
  {
    field: 'birthdayMonth',
    kind: 'choice',
    ops: orPresence(choice),
    options: 'month',
    defaultOp: 'eq',
    defaultValue: 'thisMonth',
  },
  { field: 'area', kind: 'text', ops: orPresence(choice), defaultOp: 'eq', defaultValue: '' },
  {
    field: 'acquisitionChannel',
    kind: 'choice',
    ops: orPresence(choice),
    options: 'channel',
    defaultOp: 'eq',
    defaultValue: '',
  },
  { field: 'acquiredOn', kind: 'date', ops: orPresence(ordered), defaultOp: 'gte', defaultValue: '' },
  // Analytics
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

/** How a custom attribute's value is entered; choices use the attribute's own options. */
export type AttributeValueKind = 'text' | 'number' | 'date' | 'boolean' | 'choice';

/**
 * A custom attribute condition typed by the attribute (docs/user/segments.md): text and
 * choices — eq neq in notIn exists; numbers and dates — all, exists; yes/no — eq neq exists.
 */
export function attributeDef(type: AttributeType): FieldDef & { valueKind: AttributeValueKind } {
  const base = { field: 'attribute' as const, kind: 'attribute' as const };
  switch (type) {
    case 'number':
      return { ...base, valueKind: 'number', ops: orPresence(ordered), defaultOp: 'gte', defaultValue: 0 };
    case 'date':
      return { ...base, valueKind: 'date', ops: orPresence(ordered), defaultOp: 'gte', defaultValue: '' };
    case 'boolean':
      return { ...base, valueKind: 'boolean', ops: ['eq', 'neq', 'exists'], defaultOp: 'eq', defaultValue: true };
    case 'single_choice':
    case 'multi_choice':
      return { ...base, valueKind: 'choice', ops: orPresence(choice), defaultOp: 'eq', defaultValue: '' };
    case 'text':
      return { ...base, valueKind: 'text', ops: orPresence(choice), defaultOp: 'eq', defaultValue: '' };
  }
}

/** The condition for a newly picked attribute: its id, and the first operator and value its type allows. */
export function attributeCondition(attribute: AttributeDefinition | undefined): Record<string, unknown> {
  if (!attribute) return { type: 'attribute', attributeId: '', op: 'exists', value: true };
  const def = attributeDef(attribute.type);
  const value = def.valueKind === 'choice' ? (attribute.options[0]?.value ?? '') : def.defaultValue;
  return { type: 'attribute', attributeId: attribute.id, op: def.defaultOp, value };
}

/** A value that fits the operator: a pair for between, a list for in / notIn, a flag for exists. */
export function valueForOp(def: FieldDef, op: string, previous: unknown): unknown {
  const single = Array.isArray(previous) ? previous[0] : previous;
  if (op === 'exists') return true;
  if (op === 'between') return Array.isArray(previous) && previous.length === 2 ? previous : [single, single];
  if (op === 'in' || op === 'notIn') {
    if (Array.isArray(previous)) return previous;
    return single === '' || single === undefined || typeof single === 'boolean' ? [] : [single];
  }
  if (typeof previous === 'boolean' && typeof def.defaultValue !== 'boolean') return def.defaultValue;
  return single;
}
