import {
  segmentProblemMessages,
  type AttributeDefinition,
  type AttributeType,
  type SegmentCondition,
  type SegmentOperator,
  type SegmentProblemCode,
  type SegmentRule,
  type SegmentRuleProblem,
} from '@kayoi/contracts';
import { fail, ok, type Result } from '../shared/result.js';
import { conditionValues, forEachSegmentCondition } from './walkSegmentRule.js';

/** What a rule may name: the tenant's own rows, archived ones included (history points at them). */
export interface SegmentVocabulary {
  attributes: ReadonlyMap<string, AttributeDefinition>;
  storeIds: ReadonlySet<string>;
  staffIds: ReadonlySet<string>;
  itemIds: ReadonlySet<string>;
  channelIds: ReadonlySet<string>;
}

const attributeOperators: Record<AttributeType, readonly SegmentOperator[]> = {
  text: ['eq', 'neq', 'in', 'notIn', 'exists'],
  number: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between', 'in', 'notIn', 'exists'],
  date: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between', 'in', 'notIn', 'exists'],
  boolean: ['eq', 'neq', 'exists'],
  single_choice: ['eq', 'neq', 'in', 'notIn', 'exists'],
  multi_choice: ['eq', 'neq', 'in', 'notIn', 'exists'],
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function fitsAttribute(def: AttributeDefinition, value: unknown): boolean {
  switch (def.type) {
    case 'text':
    case 'single_choice':
    case 'multi_choice':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number';
    case 'date':
      return typeof value === 'string' && ISO_DATE.test(value);
    case 'boolean':
      return typeof value === 'boolean';
  }
}

type Report = (path: string, problem: SegmentProblemCode, message?: string) => void;

function checkAttribute(
  condition: Extract<SegmentCondition, { type: 'attribute' }>,
  path: string,
  vocabulary: SegmentVocabulary,
  report: Report,
): void {
  const def = vocabulary.attributes.get(condition.attributeId);
  if (!def) return report(`${path}.attributeId`, 'unknown_attribute', `no custom attribute ${condition.attributeId}`);
  if (!attributeOperators[def.type].includes(condition.op)) {
    return report(
      `${path}.op`,
      'attribute_type_mismatch',
      `"${condition.op}" cannot be used with a ${def.type} attribute`,
    );
  }
  if (condition.op === 'exists') return;
  const options = new Set(def.options.map((o) => o.value));
  for (const { value, path: at } of conditionValues(condition, path)) {
    if (!fitsAttribute(def, value))
      report(at, 'attribute_type_mismatch', `expected a ${def.type} value for "${def.key}"`);
    else if (options.size > 0 && !options.has(value as string)) {
      report(at, 'unknown_option', `"${String(value)}" is not an option of "${def.key}"`);
    }
  }
}

const referenceProblems = {
  acquisitionChannel: ['channelIds', 'unknown_channel'],
  store: ['storeIds', 'unknown_store'],
  staff: ['staffIds', 'unknown_staff'],
  item: ['itemIds', 'unknown_item'],
} as const satisfies Partial<Record<SegmentCondition['type'], [keyof SegmentVocabulary, SegmentProblemCode]>>;

function checkCondition(condition: SegmentCondition, path: string, vocabulary: SegmentVocabulary, report: Report) {
  if (condition.type === 'attribute') checkAttribute(condition, path, vocabulary, report);
  if (condition.type in referenceProblems && condition.op !== 'exists') {
    const [key, problem] = referenceProblems[condition.type as keyof typeof referenceProblems];
    const known = vocabulary[key];
    for (const { value, path: at } of conditionValues(condition, path)) {
      // Another business's id is simply unknown here: nothing says it exists elsewhere.
      if (!known.has(value as string)) report(at, problem, `no ${condition.type} ${String(value)}`);
    }
  }
  if (condition.op === 'between') {
    const [low, high] = condition.value as readonly [number | string, number | string];
    if (typeof low === typeof high && low > high) report(`${path}.value`, 'range_reversed');
  }
}

/**
 * The checks a schema cannot make: every id belongs to this business, each custom
 * attribute exists and the operator and values fit its type, ranges are not reversed.
 * Every problem is reported, not only the first.
 */
export function checkSegmentRule(rule: SegmentRule, vocabulary: SegmentVocabulary): Result<SegmentRule> {
  const problems: SegmentRuleProblem[] = [];
  const report: Report = (path, problem, message) =>
    problems.push({ path, problem, message: message ?? segmentProblemMessages[problem].en });
  forEachSegmentCondition(rule, (condition, path) => checkCondition(condition, path, vocabulary, report));
  return problems.length > 0 ? fail('SEGMENT_RULE_INVALID', { problems }) : ok(rule);
}
