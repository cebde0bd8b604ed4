import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AttributeDefinitionCreate, CatalogItemCreate, CustomerCreate, channelKinds } from '@kayoi/contracts';
import { Temporal } from 'temporal-polyfill';
import { generateDemoDataset, type DemoDataset } from '../../src/demo/index.js';
import { FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES } from '../../src/demo/givenNames.js';
import { BASE_OPTIONS, dataset, visitTotal } from './fixtures.js';

function localTime(instant: string, timeZone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.from(instant).toZonedDateTimeISO(timeZone);
}

const KATAKANA = /^[\u30A0-\u30FF]+$/;
const STORE_CLOSED_WEEKDAY: Record<string, number> = { 'store-1': 2, 'store-2': 1 }; // Temporal: Mon=1 … Sun=7

function checkVisitTimes(ds: DemoDataset, timeZone: string, endDate: string): void {
  for (const v of ds.visits) {
    const local = localTime(v.startedAt, timeZone);
    const minutes = local.hour * 60 + local.minute;
    assert.ok(minutes >= 600 && minutes <= 1170, `${v.externalId} starts at ${local.toPlainTime().toString()}`);
    assert.notEqual(local.dayOfWeek, STORE_CLOSED_WEEKDAY[v.storeKey], `${v.externalId} on a closed day`);
    const md = `${local.month}-${local.day}`;
    assert.ok(!['12-31', '1-1', '1-2', '1-3'].includes(md), `${v.externalId} during the New Year break`);
    assert.ok(local.toPlainDate().toString() <= endDate);
  }
}

describe('demo dataset shape', () => {
  const ds = dataset();

  it('has two stores, six stylists and an owner who also serves customers', () => {
    assert.equal(ds.stores.length, 2);
    assert.deepEqual(
      ds.stores.map((s) => s.name),
      ['表参道本店', '吉祥寺店'],
    );
    const stylists = ds.staff.filter((s) => s.role === 'staff');
    const owners = ds.staff.filter((s) => s.role === 'owner');
    assert.equal(stylists.length, 6);
    assert.equal(owners.length, 1);
    for (const store of ds.stores) {
      assert.equal(stylists.filter((s) => s.storeKeys.includes(store.key)).length, 3);
    }
    const ownerKey = owners[0]?.key;
    assert.ok(ds.visits.filter((v) => v.staffKey === ownerKey).length > 100);
    assert.ok(ds.staff.every((s) => /^staff-\d+$/.test(s.key) && s.nameKana.length > 0));
  });

  it('has exactly the requested number of customers, numbered in order of acquisition', () => {
    assert.equal(ds.customers.length, BASE_OPTIONS.customers);
    assert.equal(ds.truth.length, BASE_OPTIONS.customers);
    ds.customers.forEach((c, i) => {
      assert.equal(c.externalId, `DEMO-${String(i + 1).padStart(6, '0')}`);
      if (i > 0) assert.ok(c.acquiredOn >= (ds.customers[i - 1]?.acquiredOn ?? ''));
      assert.equal(ds.truth[i]?.externalId, c.externalId);
      assert.equal(ds.truth[i]?.channelKey, c.channelKey);
    });
    assert.equal(new Set(ds.visits.map((v) => v.externalId)).size, ds.visits.length);
    ds.visits.forEach((v, i) => assert.equal(v.externalId, `DEMO-V-${String(i + 1).padStart(7, '0')}`));
  });

  it('has a catalog and attribute definitions the contracts accept', () => {
    for (const item of ds.catalog) {
      const parsed = CatalogItemCreate.safeParse(item);
      assert.ok(parsed.success, `${item.name}: ${JSON.stringify(parsed.error?.issues)}`);
      assert.ok(Number.isInteger(item.price) && Number.isInteger(item.cost) && item.cost < item.price);
      assert.ok(item.category);
      if (item.kind === 'service') assert.ok((item.durationMinutes ?? 0) >= 15);
    }
    assert.equal(new Set(ds.catalog.map((i) => i.name)).size, ds.catalog.length);
    const prices = new Map(ds.catalog.map((i) => [i.name, i.price]));
    assert.equal(prices.get('カット'), 5_500);
    assert.equal(prices.get('カラー'), 7_700);
    for (const name of [
      'カット＋カラー',
      'パーマ',
      '縮毛矯正',
      'トリートメント',
      'ヘッドスパ（30分）',
      'メンズカット',
      'キッズカット（小学生以下）',
    ]) {
      assert.ok(prices.has(name), name);
    }
    assert.ok(ds.catalog.filter((i) => i.kind === 'product').length >= 3);
    for (const def of ds.attributes) {
      const parsed = AttributeDefinitionCreate.safeParse(def);
      assert.ok(parsed.success, `${def.key}: ${JSON.stringify(parsed.error?.issues)}`);
      for (const o of def.options) assert.match(o.value, /^[a-z_]+$/);
    }
    assert.deepEqual(
      ds.attributes.map((a) => a.key),
      ['hair_type', 'scalp', 'allergies', 'preferred_contact', 'colour_history'],
    );
  });

  it('has the six channels with valid kinds and a monthly spend row for each', () => {
    assert.deepEqual(
      ds.channels.map((c) => c.kind),
      ['portal', 'sns', 'search', 'referral', 'walk_in', 'print'],
    );
    assert.ok(ds.channels.every((c) => (channelKinds as readonly string[]).includes(c.kind)));
    const months = new Set(ds.adSpend.map((a) => a.month));
    assert.equal(months.size, 37); // 2022-11 … 2025-11
    assert.equal(ds.adSpend.length, months.size * ds.channels.length);
    for (const row of ds.adSpend) {
      assert.match(row.month, /^\d{4}-(0[1-9]|1[0-2])$/);
      assert.ok(Number.isInteger(row.amount) && row.amount >= 0);
    }
    assert.ok(ds.adSpend.filter((a) => a.channelKey === 'walk_in').every((a) => a.amount === 0));
  });
});

