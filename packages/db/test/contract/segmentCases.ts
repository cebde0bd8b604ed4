import type { SegmentRule } from '@kayoi/contracts';
import { DROP_TABLE, INJECTION } from './segmentScene.js';
import type { SceneRefs } from './segmentSceneWriter.js';

/**
 * Rules over the scene, several per condition kind and operator. Each is run against the
 * database and the oracle; the comments say what the case is there to catch.
 */
export function segmentCases(r: SceneRefs): [string, SegmentRule][] {
  const a = r.attributes;
  const attr = (attributeId: string, op: string, value: unknown) =>
    ({ type: 'attribute', attributeId, op, value }) as SegmentRule;
  return [
    // Profile fields.
    ['gender eq', { type: 'gender', op: 'eq', value: 'female' }],
    ['gender neq', { type: 'gender', op: 'neq', value: 'female' }],
    ['gender in', { type: 'gender', op: 'in', value: ['male', 'other'] }],
    ['gender notIn', { type: 'gender', op: 'notIn', value: ['female', 'male'] }],
    ['birth year gte', { type: 'birthYear', op: 'gte', value: 1990 }],
    ['birth year between', { type: 'birthYear', op: 'between', value: [1985, 1999] }],
    ['birth year in', { type: 'birthYear', op: 'in', value: [1978, 2010] }],
    ['birth year missing', { type: 'birthYear', op: 'exists', value: false }],
    ['age under 30', { type: 'age', op: 'lt', value: 30 }],
    ['age 27 on the birthday itself', { type: 'age', op: 'eq', value: 27 }],
    ['age between', { type: 'age', op: 'between', value: [36, 40] }],
    ['age known', { type: 'age', op: 'exists', value: true }],
    ['area eq', { type: 'area', op: 'eq', value: '渋谷区' }],
    ['area neq (only those with an area)', { type: 'area', op: 'neq', value: '渋谷区' }],
    ['area notIn', { type: 'area', op: 'notIn', value: ['渋谷区', '新宿区'] }],
    ['area missing', { type: 'area', op: 'exists', value: false }],
    ['area injection text is a literal', { type: 'area', op: 'eq', value: INJECTION }],
    ['channel eq', { type: 'acquisitionChannel', op: 'eq', value: r.channels.ig }],
    ['channel neq', { type: 'acquisitionChannel', op: 'neq', value: r.channels.ig }],
    ['channel in', { type: 'acquisitionChannel', op: 'in', value: [r.channels.ig, r.channels.hp] }],
    ['channel missing', { type: 'acquisitionChannel', op: 'exists', value: false }],
    ['acquired after', { type: 'acquiredOn', op: 'gt', value: '2024-05-01' }],
    ['acquired on or before', { type: 'acquiredOn', op: 'lte', value: '2025-02-14' }],
    ['acquired on', { type: 'acquiredOn', op: 'eq', value: '2026-11-01' }],
    ['acquired not on', { type: 'acquiredOn', op: 'notIn', value: ['2026-11-01', '2020-01-01'] }],
    ['birthday in April', { type: 'birthdayMonth', op: 'eq', value: 4 }],
    ['birthday this month', { type: 'birthdayMonth', op: 'eq', value: 'thisMonth' }],
    ['birthday next month or February', { type: 'birthdayMonth', op: 'in', value: ['nextMonth', 2] }],
    ['birthday not this month', { type: 'birthdayMonth', op: 'neq', value: 'thisMonth' }],
    ['birthday unknown', { type: 'birthdayMonth', op: 'exists', value: false }],
    // Custom attributes, each type.
    ['single choice eq', attr(a.hair, 'eq', 'fine')],
    ['single choice neq', attr(a.hair, 'neq', 'fine')],
    ['single choice in', attr(a.hair, 'in', ['curly', 'thick'])],
    ['single choice notIn', attr(a.hair, 'notIn', ['thick'])],
    ['single choice missing', attr(a.hair, 'exists', false)],
    ['multi choice has', attr(a.concerns, 'eq', 'damage')],
    ['multi choice has not (empty list included)', attr(a.concerns, 'neq', 'damage')],
    ['multi choice any of', attr(a.concerns, 'in', ['oily', 'dry'])],
    ['multi choice none of', attr(a.concerns, 'notIn', ['dry'])],
    ['multi choice set', attr(a.concerns, 'exists', true)],
    ['number gt', attr(a.goal, 'gt', 1)],
    ['number between', attr(a.goal, 'between', [0, 3])],
    ['number in', attr(a.goal, 'in', [0, 10])],
    ['number lt a fraction', attr(a.goal, 'lt', 1.5)],
    ['number neq', attr(a.goal, 'neq', 3)],
    ['date before', attr(a.nextDate, 'lt', '2027-01-01')],
    ['date between', attr(a.nextDate, 'between', ['2026-12-01', '2027-01-15'])],
    ['date eq', attr(a.nextDate, 'eq', '2027-01-15')],
    ['boolean true', attr(a.member, 'eq', true)],
    ['boolean not true', attr(a.member, 'neq', true)],
    ['boolean missing', attr(a.member, 'exists', false)],
    ['text eq', attr(a.memo, 'eq', 'カラー希望')],
    ['text with SQL in it is a literal', attr(a.memo, 'eq', DROP_TABLE)],
    ['text in', attr(a.memo, 'in', [DROP_TABLE, INJECTION])],
    // Tags and consent.
    ['tag has', { type: 'tag', op: 'has', value: 'VIP' }],
    ['tag has not', { type: 'tag', op: 'hasNot', value: 'VIP' }],
    ['tag that looks like SQL', { type: 'tag', op: 'has', value: INJECTION }],
    ['tag in Japanese', { type: 'tag', op: 'has', value: '休眠' }],
    ['LINE granted', { type: 'consent', channel: 'line', op: 'eq', value: 'granted' }],
    ['LINE not granted', { type: 'consent', channel: 'line', op: 'neq', value: 'granted' }],
    ['LINE withdrawn', { type: 'consent', channel: 'line', op: 'eq', value: 'withdrawn' }],
    ['LINE never asked', { type: 'consent', channel: 'line', op: 'eq', value: 'unknown' }],
    ['email granted', { type: 'consent', channel: 'email', op: 'eq', value: 'granted' }],
    ['SMS recorded either way', { type: 'consent', channel: 'sms', op: 'neq', value: 'unknown' }],
    // Behaviour.
    ['two visits or more', { type: 'visitCount', op: 'gte', value: 2 }],
    ['never visited (a voided visit does not count)', { type: 'visitCount', op: 'eq', value: 0 }],
    ['visited in the last 30 days', { type: 'visitCount', op: 'gte', value: 1, withinDays: 30 }],
    ['one or two visits in a year', { type: 'visitCount', op: 'between', value: [1, 2], withinDays: 365 }],
    ['no visit in 90 days', { type: 'visitCount', op: 'eq', value: 0, withinDays: 90 }],
    ['visit count in a list', { type: 'visitCount', op: 'in', value: [0, 3] }],
    ['spent 10,000 yen or more', { type: 'spend', op: 'gte', value: 10000 }],
    ['spent under 6,000 yen', { type: 'spend', op: 'lt', value: 6000 }],
    ['spent 10,000 yen in 90 days', { type: 'spend', op: 'gte', value: 10000, withinDays: 90 }],
    ['spent nothing in a year', { type: 'spend', op: 'eq', value: 0, withinDays: 365 }],
    ['last visit on 23 Sep (23:30 in Tokyo counts)', { type: 'lastVisitDate', op: 'eq', value: '2026-09-23' }],
    ['last visit on 24 Sep (00:30 in Tokyo)', { type: 'lastVisitDate', op: 'eq', value: '2026-09-24' }],
    ['last visit since 1 Nov', { type: 'lastVisitDate', op: 'gte', value: '2026-11-01' }],
    ['last visit before Sep 2025', { type: 'lastVisitDate', op: 'lt', value: '2025-09-01' }],
    ['last visit not on 23 Sep', { type: 'lastVisitDate', op: 'neq', value: '2026-09-23' }],
    ['last visit on one of', { type: 'lastVisitDate', op: 'in', value: ['2026-09-24', '2026-11-22'] }],
    ['no last visit', { type: 'lastVisitDate', op: 'exists', value: false }],
    ['60 days since the last visit', { type: 'daysSinceLastVisit', op: 'eq', value: 60 }],
    ['59 days since the last visit', { type: 'daysSinceLastVisit', op: 'eq', value: 59 }],
    ['60 days or more', { type: 'daysSinceLastVisit', op: 'gte', value: 60 }],
    ['60 to 180 days', { type: 'daysSinceLastVisit', op: 'between', value: [60, 180] }],
    ['visited today (00:10 in Tokyo is today)', { type: 'daysSinceLastVisit', op: 'lt', value: 1 }],
    ['within a week', { type: 'daysSinceLastVisit', op: 'lte', value: 7 }],
    ['more than 98 days', { type: 'daysSinceLastVisit', op: 'gt', value: 98 }],
    ['first visit before June 2024', { type: 'firstVisitDate', op: 'lt', value: '2024-06-01' }],
    ['first visit in 2025', { type: 'firstVisitDate', op: 'between', value: ['2025-01-01', '2025-12-31'] }],
    ['customer for a year or more', { type: 'daysSinceFirstVisit', op: 'gte', value: 365 }],
    ['new in the last 30 days', { type: 'daysSinceFirstVisit', op: 'lt', value: 30 }],
    ['first visit days in a list', { type: 'daysSinceFirstVisit', op: 'notIn', value: [21, 0] }],
    ['bought colour ever', { type: 'item', op: 'eq', value: r.items.color }],
    ['bought shampoo in 200 days', { type: 'item', op: 'in', value: [r.items.shampoo], withinDays: 200 }],
    ['never bought colour', { type: 'item', op: 'neq', value: r.items.color }],
    ['never had a cut (voided cut ignored)', { type: 'item', op: 'notIn', value: [r.items.cut] }],
    ['category hair care', { type: 'category', op: 'eq', value: 'ヘアケア' }],
    ['category colour in 60 days', { type: 'category', op: 'in', value: ['カラー'], withinDays: 60 }],
    ['never the cut category', { type: 'category', op: 'notIn', value: ['カット'] }],
    ['category that looks like SQL', { type: 'category', op: 'eq', value: INJECTION }],
    ['served by Aoi', { type: 'staff', op: 'eq', value: r.staff.aoi }],
    ['served by Ken in a year', { type: 'staff', op: 'in', value: [r.staff.ken], withinDays: 365 }],
    ['never served by Aoi', { type: 'staff', op: 'notIn', value: [r.staff.aoi] }],
    ['never served by Ken', { type: 'staff', op: 'neq', value: r.staff.ken }],
    ['visited the branch', { type: 'store', op: 'eq', value: r.stores.branch }],
    ['visited the archived store', { type: 'store', op: 'in', value: [r.stores.old] }],
    ['never visited the main store', { type: 'store', op: 'notIn', value: [r.stores.main] }],
    ['main store today', { type: 'store', op: 'in', value: [r.stores.main], withinDays: 0 }],
    // Scores of the newest succeeded run.
    ['P(alive) 0.8 or more', { type: 'pAlive', op: 'gte', value: 0.8 }],
    ['P(alive) under 0.4', { type: 'pAlive', op: 'lt', value: 0.4 }],
    ['P(alive) between', { type: 'pAlive', op: 'between', value: [0.3, 0.9] }],
    ['P(alive) known', { type: 'pAlive', op: 'exists', value: true }],
    ['P(alive) unknown', { type: 'pAlive', op: 'exists', value: false }],
    ['CLV over 10,000', { type: 'predictedClv1y', op: 'gt', value: 10000 }],
    ['CLV unknown', { type: 'predictedClv1y', op: 'exists', value: false }],
    ['RFM champions', { type: 'rfmSegment', op: 'eq', value: 'champions' }],
    ['RFM not champions', { type: 'rfmSegment', op: 'neq', value: 'champions' }],
    ['RFM at risk or hibernating', { type: 'rfmSegment', op: 'in', value: ['at_risk', 'hibernating'] }],
    ['RFM loyal (an older run only)', { type: 'rfmSegment', op: 'eq', value: 'loyal' }],
    // Groups.
    ['everyone (empty and)', { type: 'and', rules: [] }],
    ['no one (empty or)', { type: 'or', rules: [] }],
    [
      'the benchmark rule',
      {
        type: 'and',
        rules: [
          { type: 'daysSinceLastVisit', op: 'between', value: [60, 180] },
          { type: 'visitCount', op: 'gte', value: 2 },
          { type: 'consent', channel: 'line', op: 'eq', value: 'granted' },
          { type: 'not', rule: { type: 'tag', op: 'has', value: '休眠' } },
        ],
      },
    ],
    [
      'or of ands',
      {
        type: 'or',
        rules: [
          {
            type: 'and',
            rules: [
              { type: 'gender', op: 'eq', value: 'male' },
              { type: 'visitCount', op: 'gte', value: 1 },
            ],
          },
          { type: 'and', rules: [{ type: 'tag', op: 'has', value: 'VIP' }, attr(a.hair, 'eq', 'fine')] },
        ],
      },
    ],
    [
      'not of a missing value includes those without one',
      { type: 'not', rule: { type: 'area', op: 'eq', value: '渋谷区' } },
    ],
    ['not of a comparison on a missing attribute', { type: 'not', rule: attr(a.goal, 'gt', 1) }],
    ['double negation', { type: 'not', rule: { type: 'not', rule: { type: 'pAlive', op: 'gte', value: 0.5 } } }],
    [
      'not of an or with missing values',
      {
        type: 'not',
        rule: { type: 'or', rules: [{ type: 'area', op: 'neq', value: '渋谷区' }, attr(a.goal, 'lt', 2)] },
      },
    ],
    ['eight groups deep', nested(8, { type: 'visitCount', op: 'gte', value: 1 })],
  ];
}

/** `depth` groups around a condition, alternating and / not / or. */
export function nested(depth: number, leaf: SegmentRule): SegmentRule {
  let rule = leaf;
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
