import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { engines, openTestDatabase, type TestDatabase } from '@kayoi/db/testing';
import { createDataStore, modelRunQueue } from '@kayoi/db';
import type { DataStore } from '@kayoi/core';
import { createDemoTenant } from '../src/demo/createDemoTenant.js';
import { argon2Hasher } from '../src/security/argon2Hasher.js';
import { buildWorker } from '../src/worker/buildWorker.js';
import { computeInline, computeOnWorkerThread } from '../src/worker/computeRefresh.js';

for (const engine of engines) {
  describe(`analytics refresh worker on ${engine}`, () => {
    let t: TestDatabase;
    let store: DataStore;
    let tenantId: string;
    let now = new Date('2026-11-20T05:00:00Z'); // 14:00 in Tokyo
    const logs: string[] = [];
    const worker = (compute = computeOnWorkerThread) =>
      buildWorker({ db: t.db, store, clock: () => now, compute, log: (l) => logs.push(l), heartbeatMs: 50 });

    before(async () => {
      t = await openTestDatabase(engine);
      store = createDataStore(t.db);
      const demo = await createDemoTenant(t.db, store, argon2Hasher(), {
        seed: 3,
        customers: 800,
        years: 2,
        timeZone: 'Asia/Tokyo',
        endDate: '2026-11-19',
        ownerEmail: `owner-${engine}@worker.example`,
        now,
      });
      tenantId = demo.tenantId;
    });
    after(() => t.drop());

    it('queues one refresh per tenant at a time, runs it on a worker thread, and stores every view', async () => {
      const repos = store.forTenant(tenantId);
      const first = await repos.analytics.request({ trigger: 'manual', requestedBy: null });
      const again = await repos.analytics.request({ trigger: 'manual', requestedBy: null });
      assert.equal(first!.created, true);
      assert.equal(again!.created, false);
      assert.equal(again!.run.id, first!.run.id);
      // 14:00 in Tokyo is past the nightly hour, but today is covered by the manual run.
      assert.equal(await worker().drain(), 1);
      const run = (await repos.analytics.get(first!.run.id))!;
      assert.equal(run.status, 'succeeded', run.error ?? '');
      assert.equal(run.endDate, '2026-11-20');
      assert.ok(run.diagnostics!.count, 'a model was fitted');
      const overview = (await repos.analytics.latestView('overview'))!;
      assert.ok(overview.view.customers > 0 && overview.view.customers <= 800);
      assert.equal(overview.view.month, '2026-11');
      const counts = await t.db.query<{ runs: number; rows: number }>(
        `select count(distinct run_id)::int as runs, count(*)::int as rows from customer_scores where tenant_id = $1`,
        [tenantId],
      );
      assert.deepEqual(counts[0], { runs: 1, rows: overview.view.customers });
      // A second run replaces the first one's rows.
      await repos.analytics.request({ trigger: 'manual', requestedBy: null });
      assert.equal(await worker(computeInline).drain(), 1);
      const [afterSecond] = await t.db.query<{ runs: number; rows: number; run: string }>(
        `select count(distinct run_id)::int as runs, count(*)::int as rows, min(run_id::text) as run
           from customer_scores where tenant_id = $1`,
        [tenantId],
      );
      assert.deepEqual([afterSecond!.runs, afterSecond!.rows], [1, overview.view.customers]);
      assert.equal(afterSecond!.run, (await repos.analytics.latestSucceeded())!.id);
      const [anyCustomer] = await t.db.query<{ customer_id: string }>(
        `select customer_id from customer_scores where tenant_id = $1 limit 1`,
        [tenantId],
      );
      const score = (await repos.analytics.customerScore(anyCustomer!.customer_id))!;
      assert.ok(score.pAlive !== null && score.pAlive >= 0 && score.pAlive <= 1);
      assert.ok(
        score.predictedClv1yLow! <= score.predictedClv1y! && score.predictedClv1y! <= score.predictedClv1yHigh!,
      );
      const atRisk = await repos.analytics.atRiskPage({ limit: 20, afterRank: 0 });
      assert.deepEqual(
        atRisk.map((r) => r.rank),
        atRisk.map((_, i) => i + 1),
      );
      for (let i = 1; i < atRisk.length; i++) assert.ok(atRisk[i - 1]!.valueIfActive >= atRisk[i]!.valueIfActive);
    });

    it('queues the nightly run once a local day, from the tenant’s hour on', async () => {
      const repos = store.forTenant(tenantId);
      const w = worker(computeInline);
      now = new Date('2026-11-20T17:30:00Z'); // 02:30 on the 21st in Tokyo: before 03:00
      assert.equal(await w.drain(), 0);
      now = new Date('2026-11-20T18:05:00Z'); // 03:05
      assert.equal(await w.drain(), 1);
      assert.equal(await w.drain(), 0);
      const runs = await repos.analytics.list(10);
      assert.deepEqual(
        runs.filter((r) => r.trigger === 'nightly').map((r) => [r.endDate, r.status]),
        [['2026-11-21', 'succeeded']],
      );
    });

    it('takes over a run whose worker stopped sending heartbeats, and gives up after the last attempt', async () => {
      const repos = store.forTenant(tenantId);
      const queue = modelRunQueue(t.db.orm);
      const { run } = (await repos.analytics.request({ trigger: 'manual', requestedBy: null }))!;
      const claimed = (await queue.claimNext(120, 3))!;
      assert.equal(claimed.runId, run.id);
      // Still fresh: nobody else may take it.
      assert.equal(await queue.claimNext(120, 3), null);
      await t.db.query(
        `update model_runs set heartbeat_at = now() - interval '10 minutes' where tenant_id = $1 and id = $2`,
        [tenantId, run.id],
      );
      assert.equal(await worker(computeInline).drain(), 1);
      const done = (await repos.analytics.get(run.id))!;
      assert.equal(done.status, 'succeeded');

      const { run: doomed } = (await repos.analytics.request({ trigger: 'manual', requestedBy: null }))!;
      await t.db.query(
        `update model_runs set status = 'running', attempts = 3, heartbeat_at = now() - interval '10 minutes' where tenant_id = $1 and id = $2`,
        [tenantId, doomed.id],
      );
      assert.equal(await queue.claimNext(120, 3), null);
      const failed = (await repos.analytics.get(doomed.id))!;
      assert.equal(failed.status, 'failed');
      assert.match(failed.error!, /stopped while running it, 3 times/);
    });

    it('records a failure and puts the run back while attempts remain', async () => {
      const repos = store.forTenant(tenantId);
      const queue = modelRunQueue(t.db.orm);
      const { run } = (await repos.analytics.request({ trigger: 'manual', requestedBy: null }))!;
      const claimed = (await queue.claimNext(120, 3))!;
      await queue.fail(claimed, 'disk full', true);
      assert.equal((await repos.analytics.get(run.id))!.status, 'queued');
      const again = (await queue.claimNext(120, 3))!;
      assert.equal(again.attempts, 2);
      await queue.fail(again, 'disk full', false);
      const failed = (await repos.analytics.get(run.id))!;
      assert.deepEqual([failed.status, failed.error], ['failed', 'disk full']);
      assert.ok(failed.finishedAt);
    });

    it('keeps answering other queries while a refresh runs', async () => {
      const repos = store.forTenant(tenantId);
      const { run } = (await repos.analytics.request({ trigger: 'manual', requestedBy: null }))!;
      const refreshing = worker().drain();
      // Wait until the worker holds the run, then query while it works.
      for (let i = 0; i < 2000 && (await repos.analytics.get(run.id))!.status !== 'running'; i++)
        await new Promise((r) => setTimeout(r, 5));
      let answered = 0;
      let runningWhenAnswered = 0;
      for (let i = 0; i < 10; i++) {
        await repos.stores.list();
        await repos.tenant.get();
        answered++;
        if ((await repos.analytics.get(run.id))!.status === 'running') runningWhenAnswered++;
      }
      await refreshing;
      assert.equal(answered, 10);
      assert.ok(runningWhenAnswered > 0, 'queries were answered while the refresh was running');
      assert.equal((await repos.analytics.get(run.id))!.status, 'succeeded');
    });
  });
}
