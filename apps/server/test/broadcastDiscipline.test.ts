import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Broadcast, MeasurementReport, PowerPreview } from '@kayoi/contracts';
import { engines } from '@kayoi/db/testing';
import { isInHoldout } from '@kayoi/stats';
import {
  connectChannels,
  createCustomer,
  deliveriesOf,
  draftBroadcast,
  getJson,
  lineUserIdOf,
  manualClock,
  postJson,
  type MessagingScene,
} from './support/messaging.js';
import { seedBusiness, startTestApp, type Business, type TestApp } from './support/testApp.js';

// 22:00 in Tokyo: inside the default quiet hours (21:00–09:00).
const TEN_PM_TOKYO = '2026-11-20T13:00:00.000Z';
const CUSTOMERS = 40;

for (const engine of engines) {
  describe(`broadcast discipline on ${engine}: quiet hours, weekly cap, holdout, report, cancel`, () => {
    let t: TestApp;
    let b: Business;
    let scene: MessagingScene;
    const clock = manualClock(TEN_PM_TOKYO);
    const customers: string[] = [];

    before(async () => {
      t = await startTestApp(engine, { clock: clock.now });
      b = await seedBusiness(t, 'Discipline');
      scene = await connectChannels(t, b);
      for (let i = 0; i < CUSTOMERS; i++) {
        customers.push(
          await createCustomer(t, b, { name: `客${i}`, lineUserId: lineUserIdOf(500 + i), line: 'granted' }),
        );
      }
      const res = await t.call('PATCH', '/api/v1/tenant', {
        token: b.tokens.owner,
        body: { settings: { messaging: { weeklyCap: 1 } } },
      });
      assert.equal(res.status, 200, await res.text());
    });
    after(async () => {
      await scene.close();
      await t.close();
    });

    let first: Broadcast;
    it('holds messages scheduled at 22:00 until 09:00 Tokyo time, then sends them', async () => {
      first = await draftBroadcast(t, b, { holdoutPercent: 25 });
      const power = await postJson<PowerPreview>(
        t,
        b.tokens.owner,
        '/api/v1/broadcasts/power-preview',
        { segmentId: first.segmentId, holdoutPercent: 25 },
        200,
      );
      assert.equal(power.audience, CUSTOMERS);
      assert.equal(power.holdout, 10);
      // Nobody visited in the last 30 days: a baseline of 0, and only a large uplift is detectable.
      assert.equal(power.baselineRate, 0);
      assert.ok(power.minimumDetectableUplift! > 0.3 && power.minimumDetectableUplift! < 0.5);
      await postJson(t, b.tokens.owner, `/api/v1/broadcasts/${first.id}/schedule`, {}, 200);
      await scene.worker(clock.now).drain();
      assert.equal(scene.line.accepted.length, 0, 'nothing at night');
      const waiting = [...(await deliveriesOf(t, b, first.id)).values()].filter((d) => d.status === 'queued');
      assert.ok(waiting.length > 0);
      for (const d of waiting) assert.equal(d.notBefore, '2026-11-21T00:00:00.000Z');
      clock.set('2026-11-21T00:01:00.000Z');
      await scene.worker(clock.now).drain();
      const view = await getJson<Broadcast>(t, b.tokens.owner, `/api/v1/broadcasts/${first.id}`);
      assert.equal(view.status, 'sent');
      assert.equal(view.counts.sent + view.counts.held_out, CUSTOMERS);
    });

    it('keeps the holdout (chosen by hash of broadcast and customer) out of sending', async () => {
      const log = await deliveriesOf(t, b, first.id);
      const expectedHoldout = customers.filter((id) => isInHoldout(first.id, id, 0.25));
      const heldOut = customers.filter((id) => log.get(id)!.status === 'held_out');
      assert.deepEqual(heldOut.sort(), expectedHoldout.sort());
      const sentTo = new Set(scene.line.accepted.flatMap((s) => s.to));
      for (let i = 0; i < CUSTOMERS; i++) {
        assert.equal(sentTo.has(lineUserIdOf(500 + i)), !expectedHoldout.includes(customers[i]!), `customer ${i}`);
      }
    });

    it('reports treated against holdout on visits within the declared window', async () => {
      const log = await deliveriesOf(t, b, first.id);
      const treated = customers.filter((id) => log.get(id)!.arm === 'a');
      const held = customers.filter((id) => log.get(id)!.arm === 'holdout');
      // Half the treated and one held-out customer come back within 30 days; a late visit does not count.
      const visit = (customerId: string, at: string) =>
        postJson(t, b.tokens.owner, '/api/v1/visits', {
          customerId,
          storeId: b.storeId,
          startedAt: at,
          items: [{ itemId: b.itemId }],
          payments: [{ method: 'card', amount: 5500 }],
        });
      const back = treated.slice(0, Math.floor(treated.length / 2));
      for (const id of back) await visit(id, '2026-11-25T03:00:00.000Z');
      await visit(held[0]!, '2026-11-28T03:00:00.000Z');
      await visit(held[1]!, '2027-01-30T03:00:00.000Z');
      const report = await getJson<MeasurementReport>(t, b.tokens.analyst, `/api/v1/broadcasts/${first.id}/report`);
      assert.equal(report.treated.customers, treated.length);
      assert.equal(report.holdout.customers, held.length);
      assert.equal(report.treated.converted, back.length);
      assert.equal(report.holdout.converted, 1);
      assert.equal(report.treated.revenue, back.length * 5500);
      const expected = back.length / treated.length - 1 / held.length;
      assert.ok(Math.abs(report.uplift!.estimate - expected) < 1e-12);
      assert.ok(report.uplift!.lower < expected && expected < report.uplift!.upper);
      assert.equal(report.incrementalVisits, back.length - (1 / held.length) * treated.length);
    });

    it('skips a second message in the same week when the cap is one a week', async () => {
      const second = await draftBroadcast(t, b, { name: 'twice in a week' });
      await postJson(t, b.tokens.owner, `/api/v1/broadcasts/${second.id}/schedule`, {}, 200);
      clock.advance(2 * 86_400_000);
      const before = scene.line.accepted.length;
      await scene.worker(clock.now).drain();
      const log = [...(await deliveriesOf(t, b, second.id)).values()];
      const firstLog = await deliveriesOf(t, b, first.id);
      for (const d of log) {
        const gotFirst = firstLog.get(d.customerId)!.status === 'sent';
        assert.equal(d.status, gotFirst ? 'skipped' : 'sent', d.customerId);
        if (gotFirst) assert.equal(d.reason, 'frequency_cap');
      }
      assert.equal(scene.line.accepted.length - before, log.filter((d) => d.status === 'sent').length);
    });

    it('cancels a scheduled broadcast: nothing goes out, and a sent one cannot be cancelled', async () => {
      const later = await draftBroadcast(t, b, { name: 'cancelled' });
      await postJson(
        t,
        b.tokens.owner,
        `/api/v1/broadcasts/${later.id}/schedule`,
        { sendAt: '2026-12-01T03:00:00Z' },
        200,
      );
      const edit = await t.call('PATCH', `/api/v1/broadcasts/${later.id}`, {
        token: b.tokens.owner,
        body: { name: 'x' },
      });
      assert.equal(edit.status, 409);
      const cancelled = await postJson<Broadcast>(t, b.tokens.owner, `/api/v1/broadcasts/${later.id}/cancel`, {}, 200);
      assert.equal(cancelled.status, 'cancelled');
      clock.set('2026-12-01T04:00:00.000Z');
      const before = scene.line.accepted.length;
      await scene.worker(clock.now).drain();
      assert.equal(scene.line.accepted.length, before);
      const again = await t.call('POST', `/api/v1/broadcasts/${first.id}/cancel`, { token: b.tokens.owner, body: {} });
      assert.equal(again.status, 409);
      assert.equal(((await again.json()) as { error: { code: string } }).error.code, 'BROADCAST_NOT_CANCELLABLE');
    });
  });
}
