import type { SegmentCondition, SegmentRule } from '@kayoi/contracts';

/** Calls `visit` for every condition with its path ("rule.rules.0"); groups are only walked. */
export function forEachSegmentCondition(
  rule: SegmentRule,
  visit: (condition: SegmentCondition, path: string) => void,
  path = 'rule',
): void {
  switch (rule.type) {
    case 'and':
    case 'or':
      rule.rules.forEach((child, i) => forEachSegmentCondition(child, visit, `${path}.rules.${i}`));
      return;
    case 'not':
      forEachSegmentCondition(rule.rule, visit, `${path}.rule`);
      return;
    default:
      visit(rule, path);
  }
}

/** The values a condition names: one, a list, or a [low, high] pair, each with its path. */
export function conditionValues(condition: SegmentCondition, path: string): { value: unknown; path: string }[] {
  const { value } = condition;
  if (Array.isArray(value)) return value.map((v: unknown, i) => ({ value: v, path: `${path}.value.${i}` }));
  return [{ value, path: `${path}.value` }];
}
