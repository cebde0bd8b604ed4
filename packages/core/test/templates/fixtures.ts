import type { TemplateCustomerFacts, TemplateShopFacts, TemplateSource } from '../../src/messaging/templates/index.js';

/** A hand-made customer whose every fact a template can show. */
export const hanako: TemplateCustomerFacts = {
  familyName: '山田',
  givenName: '花子',
  familyNameKana: 'ヤマダ',
  givenNameKana: 'ハナコ',
  visitCount: 7,
  attributes: { hair_type: 'くせ毛', dm_ok: true },
  // 23:30 in Tokyo on 3 March is 14:30 UTC the same day; in UTC terms it would still be 3 March,
  // so the zone test below uses 00:30 JST, which is the previous day in UTC.
  lastVisit: {
    at: new Date('2026-03-03T14:30:00Z'),
    storeName: '渋谷店',
    staffName: '佐藤',
    serviceNames: ['カット', 'カラー'],
  },
  nextVisitFrom: '2026-04-10',
};

export const emptyCustomer: TemplateCustomerFacts = {
  familyName: null,
  givenName: null,
  familyNameKana: null,
  givenNameKana: null,
  visitCount: 0,
  attributes: {},
  lastVisit: null,
  nextVisitFrom: null,
};

export const shop: TemplateShopFacts = { name: 'サロン・ド・カヨイ', timeZone: 'Asia/Tokyo' };

export const lineText = (body: string, en?: string): TemplateSource => ({
  channel: 'line_text',
  ja: { body },
  en: en === undefined ? null : { body: en },
});