describe('demo customers', () => {
  const ds = dataset();

  it('are valid CustomerCreate payloads apart from the channel id', () => {
    for (const c of ds.customers) {
      const parsed = CustomerCreate.safeParse({
        externalId: c.externalId,
        familyName: c.familyName,
        givenName: c.givenName,
        familyNameKana: c.familyNameKana,
        givenNameKana: c.givenNameKana,
        email: c.email,
        phone: c.phone,
        gender: c.gender,
        birthday: c.birthday,
        postalCode: c.postalCode,
        area: c.area,
        acquiredOn: c.acquiredOn,
        notes: c.notes,
        tags: c.tags,
        attributes: c.attributes,
      });
      assert.ok(parsed.success, `${c.externalId}: ${JSON.stringify(parsed.error?.issues)}`);
    }
  });

  it('have katakana readings, example-domain e-mails, mobile numbers and unique contacts', () => {
    for (const c of ds.customers) {
      assert.match(c.familyNameKana, KATAKANA);
      assert.match(c.givenNameKana, KATAKANA);
      if (c.email) assert.match(c.email, /^[a-z0-9._]+@example\.(com|jp)$/);
      if (c.phone) assert.match(c.phone, /^0[789]0\d{8}$/);
      if (c.postalCode) assert.match(c.postalCode, /^\d{3}-\d{4}$/);
      assert.equal(c.consents.sms, undefined);
    }
    const emails = ds.customers.flatMap((c) => (c.email ? [c.email] : []));
    const phones = ds.customers.flatMap((c) => (c.phone ? [c.phone] : []));
    assert.equal(new Set(emails).size, emails.length);
    assert.equal(new Set(phones).size, phones.length);
    assert.ok(phones.length / ds.customers.length > 0.8);
    const emailShare = emails.length / ds.customers.length;
    assert.ok(emailShare > 0.4 && emailShare < 0.6, `e-mail share ${emailShare}`);
    assert.ok(new Set(ds.customers.map((c) => c.familyName)).size >= 80);
    assert.ok(new Set(ds.customers.map((c) => c.givenName)).size >= 120);
  });

  it('are mostly women, aged about 18 to 70, from around the stores', () => {
    const female = ds.customers.filter((c) => c.gender === 'female').length / ds.customers.length;
    assert.ok(female > 0.7 && female < 0.8, `female share ${female}`);
    for (const c of ds.customers) {
      if (!c.birthday) continue;
      const age = Temporal.PlainDate.from(c.birthday).until(Temporal.PlainDate.from(c.acquiredOn), {
        largestUnit: 'years',
      }).years;
      assert.ok(age >= 18 && age <= 68, `${c.externalId} aged ${age}`);
    }
    const areas = new Set(ds.customers.flatMap((c) => (c.area ? [c.area] : [])));
    for (const area of ['渋谷区', '港区', '世田谷区', '武蔵野市', '三鷹市', '杉並区']) assert.ok(areas.has(area), area);
  });

  it('carry given names of their generation (no 陽菜 born in 1970)', () => {
    const eraOf = new Map([...FEMALE_GIVEN_NAMES, ...MALE_GIVEN_NAMES].map((n) => [`${n.kanji}/${n.kana}`, n.era]));
    for (const c of ds.customers) {
      const era = eraOf.get(`${c.givenName}/${c.givenNameKana}`);
      assert.ok(era, `${c.givenName} is not in the name lists`);
      if (!c.birthday) continue;
      const year = Number(c.birthday.slice(0, 4));
      if (year <= 1975) assert.notEqual(era, 'reiwa', `${c.givenName} born ${year}`);
      if (year >= 1996) assert.notEqual(era, 'showa', `${c.givenName} born ${year}`);
    }
  });

  it('reference stores, staff and channels that exist, with the stylist working at the home store', () => {
    const stores = new Set(ds.stores.map((s) => s.key));
    const channels = new Set(ds.channels.map((c) => c.key));
    const staff = new Map(ds.staff.map((s) => [s.key, s]));
    for (const c of ds.customers) {
      assert.ok(stores.has(c.homeStoreKey));
      assert.ok(channels.has(c.channelKey));
      assert.ok(staff.get(c.preferredStaffKey)?.storeKeys.includes(c.homeStoreKey));
      assert.ok(c.acquiredOn >= '2022-11-23' && c.acquiredOn <= BASE_OPTIONS.endDate);
    }
  });

  it('have attribute values that fit their definitions', () => {
    const defs = new Map(ds.attributes.map((d) => [d.key, d]));
    let withHairType = 0;
    for (const c of ds.customers) {
      for (const [key, value] of Object.entries(c.attributes)) {
        const def = defs.get(key);
        assert.ok(def, `unknown attribute ${key}`);
        if (def.type === 'single_choice')
          assert.ok(
            def.options.some((o) => o.value === value),
            `${key}=${String(value)}`,
          );
        if (def.type === 'text') assert.equal(typeof value, 'string');
        if (def.type === 'boolean') assert.equal(typeof value, 'boolean');
      }
      if (c.attributes.hair_type !== undefined) withHairType++;
      if (c.attributes.preferred_contact === 'email') assert.ok(c.email);
      if (c.attributes.preferred_contact === 'line') assert.equal(c.consents.line, 'granted');
      if (c.attributes.allergies !== undefined) assert.ok(c.tags.includes('アレルギー注意'));
    }
    assert.ok(withHairType / ds.customers.length > 0.75);
    const allergic = ds.customers.filter((c) => c.attributes.allergies !== undefined).length / ds.customers.length;
    assert.ok(allergic > 0.02 && allergic < 0.1, `allergies are sparse: ${allergic}`);
  });

  it('grant LINE to about 65% and e-mail to about 55% of those with an address, with some withdrawals', () => {
    const line = ds.customers.filter((c) => c.consents.line === 'granted').length / ds.customers.length;
    const withEmail = ds.customers.filter((c) => c.email);
    const email = withEmail.filter((c) => c.consents.email === 'granted').length / withEmail.length;
    assert.ok(line > 0.6 && line < 0.7, `LINE ${line}`);
    assert.ok(email > 0.5 && email < 0.6, `e-mail ${email}`);
    assert.ok(ds.customers.every((c) => c.email || c.consents.email === undefined));
    assert.ok(ds.customers.filter((c) => c.consents.line === 'withdrawn').length > 20);
    assert.ok(ds.customers.filter((c) => c.consents.email === 'withdrawn').length > 10);
  });

  it('tag the top 5% by revenue as VIP, and students only when young', () => {
    const vips = ds.customers.filter((c) => c.tags.includes('VIP'));
    assert.equal(vips.length, 150);
    for (const c of ds.customers.filter((x) => x.tags.includes('学生'))) {
      if (!c.birthday) continue;
      const age = Temporal.PlainDate.from(c.birthday).until(Temporal.PlainDate.from(c.acquiredOn), {
        largestUnit: 'years',
      }).years;
      assert.ok(age <= 22);
    }
    assert.ok(ds.customers.some((c) => c.notes !== null));
  });
});

