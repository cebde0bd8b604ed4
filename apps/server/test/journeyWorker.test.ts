import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Delivery, Journey, JourneyEnrollment } from '@kayoi/contracts';
import { engines } from '@kayoi/db/testing';
import { isInHoldout } from '@kayoi/stats';
import { buildJourneyWorker } from '../src/worker/journeys/buildJourneyWorker.js';
import {
  connectChannels,
  createCustomer,
  getJson,
  lineUserIdOf,
  manualClock,
  type MessagingScene,
  NOON_TOKYO,
  postJson,
} from './support/messaging.js';
import { seedBusiness, startTestApp, type Business, type TestApp } from './support/testApp.js';

const MINUTE = 60_000;

for (const engine of engines) {
  describe(`journey worker on ${engine}: visits enrol, steps run, sends go through the delivery engine`, () => {
    let t: TestApp;
    let b: Business;
    let scene: MessagingScene;
    const clock = manualClock(NOON_TOKYO);
    let lineUser = 100;

    before(async () => {
      t = await startTestApp(engine, { clock: clock.now });
      b = await seedBusiness(t, 'Journeyer');
      scene = await connectChannels(t, b);
    });
    after(async () => {
      await scene.close();
      await t.close();
    });

    const journeyWorker = () =>
      buildJourneyWorker({ db: t.test.db, store: t.deps.store, clock: clock.now, log: () => undefined });
    const runWorkers = async () => {
      await journeyWorker().drain();
      await scene.worker(clock.now).drain();
    };
    const newItem = async () =>
      (
        await postJson<{ id: string }>(t, b.tokens.owner, '/api/v1/catalog/items', {
          kind: 'service',
          name: `施術${Math.random().toString(36).slice(2, 8)}`,
          price: 5000,
        })
      ).id;
    const visit = (customerId: string, itemId: string) =>
      postJson(t, b.tokens.owner, '/api/v1/visits', {
        customerId,
        storeId: b.storeId,
        startedAt: clock.now().toISOString(),
        items: [{ itemId }],
        payments: [{ method: 'card', amount: 5000 }],
      });
    const lineCustomer = async () => {
      const lineUserId = lineUserIdOf(++lineUser);
      const id = await createCustomer(t, b, { name: `客${lineUser}`, lineUserId, line: 'granted' });
      return { id, lineUserId };
    };
    const messagesTo = (lineUserId: string) => scene.line.accepted.filter((s) => s.to.includes(lineUserId)).length;
    const enrollmentsOf = async (journeyId: string) =>
      (await getJson<{ items: JourneyEnrollment[] }>(t, b.tokens.owner, `/api/v1/journeys/${journeyId}/enrollments`))
        .items;
    const activeJourney = async (body: Record<string, unknown>) => {
      const journey = await postJson<Journey>(t, b.tokens.owner, '/api/v1/journeys', body);
      await postJson(t, b.tokens.owner, `/api/v1/journeys/${journey.id}/activate`, {}, 200);
      return journey;
    };
    const thankYou = (itemId: string, hours: number, extra: Record<string, unknown> = {}) => ({
      trigger: { type: 'visit_with', itemIds: [itemId] },
      entryStepId: 'wait',
      steps: [
        { id: 'wait', type: 'wait', duration: { hours }, next: 'send' },
        { id: 'send', type: 'send', templates: { line: b.templateId }, next: null },
      ],
      exitOn: { visit: false, booking: false },
      reentry: { policy: 'never' },
      ...extra,
    });

    it('enrols on a visit once, sends exactly one LINE message an hour later, and keeps v1 running after an edit', async () => {
      const item = await newItem();
      const journey = await activeJourney({ name: 'お礼', definition: thankYou(item, 1), holdoutPercent: 0 });
      const first = await lineCustomer();
      const second = await lineCustomer();
      await visit(first.id, item);
      await visit(second.id, item);
      clock.advance(MINUTE);
      await runWorkers();
      const enrolled = await enrollmentsOf(journey.id);
      assert.equal(enrolled.length, 2);
      assert.ok(enrolled.every((e) => e.status === 'active' && e.version === 1 && e.stepId === 'wait'));

      // A second visit while re-entry is "never": no second enrollment.
      clock.advance(10 * MINUTE);
      await visit(first.id, item);
      // An edit: the running enrollments finish version 1 (one hour), new ones would wait three.
      const res = await t.call('PATCH', `/api/v1/journeys/${journey.id}`, {
        token: b.tokens.owner,
        body: { definition: thankYou(item, 3) },
      });
      assert.equal(res.status, 200, await res.clone().text());
      await runWorkers();
      assert.equal((await enrollmentsOf(journey.id)).length, 2);
      assert.equal(messagesTo(first.lineUserId), 0, 'nothing before the wait ends');

      clock.advance(60 * MINUTE);
      await runWorkers();
      const done = await enrollmentsOf(journey.id);
      assert.ok(done.every((e) => e.status === 'completed' && e.endReason === 'end' && e.version === 1));
      assert.equal(messagesTo(first.lineUserId), 1);
      assert.equal(messagesTo(second.lineUserId), 1);

      clock.advance(60 * MINUTE);
      await runWorkers();
      assert.equal(messagesTo(first.lineUserId), 1, 'a rerun sends nothing twice');
      const third = await lineCustomer();
      await visit(third.id, item);
      clock.advance(MINUTE);
      await runWorkers();
      const [v2] = (await enrollmentsOf(journey.id)).filter((e) => e.customerId === third.id);
      assert.equal(v2?.version, 2);
    });

    it('ends an enrollment when the customer visits again, if the journey exits on a visit', async () => {
      const item = await newItem();
      const other = await newItem();
      const journey = await activeJourney({
        name: '翌日フォロー',
        definition: thankYou(item, 24, { exitOn: { visit: true, booking: false } }),
        holdoutPercent: 0,
      });
      const customer = await lineCustomer();
      await visit(customer.id, item);
      clock.advance(MINUTE);
      await runWorkers();
      clock.advance(2 * 60 * MINUTE);
      await visit(customer.id, other);
      clock.advance(MINUTE);
      await runWorkers();
      const [enrollment] = await enrollmentsOf(journey.id);
      assert.equal(enrollment?.status, 'exited');
      assert.equal(enrollment?.endReason, 'visit');
      clock.advance(24 * 60 * MINUTE);
      await runWorkers();
      assert.equal(messagesTo(customer.lineUserId), 0);
    });

    it('logs a held_out delivery for the holdout and sends it nothing', async () => {
      const item = await newItem();
      const journey = await activeJourney({ name: '比較', definition: thankYou(item, 1), holdoutPercent: 50 });
      let held: { id: string; lineUserId: string } | null = null;
      let treated: { id: string; lineUserId: string } | null = null;
      for (let i = 0; i < 30 && (!held || !treated); i++) {
        const c = await lineCustomer();
        if (isInHoldout(journey.id, c.id, 0.5)) held ??= c;
        else treated ??= c;
      }
      assert.ok(held && treated);
      await visit(held.id, item);
      await visit(treated.id, item);
      clock.advance(MINUTE);
      await runWorkers();
      clock.advance(61 * MINUTE);
      await runWorkers();
      const arms = new Map((await enrollmentsOf(journey.id)).map((e) => [e.customerId, e.arm]));
      assert.equal(arms.get(held.id), 'holdout');
      assert.equal(arms.get(treated.id), 'a');
      const deliveries = await getJson<{ items: Delivery[] }>(
        t,
        b.tokens.owner,
        `/api/v1/customers/${held.id}/deliveries`,
      );
      assert.deepEqual(
        deliveries.items.map((d) => [d.status, d.arm]),
        [['held_out', 'holdout']],
      );
      assert.equal(messagesTo(held.lineUserId), 0);
      assert.equal(messagesTo(treated.lineUserId), 1);
      const report = await getJson<{ treated: { customers: number }; holdout: { customers: number } }>(
        t,
        b.tokens.analyst,
        `/api/v1/journeys/${journey.id}/report`,
      );
      assert.equal(report.treated.customers, 1);
      assert.equal(report.holdout.customers, 1);
    });
  });
}
