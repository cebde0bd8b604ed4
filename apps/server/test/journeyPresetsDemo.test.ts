import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CatalogItem, Journey, JourneyPreset, Role, StaffNotification } from '@kayoi/contracts';
import {
  COLOUR_CATEGORIES,
  HIGH_VALUE_MIN_PREDICTED_CLV,
  HIGH_VALUE_SEGMENTS,
  PERM_CATEGORIES,
  expectedVisitInterval,
  nextDueDate,
  shopMeanIntervalForServices,
  shopVisitIntervals,
  visitIntervalsDays,
  type ServiceVisit,
} from '@kayoi/core';
import { engines } from '@kayoi/db/testing';
import { createDemoTenant } from '../src/demo/createDemoTenant.js';
import { buildWorker } from '../src/worker/buildWorker.js';
import { computeInline } from '../src/worker/computeRefresh.js';
import { buildJourneyWorker } from '../src/worker/journeys/buildJourneyWorker.js';
import type { DeliveryWorker } from '../src/worker/delivery/buildDeliveryWorker.js';
import {
  connectChannels,
  getJson,
  lineUserIdOf,
  manualClock,
  postJson,
  type MessagingScene,
} from './support/messaging.js';
import { login, startTestApp, type Business, type TestApp } from './support/testApp.js';

/**
 * Issue 6's acceptance test: the demo salon installs the six lifecycle presets, switches them
 * on and lives through fifteen days on a hand-moved clock. Every expectation is derived from
 * the shop's data (visits, birthdays, consents, scores) and the presets' written rules, then
 * compared with what the journey and delivery workers did.
 */

const ZONE_OFFSET_MS = 9 * 3_600_000; // Asia/Tokyo has no DST
const FIRST_DAY = '2026-11-20';
const DAYS = 15;
/** Local times the test moves the clock to each day; workers drain at every one. */
const STEPS = ['00:30', '09:00', '10:00', '11:00', '12:00', '13:00', '14:00', '18:00', '20:30', '21:30', '23:30'];
const DAY_VISITS_AT = '13:00';
const LATE_VISIT_AT = '20:30';

const at = (date: string, time: string) => new Date(`${date}T${time}:00+09:00`);
const localOf = (instant: Date) => {
  const iso = new Date(instant.getTime() + ZONE_OFFSET_MS).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16), hour: Number(iso.slice(11, 13)) };
};
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
/** Whether `day` is this birthday's celebration day (Feb 29 is celebrated on Feb 28 in common years). */
const isBirthdayOn = (birthday: string, day: string) => {
  const md = birthday.slice(5);
  if (md === '02-29' && !isLeap(Number(day.slice(0, 4)))) return day.slice(5) === '02-28';
  return day.slice(5) === md;
};

interface CustomerRow {
  id: string;
  email: string | null;
  line_user_id: string | null;
  birthday: string | null;
}
interface DeliveryRow {
  id: string;
  campaign_id: string;
  customer_id: string;
  idempotency_key: string;
  arm: 'a' | 'holdout';
  templates: { line?: string; email?: string } | null;
  channel: 'line' | 'email' | null;
  status: string;
  reason: string | null;
  not_before: Date | string;
  sent_at: Date | string | null;
}
interface EnrollmentRow {
  id: string;
  journey_id: string;
  customer_id: string;
  arm: 'a' | 'holdout';
  entry_key: string;
  status: string;
  end_reason: string | null;
  entered_at: Date | string;
}
interface SimVisit {
  id: string;
  customerId: string;
  at: Date;
  category: string | null;
}