describe('demo visits', () => {
  const ds = dataset();
  const customers = new Map(ds.customers.map((c) => [c.externalId, c]));
  const truth = new Map(ds.truth.map((t) => [t.externalId, t]));
  const staff = new Map(ds.staff.map((s) => [s.key, s]));
  const prices = new Map(ds.catalog.map((i) => [i.name, i.price]));

  it('reference existing customers, their home store, staff working there and catalog items at list price', () => {
    for (const v of ds.visits) {
      const c = customers.get(v.customerExternalId);
      assert.ok(c, v.customerExternalId);
      assert.equal(v.storeKey, c.homeStoreKey);
      assert.ok(staff.get(v.staffKey)?.storeKeys.includes(v.storeKey), `${v.staffKey} at ${v.storeKey}`);
      assert.ok(v.items.length >= 1);
      for (const item of v.items) {
        assert.equal(prices.get(item.name), item.unitPrice, item.name);
        assert.ok(Number.isInteger(item.quantity) && item.quantity >= 1);
      }
    }
  });

  it('start on the acquisition day and never after the end of history or the churn day', () => {
    const byCustomer = new Map<string, string[]>();
    for (const v of ds.visits) {
      const day = localTime(v.startedAt, BASE_OPTIONS.timeZone).toPlainDate().toString();
      const list = byCustomer.get(v.customerExternalId) ?? [];
      list.push(day);
      byCustomer.set(v.customerExternalId, list);
    }
    for (const c of ds.customers) {
      const days = byCustomer.get(c.externalId) ?? [];
      assert.equal(days[0], c.acquiredOn, `${c.externalId} first visit`);
      assert.equal(new Set(days).size, days.length, `${c.externalId} twice on one day`);
      const last = days[days.length - 1] ?? '';
      assert.ok(last <= BASE_OPTIONS.endDate);
      const churnedOn = truth.get(c.externalId)?.churnedOn;
      if (churnedOn) assert.equal(last, churnedOn, `${c.externalId} visits after churning`);
    }
  });

  it('keep money in whole yen: discounts within amounts and payments summing to the total', () => {
    for (const v of ds.visits) {
      let lines = 0;
      for (const item of v.items) {
        assert.ok(Number.isInteger(item.unitPrice) && Number.isInteger(item.discount));
        assert.ok(item.discount >= 0 && item.discount <= item.quantity * item.unitPrice);
        lines += item.quantity * item.unitPrice - item.discount;
      }
      assert.ok(Number.isInteger(v.discount) && v.discount >= 0 && v.discount <= lines, v.externalId);
      const total = visitTotal(v);
      assert.ok(total > 0);
      assert.equal(
        v.payments.reduce((sum, p) => sum + p.amount, 0),
        total,
        v.externalId,
      );
      for (const p of v.payments) {
        assert.ok(['cash', 'card', 'qr'].includes(p.method));
        assert.ok(Number.isInteger(p.amount) && p.amount > 0);
      }
    }
    const split = ds.visits.filter((v) => v.payments.length > 1).length / ds.visits.length;
    assert.ok(split > 0.005 && split < 0.06, `split payments ${split}`);
    assert.ok(ds.visits.some((v) => v.items.some((i) => i.discount > 0)));
  });

  it('charge the student price only to students aged 22 or under on the day', () => {
    const studentVisits = ds.visits.filter((v) => v.items.some((i) => i.name === '学生カット'));
    assert.ok(studentVisits.length > 50);
    for (const v of studentVisits) {
      const c = customers.get(v.customerExternalId);
      assert.ok(c?.tags.includes('学生'));
      if (!c?.birthday) continue;
      const day = localTime(v.startedAt, BASE_OPTIONS.timeZone).toPlainDate();
      assert.ok(Temporal.PlainDate.from(c.birthday).until(day, { largestUnit: 'years' }).years <= 22);
    }
  });

  it('happen in local opening hours on days the store is open', () => {
    checkVisitTimes(ds, BASE_OPTIONS.timeZone, BASE_OPTIONS.endDate);
  });

  it('keep local opening hours in a zone with daylight saving time', () => {
    const options = { ...BASE_OPTIONS, customers: 400, timeZone: 'America/New_York', endDate: '2025-03-31' };
    checkVisitTimes(generateDemoDataset(options), options.timeZone, options.endDate);
  });

  it('are mostly with the preferred stylist, sometimes with a colleague', () => {
    const share =
      ds.visits.filter((v) => customers.get(v.customerExternalId)?.preferredStaffKey === v.staffKey).length /
      ds.visits.length;
    assert.ok(share > 0.85 && share < 0.98, `preferred stylist share ${share}`);
  });

  it('compose believable tickets: women colour more, men mostly cut, products now and then', () => {
    const names = (gender: string) =>
      ds.visits
        .filter((v) => customers.get(v.customerExternalId)?.gender === gender)
        .map((v) => v.items.map((i) => i.name));
    const share = (lists: string[][], test: (name: string) => boolean) =>
      lists.filter((l) => l.some(test)).length / lists.length;
    const women = names('female');
    const men = names('male');
    const colour = (n: string) => n.includes('カラー');
    assert.ok(share(women, colour) > 0.35, `women colour ${share(women, colour)}`);
    assert.ok(share(men, colour) < 0.2, `men colour ${share(men, colour)}`);
    assert.ok(share(men, (n) => n === 'メンズカット' || n === '学生カット') > 0.8);
    const productShare =
      ds.visits.filter((v) => v.items.some((i) => ds.catalog.find((c) => c.name === i.name)?.kind === 'product'))
        .length / ds.visits.length;
    assert.ok(productShare > 0.04 && productShare < 0.25, `product share ${productShare}`);
    const tickets = ds.visits.map(visitTotal);
    const mean = tickets.reduce((a, b) => a + b, 0) / tickets.length;
    assert.ok(mean > 7_000 && mean < 12_000, `average ticket ${mean}`);
  });

  it('give most portal customers a first-visit coupon and rarely one to walk-ins', () => {
    const firstVisits = new Map<string, (typeof ds.visits)[number]>();
    for (const v of ds.visits) if (!firstVisits.has(v.customerExternalId)) firstVisits.set(v.customerExternalId, v);
    const couponShare = (channel: string) => {
      const list = ds.customers.filter((c) => c.channelKey === channel).map((c) => firstVisits.get(c.externalId));
      return list.filter((v) => (v?.discount ?? 0) > 0).length / list.length;
    };
    assert.ok(couponShare('portal') > 0.7, `portal ${couponShare('portal')}`);
    assert.ok(couponShare('walk_in') < 0.05, `walk-in ${couponShare('walk_in')}`);
  });
});
