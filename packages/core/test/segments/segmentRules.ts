/** `depth` groups around one condition, alternating and / not / or (a raw rule, for validation). */
export function nestedRule(depth: number): unknown {
  let rule: unknown = { type: 'visitCount', op: 'gte', value: 1 };
  for (let i = 0; i < depth; i++) {
    rule =
      i % 3 === 0
        ? { type: 'and', rules: [rule] }
        : i % 3 === 1
          ? { type: 'not', rule }
          : { type: 'or', rules: [rule] };
  }
  return rule;
}