for (const engine of engines) {
  describe(`the demo shop runs the six lifecycle presets end to end on ${engine}`, () => {
    const clock = manualClock(at(FIRST_DAY, STEPS[0]!).toISOString());
    let t: TestApp;
    let scene: MessagingScene;
    let tenantId: string;
    let owner: string;
    let customers: CustomerRow[];
    const consents = new Map<string, Map<string, string>>();
    const journeys = new Map<string, Journey>();
    const visits: SimVisit[] = [];
    /** Per local day, the customers due by their cycle when that day's scan ran (computed by the test). */
    const dueOn = new Map<string, Set<string>>();
    let deliveryWorker: DeliveryWorker;

    const query = <T>(sql: string, params: unknown[] = []) => t.test.db.query<T>(sql, [tenantId, ...params]);

    /** The test's own reading of the visit histories, as the cycle rule defines them. */
    async function dueToday(today: string): Promise<Set<string>> {
      const rows = await query<{ customer_id: string; date: string; keys: string[] | null }>(
        `select v.customer_id, (v.started_at at time zone 'Asia/Tokyo')::date::text as date,
                (select array_agg(coalesce(li.category, li.item_id::text)) from visit_line_items li
                   where li.tenant_id = v.tenant_id and li.visit_id = v.id and li.kind = 'service') as keys
           from visits v where v.tenant_id = $1 and v.status = 'completed' order by v.customer_id, v.started_at`,
      );
      const histories = new Map<string, ServiceVisit[]>();
      for (const r of rows)
        histories.set(r.customer_id, [
          ...(histories.get(r.customer_id) ?? []),
          { date: r.date, serviceKeys: r.keys ?? [] },
        ]);
      const shop = shopVisitIntervals([...histories.values()]);
      const due = new Set<string>();
      for (const [customerId, history] of histories) {
        const last = history.at(-1)!;
        const mean = shopMeanIntervalForServices(shop, last.serviceKeys);
        if (mean === null) continue;
        const interval = expectedVisitInterval({
          customerIntervalsDays: visitIntervalsDays(history.map((v) => v.date)),
          shopMeanIntervalDays: mean,
        });
        if (nextDueDate(last.date, interval) === today) due.add(customerId);
      }
      return due;
    }

    before(async () => {
      t = await startTestApp(engine, { clock: clock.now });
      const demo = await createDemoTenant(t.test.db, t.deps.store, t.deps.hasher, {
        seed: 11,
        customers: 200,
        years: 2,
        timeZone: 'Asia/Tokyo',
        endDate: addDays(FIRST_DAY, -1),
        ownerEmail: `owner-${engine}@presets.example`,
        now: clock.now(),
      });
      tenantId = demo.tenantId;
      owner = (await login(t, demo.ownerEmail, demo.ownerPassword)).token;
      const business = { tokens: { owner } as Record<Role, string> } as Business;
      // Three messages can follow one visit within three days; the default cap (2 a week) would skip some.
      const patched = await t.call('PATCH', '/api/v1/tenant', {
        token: owner,
        body: { settings: { messaging: { weeklyCap: 50 } } },
      });
      assert.equal(patched.status, 200, await patched.clone().text());
      scene = await connectChannels(t, business);
      deliveryWorker = scene.worker(clock.now);

      customers = await query<CustomerRow>(
        `select id, email, line_user_id, birthday::text from customers where tenant_id = $1 order by id`,
      );
      for (const c of await query<{ customer_id: string; channel: string; status: string }>(
        `select customer_id, channel, status from customer_consents where tenant_id = $1`,
      ))
        consents.set(c.customer_id, (consents.get(c.customer_id) ?? new Map()).set(c.channel, c.status));
      // The demo records LINE consent but links no LINE account: link one for everyone with a LINE
      // consent, granted or withdrawn, so a withdrawn consent with a linked id is exercised too.
      let n = 0;
      for (const c of customers) {
        if (!consents.get(c.id)?.has('line')) continue;
        c.line_user_id = lineUserIdOf(++n);
        const res = await t.call('PATCH', `/api/v1/customers/${c.id}`, {
          token: owner,
          body: { lineUserId: c.line_user_id },
        });
        assert.equal(res.status, 200, await res.clone().text());
      }
      assert.ok(n > 50, `${n} customers with a LINE consent`);

      // Scores: one refresh; its p_alive_previous is P(alive) some weeks back, so crossings exist.
      await t.deps.store.forTenant(tenantId).analytics.request({ trigger: 'manual', requestedBy: null });
      const refresher = buildWorker({
        db: t.test.db,
        store: t.deps.store,
        clock: clock.now,
        compute: computeInline,
        log: () => undefined,
      });
      assert.equal(await refresher.drain(), 1);
      // Two high-value customers who did not cross are made to cross, so the send arm of the
      // win-back branch is exercised whatever the seed's scores are (the natural crossings stay).
      const forced = await query<{ customer_id: string }>(
        `select s.customer_id from customer_scores s
           where s.tenant_id = $1 and (s.segment = any($2) or s.clv_1y >= $3)
             and not (coalesce(s.p_alive_previous, 0) >= 0.5 and coalesce(s.p_alive, 1) < 0.5)
           order by s.customer_id limit 2`,
        [[...HIGH_VALUE_SEGMENTS], HIGH_VALUE_MIN_PREDICTED_CLV],
      );
      assert.equal(forced.length, 2);
      await query(
        `update customer_scores set p_alive_previous = 0.8, p_alive = 0.3 where tenant_id = $1 and customer_id = any($2)`,
        [forced.map((f) => f.customer_id)],
      );

      const presets = await getJson<{ items: JourneyPreset[] }>(t, owner, '/api/v1/journey-presets');
      assert.equal(presets.items.length, 6);
      for (const preset of presets.items) {
        const journey = await postJson<Journey>(t, owner, `/api/v1/journey-presets/${preset.key}/install`, {});
        journeys.set(preset.key, await postJson<Journey>(t, owner, `/api/v1/journeys/${journey.id}/activate`, {}, 200));
      }

      const items = (await getJson<{ items: CatalogItem[] }>(t, owner, '/api/v1/catalog/items')).items.filter(
        (i) => i.kind === 'service' && i.active !== false,
      );
      const colour = items.find((i) => i.category !== null && COLOUR_CATEGORIES.includes(i.category));
      const perm = items.find((i) => i.category !== null && PERM_CATEGORIES.includes(i.category));
      const other = items.find(
        (i) => i.category !== null && !COLOUR_CATEGORIES.includes(i.category) && !PERM_CATEGORIES.includes(i.category),
      );
      assert.ok(colour && perm && other, 'the demo menu has colour, perm and other services');
      const menu = [colour, perm, other];
      const [store] = (await getJson<{ items: { id: string }[] }>(t, owner, '/api/v1/stores')).items;

      const journeyWorker = buildJourneyWorker({
        db: t.test.db,
        store: t.deps.store,
        clock: clock.now,
        log: () => undefined,
      });
      let next = 0;
      const visit = async () => {
        const customer = customers[(next * 37) % customers.length]!;
        const item = menu[next++ % menu.length]!;
        const created = await postJson<{ id: string }>(t, owner, '/api/v1/visits', {
          customerId: customer.id,
          storeId: store!.id,
          startedAt: clock.now().toISOString(),
          items: [{ itemId: item.id }],
          payments: [{ method: 'card', amount: item.price }],
        });
        visits.push({ id: created.id, customerId: customer.id, at: clock.now(), category: item.category });
      };

      for (let d = 0; d < DAYS; d++) {
        const day = addDays(FIRST_DAY, d);
        for (const time of STEPS) {
          clock.set(at(day, time).toISOString());
          if (time === STEPS[0]) dueOn.set(day, await dueToday(day));
          if (time === DAY_VISITS_AT) for (let i = 0; i < 3; i++) await visit();
          // None on the last day: its thank-you would still wait for the morning when the test ends.
          if (time === LATE_VISIT_AT && d < DAYS - 1) await visit();
          await journeyWorker.drain();
          await deliveryWorker.drain();
        }
      }
      await scene.smtp.waitForMessages(
        (
          await query<{ n: number }>(
            `select count(*)::int as n from deliveries where tenant_id = $1 and channel = 'email' and status = 'sent'`,
          )
        )[0]!.n,
      );
    });
    after(async () => {
      await scene?.close();
      await t?.close();
    });

    const deliveries = () =>
      query<DeliveryRow>(
        `select d.id, d.campaign_id, d.customer_id, d.idempotency_key, d.arm, d.templates, d.channel, d.status,
                d.reason, d.not_before, d.sent_at
           from deliveries d join journeys j on j.tenant_id = d.tenant_id and j.campaign_id = d.campaign_id
          where d.tenant_id = $1`,
      );
    const enrollments = () =>
      query<EnrollmentRow>(
        `select id, journey_id, customer_id, arm, entry_key, status, end_reason, entered_at
           from journey_enrollments where tenant_id = $1`,
      );
    /** journey:<journey>:v<version>:<enrollment>:<step> */
    const keyParts = (key: string) => {
      const [, journeyId, , enrollmentId, stepId] = key.split(':');
      return { journeyId: journeyId!, enrollmentId: enrollmentId!, stepId: stepId! };
    };
    const byEnrollment = async () => {
      const out = new Map<string, DeliveryRow[]>();
      for (const d of await deliveries()) {
        const { enrollmentId } = keyParts(d.idempotency_key);
        out.set(enrollmentId, [...(out.get(enrollmentId) ?? []), d]);
      }
      return out;
    };
    const enrollmentsOf = async (key: string) =>
      (await enrollments()).filter((e) => e.journey_id === journeys.get(key)!.id);
    const reachableChannel = (customerId: string): 'line' | 'email' | null => {
      const c = customers.find((x) => x.id === customerId)!;
      const granted = consents.get(customerId);
      if (granted?.get('line') === 'granted' && c.line_user_id) return 'line';
      if (granted?.get('email') === 'granted' && c.email) return 'email';
      return null;
    };
    const stepTime = (d: DeliveryRow) => new Date(d.not_before);

    it('enrols customers and produces deliveries in every preset', async () => {
      const all = await enrollments();
      const rows = await deliveries();
      for (const [key, journey] of journeys) {
        assert.ok(
          all.some((e) => e.journey_id === journey.id),
          `${key} enrolled someone`,
        );
        assert.ok(
          rows.some((d) => d.campaign_id === journey.campaignId),
          `${key} produced deliveries`,
        );
      }
      assert.ok(
        rows.some((d) => d.status === 'sent' && d.channel === 'line'),
        'LINE was used',
      );
      assert.ok(
        rows.some((d) => d.status === 'sent' && d.channel === 'email'),
        'email was used',
      );
    });

    it('sends on the first consented, reachable channel only, and nothing to the holdout', async () => {
      const rows = await deliveries();
      for (const d of rows) {
        if (d.arm === 'holdout') {
          assert.equal(d.status, 'held_out', d.idempotency_key);
          assert.equal(d.sent_at, null);
          continue;
        }
        const expected = reachableChannel(d.customer_id);
        if (expected === null) assert.deepEqual([d.status, d.reason], ['skipped', 'no_consented_channel']);
        else assert.deepEqual([d.status, d.channel], ['sent', expected], d.idempotency_key);
      }
      const sent = rows.filter((d) => d.status === 'sent');
      const lineIds = new Map(customers.map((c) => [c.line_user_id, c.id]));
      const emails = new Map(customers.map((c) => [c.email?.toLowerCase(), c.id]));
      assert.equal(scene.line.accepted.length, sent.filter((d) => d.channel === 'line').length);
      for (const message of scene.line.accepted) {
        const customerId = lineIds.get(message.to[0]!);
        assert.equal(consents.get(customerId!)?.get('line'), 'granted', `LINE to ${message.to[0]}`);
      }
      assert.equal(scene.smtp.received.length, sent.filter((d) => d.channel === 'email').length);
      for (const mail of scene.smtp.received) {
        const customerId = emails.get(mail.rcptTo[0]!.toLowerCase());
        assert.equal(consents.get(customerId!)?.get('email'), 'granted', `mail to ${mail.rcptTo[0]}`);
      }
      // Holdout enrollments got only held_out rows.
      const perEnrollment = await byEnrollment();
      const held = (await enrollments()).filter((e) => e.arm === 'holdout');
      assert.ok(held.length > 0, 'someone was held out');
      for (const e of held) for (const d of perEnrollment.get(e.id) ?? []) assert.equal(d.status, 'held_out');
    });

    it('sends one message per step and enrollment, never in quiet hours', async () => {
      const rows = await deliveries();
      const keys = rows.map((d) => {
        const k = keyParts(d.idempotency_key);
        return `${k.enrollmentId}:${k.stepId}`;
      });
      assert.equal(new Set(keys).size, keys.length);
      const retryKeys = scene.line.accepted.map((m) => m.retryKey);
      assert.equal(new Set(retryKeys).size, retryKeys.length, 'no LINE message went twice');
      const messageIds = scene.smtp.received.map((m) => m.parsed.messageId);
      assert.equal(new Set(messageIds).size, messageIds.length, 'no mail went twice');
      for (const d of rows.filter((x) => x.sent_at !== null)) {
        const { hour } = localOf(new Date(d.sent_at!));
        assert.ok(hour >= 9 && hour < 21, `${d.idempotency_key} sent at ${localOf(new Date(d.sent_at!)).time}`);
      }
      assert.equal(rows.filter((d) => d.status === 'queued').length, 0, 'nothing left waiting');
    });

    it('thanks the same day an hour after a visit, or at 09:00 when the hour falls in quiet hours', async () => {
      const thankYou = await enrollmentsOf('thank_you');
      const perEnrollment = await byEnrollment();
      assert.equal(thankYou.length, visits.length);
      let deferred = 0;
      for (const v of visits) {
        const e = thankYou.find((x) => x.entry_key === `visit:${v.id}`);
        assert.ok(e, `thank-you for visit ${v.id}`);
        const [d] = perEnrollment.get(e.id) ?? [];
        assert.ok(d);
        const hourLater = new Date(v.at.getTime() + 3_600_000);
        const visitDay = localOf(v.at).date;
        // The step itself runs the same day, an hour on; only the sending waits out quiet hours.
        const inQuietHours = localOf(hourLater).hour >= 21;
        // Held-out rows keep the step's time; the others were decided (sent, or skipped for want of
        // a channel) by the delivery worker, which waits out quiet hours first.
        const decidedAt = d.sent_at === null ? stepTime(d) : new Date(d.sent_at);
        if (d.arm === 'holdout') {
          assert.ok(decidedAt >= hourLater);
          assert.equal(localOf(decidedAt).date, visitDay);
        } else if (inQuietHours) {
          assert.equal(decidedAt.getTime(), at(addDays(visitDay, 1), '09:00').getTime());
          if (d.status === 'sent') deferred++;
        } else {
          assert.ok(decidedAt >= hourLater);
          assert.equal(localOf(decidedAt).date, visitDay);
        }
      }
      assert.ok(deferred > 0, 'a late visit’s thank-you waited for the morning');
    });

    it('sends the day-2 aftercare at 12:00, with the template of the visit’s service', async () => {
      const journey = journeys.get('aftercare_day2')!;
      const templatesOf = (stepId: string) => {
        const step = journey.definition.steps.find((s) => s.id === stepId);
        assert.ok(step?.type === 'send');
        return step.templates;
      };
      const aftercare = await enrollmentsOf('aftercare_day2');
      const perEnrollment = await byEnrollment();
      const lastDay = addDays(FIRST_DAY, DAYS - 1);
      let checked = 0;
      for (const v of visits) {
        const sendDay = addDays(localOf(v.at).date, 2);
        if (sendDay > lastDay) continue;
        const e = aftercare.find((x) => x.entry_key === `visit:${v.id}`);
        assert.ok(e);
        const [d] = perEnrollment.get(e.id) ?? [];
        assert.ok(d, `aftercare for ${v.id}`);
        const expectedStep = COLOUR_CATEGORIES.includes(v.category ?? '')
          ? 'send_colour'
          : PERM_CATEGORIES.includes(v.category ?? '')
            ? 'send_perm'
            : 'send_general';
        assert.equal(keyParts(d.idempotency_key).stepId, expectedStep);
        assert.deepEqual(d.templates, templatesOf(expectedStep));
        assert.equal(stepTime(d).getTime(), at(sendDay, '12:00').getTime());
        if (d.sent_at) assert.equal(new Date(d.sent_at).getTime(), at(sendDay, '12:00').getTime());
        checked++;
      }
      assert.ok(checked > 30);
    });

    it('asks for a review the next day at 18:00', async () => {
      const review = await enrollmentsOf('review_request');
      const perEnrollment = await byEnrollment();
      const lastDay = addDays(FIRST_DAY, DAYS - 1);
      for (const v of visits) {
        const sendDay = addDays(localOf(v.at).date, 1);
        const e = review.find((x) => x.entry_key === `visit:${v.id}`);
        assert.ok(e, `review for ${v.id}`);
        const [d] = perEnrollment.get(e.id) ?? [];
        if (sendDay > lastDay) {
          assert.equal(d, undefined);
          continue;
        }
        assert.ok(d);
        assert.equal(stepTime(d).getTime(), at(sendDay, '18:00').getTime());
      }
    });

    it('greets each birthday seven days ahead at 10:00, once', async () => {
      const expected = new Set<string>();
      for (let d = 0; d < DAYS; d++) {
        const day = addDays(FIRST_DAY, d);
        for (const c of customers)
          if (c.birthday && isBirthdayOn(c.birthday, addDays(day, 7))) expected.add(`${c.id}@${day}`);
      }
      assert.ok(expected.size > 0, 'some birthday falls in the window');
      const birthday = await enrollmentsOf('birthday');
      const perEnrollment = await byEnrollment();
      const actual = new Set(birthday.map((e) => `${e.customer_id}@${localOf(new Date(e.entered_at)).date}`));
      assert.deepEqual(actual, expected);
      for (const e of birthday) {
        const [d] = perEnrollment.get(e.id) ?? [];
        assert.ok(d);
        assert.equal(stepTime(d).getTime(), at(localOf(new Date(e.entered_at)).date, '10:00').getTime());
      }
    });

    it('reminds customers on the day they are due by their own cycle, at 10:00', async () => {
      const reminders = await enrollmentsOf('next_visit_reminder');
      const perEnrollment = await byEnrollment();
      const expected = new Set([...dueOn].flatMap(([day, ids]) => [...ids].map((id) => `${id}@${day}`)));
      assert.ok(expected.size > 0);
      const actual = new Set(reminders.map((e) => `${e.customer_id}@${localOf(new Date(e.entered_at)).date}`));
      assert.deepEqual(actual, expected);
      for (const e of reminders) {
        const [d] = perEnrollment.get(e.id) ?? [];
        assert.ok(d);
        assert.equal(stepTime(d).getTime(), at(localOf(new Date(e.entered_at)).date, '10:00').getTime());
      }
    });

    it('wins back only high-value customers whose P(alive) crossed below 0.5, and tells staff 14 days on', async () => {
      const scores = await query<{
        customer_id: string;
        p: number | null;
        prev: number | null;
        segment: string;
        clv: number | null;
      }>(
        `select customer_id, p_alive as p, p_alive_previous as prev, segment, clv_1y as clv from customer_scores where tenant_id = $1`,
      );
      const crossed = scores.filter((s) => s.prev !== null && s.p !== null && s.prev >= 0.5 && s.p < 0.5);
      const highValue = (s: (typeof scores)[number]) =>
        (HIGH_VALUE_SEGMENTS as readonly string[]).includes(s.segment) || (s.clv ?? 0) >= HIGH_VALUE_MIN_PREDICTED_CLV;
      const winBack = await enrollmentsOf('win_back');
      const perEnrollment = await byEnrollment();
      assert.deepEqual(new Set(winBack.map((e) => e.customer_id)), new Set(crossed.map((s) => s.customer_id)));
      // Read through the counter's API, as staff see them.
      const notifications = (
        await getJson<{ items: StaffNotification[] }>(t, owner, '/api/v1/staff-notifications?limit=200')
      ).items.map((n) => ({ customer_id: n.customerId, created_at: n.createdAt }));
      const notifyAfterDays = 14;
      for (const e of winBack) {
        const score = crossed.find((s) => s.customer_id === e.customer_id)!;
        const rows = perEnrollment.get(e.id) ?? [];
        if (!highValue(score)) {
          assert.deepEqual(rows, []);
          assert.deepEqual([e.status, e.end_reason], ['exited', 'exit_step']);
          continue;
        }
        assert.equal(rows.length, 1);
        assert.equal(stepTime(rows[0]!).getTime(), at(FIRST_DAY, '11:00').getTime());
        const returned = visits.some((v) => v.customerId === e.customer_id && v.at > at(FIRST_DAY, '11:00'));
        const notified = notifications.filter((n) => n.customer_id === e.customer_id);
        if (e.arm === 'holdout' || returned) assert.equal(notified.length, 0);
        else {
          assert.equal(notified.length, 1);
          assert.equal(
            new Date(notified[0]!.created_at).getTime(),
            at(addDays(FIRST_DAY, notifyAfterDays), '11:00').getTime(),
          );
        }
      }
      assert.ok(winBack.some((e) => highValue(crossed.find((s) => s.customer_id === e.customer_id)!)));
    });
  });
}
