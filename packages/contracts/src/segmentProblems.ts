import { z } from 'zod';

/**
 * Every way a segment rule can be wrong, each with a stable code and a message in Japanese
 * and English. SEGMENT_RULE_INVALID carries `details.problems`: one entry per problem with
 * the path of the node ("rule.rules.2.value"), so a rule builder can mark the exact box.
 */
export const segmentProblemMessages = {
  unknown_type: { ja: '不明な条件の種類です。', en: 'Unknown condition or group type.' },
  invalid_operator: { ja: 'この項目には使えない演算子です。', en: 'This operator cannot be used with this field.' },
  invalid_value: { ja: '値の形式が正しくありません。', en: 'The value has the wrong type or range.' },
  unknown_property: { ja: '不要な項目が含まれています。', en: 'This property does not belong here.' },
  missing_property: { ja: '必要な項目がありません。', en: 'A required property is missing.' },
  too_deep: { ja: 'グループの入れ子が深すぎます（8段まで）。', en: 'Groups are nested too deeply (at most 8).' },
  too_many_conditions: {
    ja: '条件が多すぎます（条件200個、グループ100個まで）。',
    en: 'Too many conditions (at most 200 conditions and 100 groups).',
  },
  range_reversed: { ja: '範囲の下限が上限より大きくなっています。', en: 'The lower bound is above the upper bound.' },
  unknown_attribute: { ja: 'カスタム項目が見つかりません。', en: 'No such custom attribute.' },
  attribute_type_mismatch: {
    ja: 'カスタム項目の型に合わない条件です。',
    en: 'The operator or value does not fit the custom attribute’s type.',
  },
  unknown_option: { ja: '選択肢にない値です。', en: 'Not one of the attribute’s options.' },
  unknown_store: { ja: '店舗が見つかりません。', en: 'No such store.' },
  unknown_staff: { ja: 'スタッフが見つかりません。', en: 'No such staff member.' },
  unknown_item: { ja: 'メニュー・商品が見つかりません。', en: 'No such catalog item.' },
  unknown_channel: { ja: '集客チャネルが見つかりません。', en: 'No such acquisition channel.' },
} as const satisfies Record<string, { ja: string; en: string }>;

export type SegmentProblemCode = keyof typeof segmentProblemMessages;
export const segmentProblemCodes = Object.keys(segmentProblemMessages) as SegmentProblemCode[];

export const SegmentRuleProblem = z
  .object({
    path: z.string().meta({ example: 'rule.rules.1.value' }),
    problem: z.enum(segmentProblemCodes as [SegmentProblemCode, ...SegmentProblemCode[]]),
    message: z.string(),
  })
  .meta({ id: 'SegmentRuleProblem' });
export type SegmentRuleProblem = z.infer<typeof SegmentRuleProblem>;

export const SEGMENT_MAX_DEPTH = 8;
export const SEGMENT_MAX_CONDITIONS = 200;
export const SEGMENT_MAX_GROUPS = 100;

const groupTypes = new Set(['and', 'or', 'not']);

interface LimitIssue {
  code: 'custom';
  path: (string | number)[];
  message: string;
  params: { problem: SegmentProblemCode };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Depth and size of a raw rule, walked with an explicit stack: the limits hold before the
 * recursive schema looks at the input, so no request can exhaust the call stack.
 */
export function ensureSegmentRuleLimits(raw: unknown): LimitIssue[] {
  const stack: { node: unknown; path: (string | number)[]; depth: number }[] = [{ node: raw, path: [], depth: 0 }];
  const issues: LimitIssue[] = [];
  let conditions = 0;
  let groups = 0;
  while (stack.length > 0) {
    const { node, path, depth } = stack.pop()!;
    if (!isRecord(node)) continue;
    if (typeof node.type !== 'string' || !groupTypes.has(node.type)) {
      conditions++;
      continue;
    }
    groups++;
    if (depth + 1 > SEGMENT_MAX_DEPTH) {
      issues.push({
        code: 'custom',
        path,
        message: `groups may be nested ${SEGMENT_MAX_DEPTH} deep`,
        params: { problem: 'too_deep' },
      });
      continue;
    }
    if (node.type === 'not') stack.push({ node: node.rule, path: [...path, 'rule'], depth: depth + 1 });
    else if (Array.isArray(node.rules)) {
      node.rules.forEach((child, i) => stack.push({ node: child, path: [...path, 'rules', i], depth: depth + 1 }));
    }
  }
  if (conditions > SEGMENT_MAX_CONDITIONS || groups > SEGMENT_MAX_GROUPS) {
    issues.push({
      code: 'custom',
      path: [],
      message: `${conditions} conditions and ${groups} groups; at most ${SEGMENT_MAX_CONDITIONS} and ${SEGMENT_MAX_GROUPS}`,
      params: { problem: 'too_many_conditions' },
    });
  }
  return issues;
}

function problemOf(issue: z.core.$ZodIssue): SegmentProblemCode {
  const last = issue.path.at(-1);
  const params = issue.code === 'custom' ? (issue.params as { problem?: SegmentProblemCode } | undefined) : undefined;
  if (params?.problem) return params.problem;
  if (issue.code === 'unrecognized_keys') return 'unknown_property';
  if (last === 'type' && issue.code === 'invalid_union') return 'unknown_type';
  if (last === 'op') return 'invalid_operator';
  // Zod reports inputs only when asked to; its message names what it received.
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) return 'missing_property';
  return 'invalid_value';
}

/** Zod issues of a rule as problems; `prefix` is where the rule sits in the request. */
export function segmentProblemsFromIssues(
  issues: readonly z.core.$ZodIssue[],
  prefix: readonly PropertyKey[] = [],
): SegmentRuleProblem[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path].map(String);
    const base = { problem: problemOf(issue), message: issue.message };
    // One problem per unknown key, at the key itself.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ ...base, path: [...path, key].join('.') }));
    }
    return [{ ...base, path: path.join('.') }];
  });
}
