import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Journey } from '@kayoi/contracts';
import { engines } from '@kayoi/db/testing';
import { buildJourneyWorker } from '../src/worker/journeys/buildJourneyWorker.js';
import { manualClock, postJson } from './support/messaging.js';
import { seedBusiness, startTestApp, type Business, type TestApp } from './support/testApp.js';

/**
 * The once-a-day triggers, on a clock the test moves: each case switches a journey on, walks
 * local days (draining the worker twice a day, as several ticks would) and compares who was
 * enrolled on which day with the days worked out by hand from the trigger's rule.
 */

const at = (date: string, time = '01:00') => new Date(`${date}T${time}:00+09:00`).toISOString();
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const localDate = (instant: Date | string) =>
  new Date(new Date(instant).getTime() + 9 * 3_600_000).toISOString().slice(0, 10);

interface EnrollmentRow {
  customer_id: string;
  entry_key: string;
  entered_at: Date | string;
}

for (const engine of engines) {
  describe(`daily journey triggers on ${engine}`, () => {
    let t: TestApp;
    const clock = manualClock(at('2027-02-01'));

    before(async () => {
      t = await startTestApp(engine, { clock: clock.now });
    });
    after(() => t.close());

    const worker = () =>
      buildJourneyWorker({ db: t.test.db, store: t.deps.store, clock: clock.now, log: () => undefined });
    /** Moves the clock to 01:00 and 15:00 of each day from `from` to `to` and drains at both. */
    const walk = async (from: string, to: string, onDay?: (day: string) => Promise<void>) => {
      for (let day = from; day <= to; day = addDays(day, 1)) {
        await onDay?.(day);
        for (const time of ['01:00', '15:00']) {
          clock.set(at(day, time));
          await worker().drain();
        }
      }
    };
    const customer = (b: Business, name: string, extra: Record<string, unknown> = {}) =>
      postJson<{ id: string }>(t, b.tokens.owner, '/api/v1/customers', {
        familyName: name,
        givenName: '様',
        ...extra,
      }).then((c) => c.id);
    const activeJourney = async (
      b: Business,
      trigger: object,
      reentry: object = { policy: 'after_exit', cooldownDays: 0 },
    ) => {
      const journey = await postJson<Journey>(t, b.tokens.owner, '/api/v1/journeys', {
        name: `日次 ${Math.random().toString(36).slice(2, 8)}`,
        holdoutPercent: 0,
        definition: {
          trigger,
          entryStepId: 'tag',
          steps: [{ id: 'tag', type: 'add_tag', tag: 'reached', next: null }],
          exitOn: { visit: false, booking: false },
          reentry,
        },
      });
      await postJson(t, b.tokens.owner, `/api/v1/journeys/${journey.id}/activate`, {}, 200);
      return journey;
    };
    /** customer → local days it was enrolled on, in order. */
    const enrolledDays = async (b: Business, journeyId: string) => {
      const rows = await t.test.db.query<EnrollmentRow>(
        `select customer_id, entry_key, entered_at from journey_enrollments
          where tenant_id = $1 and journey_id = $2 order by entered_at`,
        [b.tenantId, journeyId],
      );
      const out = new Map<string, string[]>();
      for (const r of rows) out.set(r.customer_id, [...(out.get(r.customer_id) ?? []), localDate(r.entered_at)]);
      return { days: out, keys: rows.map((r) => r.entry_key) };
    };
    const visit = (b: Business, customerId: string, date: string) =>
      postJson(t, b.tokens.owner, '/api/v1/visits', {
        customerId,
        storeId: b.storeId,
        startedAt: at(date, '11:00'),
        items: [{ itemId: b.itemId }],
        payments: [{ method: 'card', amount: 5500 }],
      });

    it('fires birthdays N days before (Feb 29 on Feb 28 in a common year), anniversaries and due dates once, on their day', async () => {
      clock.set(at('2027-02-20', '12:00'));
      const b = await seedBusiness(t, 'Calendar');
      const leap = await customer(b, '閏年', { birthday: '1992-02-29' });
      const march = await customer(b, '三月', { birthday: '1985-03-01' });
      const outside = await customer(b, '十月', { birthday: '1990-10-10' });
      await postJson(t, b.tokens.owner, '/api/v1/attributes', { key: 'first_colour', label: '初カラー', type: 'date' });
      const anniversary = await customer(b, '記念', { attributes: { first_colour: '2025-03-02' } });
      const thisYear = await customer(b, '今年', { attributes: { first_colour: '2027-02-27' } });
      // Two visits 30 days apart with the seed's item: the only gap in the shop, so the shop's mean
      // after that item is 30 and the customer's own interval (2·30 + 30) / 3 = 30: due on 03-02.
      const regular = await customer(b, '常連');
      await visit(b, regular, '2027-01-01');
      await visit(b, regular, '2027-01-31');

      const birthday = await activeJourney(b, { type: 'birthday', daysBefore: 3 });
      const attribute = (
        await t.test.db.query<{ id: string }>(
          `select id from attribute_definitions where tenant_id = $1 and key = 'first_colour'`,
          [b.tenantId],
        )
      )[0]!.id;
      const dated = await activeJourney(b, {
        type: 'date_attribute_anniversary',
        attributeId: attribute,
        daysBefore: 0,
      });
      const due = await activeJourney(b, { type: 'due_by_cycle', daysAfterDue: 0 });
      await walk('2027-02-21', '2027-03-05');

      const birthdays = await enrolledDays(b, birthday.id);
      // 2027 is a common year: Feb 29 is celebrated on Feb 28, three days before is Feb 25.
      assert.deepEqual(birthdays.days.get(leap), ['2027-02-25']);
      assert.deepEqual(birthdays.days.get(march), ['2027-02-26']);
      assert.equal(birthdays.days.has(outside), false);
      assert.ok(birthdays.keys.includes('birthday:2027-02-28'));
      const anniversaries = await enrolledDays(b, dated.id);
      assert.deepEqual([...anniversaries.days], [[anniversary, ['2027-03-02']]]);
      assert.equal(anniversaries.days.has(thisYear), false, 'a date is not its own anniversary');
      const dueDays = await enrolledDays(b, due.id);
      // The seed customer's single visit (2025-06-01) was due long ago; only the regular is due now.
      assert.deepEqual([...dueDays.days], [[regular, ['2027-03-02']]]);
    });

    it('replays missed days, at most seven', async () => {
      clock.set(at('2027-02-10', '12:00'));
      const b = await seedBusiness(t, 'Replay');
      // daysBefore 3: trigger days 02-21, 02-22, 02-24, 03-02.
      const ids = {
        dropped21: await customer(b, '二十四', { birthday: '1980-02-24' }),
        dropped22: await customer(b, '二十五', { birthday: '1980-02-25' }),
        first: await customer(b, '二十七', { birthday: '1980-02-27' }),
        today: await customer(b, '三月五', { birthday: '1980-03-05' }),
      };
      const journey = await activeJourney(b, { type: 'birthday', daysBefore: 3 });
      await walk('2027-02-20', '2027-02-20');
      // The worker is down from 02-21 to 03-01 (nine days); on 03-02 it scans 02-24 … 03-02.
      clock.set(at('2027-03-02', '08:00'));
      await worker().drain();
      await worker().drain();
      const { days, keys } = await enrolledDays(b, journey.id);
      assert.deepEqual(new Set(days.keys()), new Set([ids.first, ids.today]));
      assert.deepEqual(days.get(ids.first), ['2027-03-02'], 'a replayed day enrols when the worker is back');
      assert.deepEqual(keys.sort(), ['birthday:2027-02-27', 'birthday:2027-03-05']);
    });

    it('enrols on a P(alive) crossing once, never on a first score or a customer already below', async () => {
      clock.set(at('2027-04-01', '12:00'));
      const b = await seedBusiness(t, 'Crossing');
      const crossing = await customer(b, '下降');
      const alwaysLow = await customer(b, '低い');
      const journey = await activeJourney(b, { type: 'p_alive_below', threshold: 0.5 });
      const scoreRun = async (finishedAt: string, scores: [string, number, number | null][]) => {
        const runId = randomUUID();
        await t.test.db.query(
          `insert into model_runs (tenant_id, id, status, trigger, end_date, started_at, finished_at)
           values ($1, $2, 'succeeded', 'manual', $3::date, $4, $4)`,
          [b.tenantId, runId, finishedAt.slice(0, 10), finishedAt],
        );
        for (const [customerId, pAlive, previous] of scores)
          await t.test.db.query(
            `insert into customer_scores (tenant_id, run_id, customer_id, p_alive, p_alive_previous, historical_revenue,
               historical_profit, visits, first_visit_on, last_visit_on, recency_score, frequency_score, segment)
             values ($1, $2, $3, $4, $5, 10000, 8000, 2, '2026-01-01', '2026-06-01', 2, 2, 'at_risk')`,
            [b.tenantId, runId, customerId, pAlive, previous],
          );
      };
      // First scores: nothing to compare with, however low.
      await scoreRun(at('2027-04-01', '03:00'), [
        [crossing, 0.7, null],
        [alwaysLow, 0.2, null],
      ]);
      await walk('2027-04-02', '2027-04-02');
      assert.equal((await enrolledDays(b, journey.id)).keys.length, 0);
      await scoreRun(at('2027-04-02', '16:00'), [
        [crossing, 0.4, 0.7],
        [alwaysLow, 0.1, 0.2],
      ]);
      await walk('2027-04-03', '2027-04-06');
      const { days } = await enrolledDays(b, journey.id);
      assert.deepEqual([...days], [[crossing, ['2027-04-03']]]);
    });

    it('snapshots a segment first, then enrols who enters it, again only after the cooldown', async () => {
      clock.set(at('2027-05-01', '12:00'));
      const b = await seedBusiness(t, 'Segment');
      const already = await customer(b, '既存', { tags: ['gold'] });
      const later = await customer(b, '新規');
      const segment = await postJson<{ id: string }>(t, b.tokens.owner, '/api/v1/segments', {
        name: 'ゴールド',
        rule: { type: 'tag', op: 'has', value: 'gold' },
      });
      const journey = await activeJourney(
        b,
        { type: 'entered_segment', segmentId: segment.id },
        { policy: 'after_exit', cooldownDays: 3 },
      );
      const tag = (tags: string[]) =>
        t.call('PATCH', `/api/v1/customers/${later}`, { token: b.tokens.owner, body: { tags } }).then((r) => {
          assert.equal(r.status, 200);
        });
      // 05-02 snapshots; 05-03 enters (enrolled, done at once); 05-04 leaves; 05-05 re-enters inside
      // the 3-day cooldown (not enrolled); 05-06 leaves; 05-08 re-enters after it (enrolled).
      const changes: Record<string, string[]> = {
        '2027-05-03': ['gold'],
        '2027-05-04': [],
        '2027-05-05': ['gold'],
        '2027-05-06': [],
        '2027-05-08': ['gold'],
      };
      await walk('2027-05-02', '2027-05-10', async (day) => {
        const tags = changes[day];
        if (tags) {
          clock.set(at(addDays(day, -1), '20:00'));
          await tag(tags);
        }
      });
      const { days } = await enrolledDays(b, journey.id);
      assert.equal(days.has(already), false, 'members at the first scan did not enter');
      assert.deepEqual(days.get(later), ['2027-05-03', '2027-05-08']);
    });
  });
}
