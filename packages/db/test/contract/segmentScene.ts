import type { AttributeValue, ConsentChannel, Gender, ItemKind } from '@kayoi/contracts';

/**
 * A small salon written out by hand for the segment tests: every row is here as data, so
 * the oracle (segmentOracle.ts) can compute who matches a rule without the database, and
 * the same rows are written through the repositories (segmentSceneWriter.ts). "Now" is 22 November 2026, 12:00 in
 * Tokyo; several visits sit just before or after a Tokyo midnight.
 */
export const NOW = new Date('2026-11-22T03:00:00Z');
export const TIME_ZONE = 'Asia/Tokyo';

export type StoreKey = 'main' | 'branch' | 'old';
export type StaffKey = 'aoi' | 'ken';
export type ItemKey = 'cut' | 'color' | 'shampoo';
export type AttributeKey = 'hair' | 'concerns' | 'goal' | 'nextDate' | 'member' | 'memo';
type RfmSegment = 'champions' | 'at_risk' | 'hibernating' | 'new' | 'loyal';

export interface SceneVisit {
  at: string;
  store: StoreKey;
  staff: StaffKey | null;
  items: ItemKey[];
  voided?: boolean;
}

export interface SceneScore {
  pAlive: number | null;
  clv1y: number | null;
  segment: RfmSegment;
}

export interface SceneCustomer {
  key: string;
  gender: Gender;
  birthday?: string;
  area?: string;
  channel?: 'ig' | 'hp';
  acquiredOn?: string;
  tags?: string[];
  consents?: Partial<Record<ConsentChannel, 'granted' | 'withdrawn'>>;
  attributes?: Partial<Record<AttributeKey, AttributeValue>>;
  visits?: SceneVisit[];
  /** Scores of the newest succeeded run; `previous` is an older run's (must be ignored). */
  score?: SceneScore;
  previous?: SceneScore;
  erased?: boolean;
}

export const INJECTION = "' or '1'='1";
export const DROP_TABLE = "'); drop table customers; --";

export const items: Record<ItemKey, { kind: ItemKind; name: string; category: string; price: number }> = {
  cut: { kind: 'service', name: 'カット', category: 'カット', price: 5500 },
  color: { kind: 'service', name: 'カラー', category: 'カラー', price: 8800 },
  shampoo: { kind: 'product', name: 'シャンプー', category: 'ヘアケア', price: 3300 },
};

export const sceneCustomers: SceneCustomer[] = [
  {
    key: 'hana',
    gender: 'female',
    birthday: '1990-04-01',
    area: '渋谷区',
    channel: 'ig',
    acquiredOn: '2024-05-01',
    tags: ['VIP'],
    consents: { line: 'granted', email: 'granted' },
    attributes: {
      hair: 'fine',
      concerns: ['dry', 'damage'],
      goal: 3,
      nextDate: '2026-12-01',
      member: true,
      memo: 'カラー希望',
    },
    visits: [
      // 23:30 on 23 September in Tokyo: 60 days before "today".
      { at: '2026-09-23T14:30:00Z', store: 'main', staff: 'aoi', items: ['cut', 'color'] },
      { at: '2025-11-01T01:00:00Z', store: 'main', staff: 'aoi', items: ['cut'] },
      { at: '2024-05-01T02:00:00Z', store: 'branch', staff: 'ken', items: ['cut'] },
    ],
    score: { pAlive: 0.82, clv1y: 42000, segment: 'champions' },
  },
  {
    key: 'taro',
    gender: 'male',
    birthday: '1985-11-30',
    area: '新宿区',
    channel: 'hp',
    acquiredOn: '2025-02-14',
    consents: { line: 'withdrawn' },
    attributes: { hair: 'curly', goal: 10 },
    visits: [
      // 00:30 on 24 September in Tokyo, still the 23rd in UTC.
      { at: '2026-09-23T15:30:00Z', store: 'branch', staff: 'ken', items: ['cut'] },
      { at: '2026-06-01T03:00:00Z', store: 'branch', staff: 'ken', items: ['shampoo'] },
    ],
    score: { pAlive: 0.35, clv1y: 8000, segment: 'at_risk' },
  },
  {
    key: 'yuki',
    gender: 'female',
    birthday: '2000-02-29',
    area: '渋谷区',
    channel: 'ig',
    tags: ['VIP', '紹介'],
    consents: { email: 'granted', sms: 'granted' },
    attributes: { concerns: ['oily'], nextDate: '2027-01-15', member: false },
    visits: [
      { at: '2026-11-22T01:00:00Z', store: 'main', staff: 'aoi', items: ['color', 'shampoo'] },
      // 00:10 on the 22nd in Tokyo: today, although UTC says the 21st.
      { at: '2026-11-21T15:10:00Z', store: 'main', staff: 'aoi', items: ['shampoo'] },
      { at: '2026-10-01T03:00:00Z', store: 'main', staff: 'ken', items: ['cut'], voided: true },
    ],
    score: { pAlive: 0.95, clv1y: 61000, segment: 'champions' },
  },
  {
    key: 'sora',
    gender: 'other',
    tags: [INJECTION],
    attributes: { memo: DROP_TABLE },
  },
  {
    key: 'mei',
    gender: 'female',
    birthday: '1978-12-05',
    area: '目黒区',
    channel: 'hp',
    acquiredOn: '2020-01-01',
    tags: ['休眠'],
    consents: { line: 'granted' },
    attributes: { hair: 'thick', concerns: ['damage'], goal: 1.5 },
    visits: [
      { at: '2025-05-20T05:00:00Z', store: 'main', staff: 'ken', items: ['cut', 'shampoo'] },
      { at: '2025-06-20T05:00:00Z', store: 'main', staff: 'ken', items: ['cut'] },
      { at: '2025-08-01T05:00:00Z', store: 'main', staff: 'ken', items: ['color'] },
    ],
    score: { pAlive: 0.12, clv1y: 1500, segment: 'hibernating' },
    previous: { pAlive: 0.6, clv1y: 20000, segment: 'loyal' },
  },
  {
    key: 'aki',
    gender: 'unspecified',
    birthday: '1999-11-22',
    area: '渋谷区',
    consents: { line: 'granted' },
    visits: [
      { at: '2026-08-15T23:00:00Z', store: 'branch', staff: null, items: ['cut'] },
      { at: '2023-01-01T02:00:00Z', store: 'old', staff: 'ken', items: ['cut'] },
    ],
    score: { pAlive: null, clv1y: null, segment: 'new' },
  },
  {
    key: 'gone',
    gender: 'female',
    birthday: '1990-04-02',
    area: '渋谷区',
    tags: ['VIP'],
    consents: { line: 'granted' },
    visits: [{ at: '2026-09-01T03:00:00Z', store: 'main', staff: 'aoi', items: ['cut'] }],
    erased: true,
  },
  {
    key: 'rin',
    gender: 'female',
    birthday: '2010-07-07',
    area: '世田谷区',
    channel: 'ig',
    acquiredOn: '2026-11-01',
    consents: { line: 'granted', email: 'withdrawn' },
    attributes: { hair: 'thick', concerns: [], goal: 0 },
    visits: [
      { at: '2026-11-01T05:00:00Z', store: 'main', staff: 'aoi', items: ['cut'] },
      { at: '2026-11-15T05:00:00Z', store: 'main', staff: 'aoi', items: ['cut'] },
    ],
    previous: { pAlive: 0.7, clv1y: 30000, segment: 'new' },
  },
  { key: 'nao', gender: 'male', area: INJECTION, consents: { sms: 'withdrawn' } },
];
