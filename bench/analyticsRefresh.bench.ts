/**
 * Analytics refresh benchmark (issue 5): a tenant with 100,000 customers and about
 * 2,000,000 visits on PostgreSQL. Targets: the full refresh (read, fit, score, every view,
 * write) ≤ 30 s; every analytics endpoint answers from the stored results in ≤ 300 ms.
 * Run: npm run bench -- analyticsRefresh   (CUSTOMERS=20000 for a shorter run, ENGINE=pglite)
 */
import { createTenantWithOwner } from '@kayoi/core';
import { createDataStore, insertLineItemRows, insertVisitRows, newId, rawQuery, type Engine } from '@kayoi/db';
import { openTestDatabase, staffMember } from '@kayoi/db/testing';
import { civilFromEpochDay, parseDay } from '@kayoi/stats';
import { buildApp } from '../apps/server/src/app/buildApp.js';
import { defaultAppDeps } from '../apps/server/src/app/deps.js';
import { buildWorker } from '../apps/server/src/worker/buildWorker.js';
import { computeOnWorkerThread } from '../apps/server/src/worker/computeRefresh.js';
import { simulateSalonVisits } from './support/simulatedSalon.js';

const CUSTOMERS = Number(process.env.CUSTOMERS ?? 100_000);
const ENGINE = (process.env.ENGINE ?? 'postgres') as Engine;
const END_DATE = '2026-11-20';
const PASSWORD = 'benchmark password';

const seconds = (from: number) => ((performance.now() - from) / 1000).toFixed(1);

async function main(): Promise<void> {
  const test = await openTestDatabase(ENGINE);
  const deps = defaultAppDeps(test.db);
  const store = createDataStore(test.db);
  try {
    const started = performance.now();
    const { tenant } = await createTenantWithOwner(store, deps.hasher, {
      name: 'ベンチマーク美容室',
      timeZone: 'Asia/Tokyo',
      ownerEmail: 'owner@bench.example',
      ownerPassword: PASSWORD,
      ownerName: 'オーナー',
    });
    const repos = store.forTenant(tenant.id);
    const stores = await Promise.all(
      ['本店', '駅前店', '吉祥寺店'].map((name) => repos.stores.insert({ name, address: null, phone: null })),
    );
    const staff = [];
    for (let i = 0; i < 12; i++) staff.push(await repos.users.insert(staffMember(`スタッフ${i + 1}`)));
    const cut = await repos.catalog.insert({
      kind: 'service',
      name: 'カット',
      category: null,
      price: 5500,
      cost: 600,
      durationMinutes: 60,
    });
    const channels = await Promise.all(
      ['HotPepper', 'Instagram', '紹介'].map((name) => repos.channels.insert({ name, kind: 'other' })),
    );

    const customerIds = Array.from({ length: CUSTOMERS }, () => newId());
    for (let from = 0; from < CUSTOMERS; from += 10_000) {
      const ids = customerIds.slice(from, from + 10_000);
      await rawQuery(
        test.db.orm,
        `insert into customers (tenant_id, id, family_name, gender, birth_year, acquisition_channel_id)
         select $1, u.id, u.name, u.gender, u.birth_year, u.channel
           from unnest($2::uuid[], $3::text[], $4::text[], $5::int2[], $6::uuid[]) as u(id, name, gender, birth_year, channel)`,
        [
          tenant.id,
          ids,
          ids.map((_, k) => `顧客${from + k}`),
          ids.map((_, k) => ((from + k) % 5 === 0 ? 'male' : 'female')),
          ids.map((_, k) => 1950 + ((from + k) % 55)),
          ids.map((_, k) => channels[(from + k) % 3]!.id),
        ],
      );
    }
    const endDay = parseDay(END_DATE)!;
    let visits = 0;
    let batch: Parameters<typeof insertVisitRows>[2][number][] = [];
    let lines: Parameters<typeof insertLineItemRows>[2][number][] = [];
    const flush = async () => {
      await insertVisitRows(test.db.orm, tenant.id, batch);
      await insertLineItemRows(test.db.orm, tenant.id, lines);
      batch = [];
      lines = [];
    };
    for (const v of simulateSalonVisits({
      customers: CUSTOMERS,
      endDay,
      spanDays: Math.round(3.5 * 365),
      seed: 1,
      stores: 3,
      staff: 12,
    })) {
      const id = newId();
      const startedAt = new Date(`${civilFromEpochDay(v.day)}T02:00:00Z`);
      batch.push({
        id,
        customerId: customerIds[v.customer]!,
        storeId: stores[v.store]!.id,
        staffId: staff[v.staff]!.id,
        startedAt,
        subtotal: v.amount,
        discount: 0,
        total: v.amount,
        note: null,
        externalId: null,
        source: 'import',
      });
      lines.push({
        visitId: id,
        position: 0,
        itemId: cut.id,
        kind: 'service',
        name: 'カット',
        category: null,
        quantity: 1,
        unitPrice: v.amount,
        discount: 0,
        amount: v.amount,
        unitCost: 600,
      });
      visits++;
      if (batch.length === 20_000) await flush();
    }
    await flush();
    await test.db.query('analyze');
    console.log(
      `${ENGINE}: ${CUSTOMERS.toLocaleString('en-US')} customers, ${visits.toLocaleString('en-US')} visits loaded in ${seconds(started)} s`,
    );

    // The refresh, as the worker runs it: claim, read, compute on a worker thread, write.
    const now = new Date(`${END_DATE}T06:00:00Z`);
    await repos.analytics.request({ trigger: 'manual', requestedBy: null });
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const refreshStarted = performance.now();
    await buildWorker({
      db: test.db,
      store,
      clock: () => now,
      compute: computeOnWorkerThread,
      log: console.log,
    }).drain();
    const refreshSeconds = (performance.now() - refreshStarted) / 1000;
    clearInterval(sampler);
    const run = (await repos.analytics.latestSucceeded())!;
    const phases = run.diagnostics!.seconds;
    const write = refreshSeconds - (phases.load ?? 0) - (phases.compute ?? 0);
    console.log(
      `refresh: ${refreshSeconds.toFixed(1)} s (target ≤ 30 s) — read ${phases.load} s, compute ${phases.compute} s ` +
        `(histories ${phases.histories}, models ${phases.models}, views ${phases.views}), write ${write.toFixed(1)} s; ` +
        `model ${run.diagnostics!.count?.model}; peak RSS of the main process ${(peak / 2 ** 20).toFixed(0)} MiB`,
    );

    // Endpoints from stored results, through the real app (in-process, no network).
    const app = buildApp(deps);
    const login = await app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'owner@bench.example', password: PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    const [atRisk] = await test.db.query<{ customer_id: string }>(
      `select customer_id from customer_scores where tenant_id = $1 and at_risk_rank = 1`,
      [tenant.id],
    );
    const paths = [
      'overview',
      'cohorts',
      'rfm',
      'segments?dimension=channel',
      'segments?dimension=staff',
      'pareto',
      'unit-economics',
      'unit-economics/what-if?secondVisitRatePoints=5&retentionPercent=2&acquisitionPercent=10',
      'forecast',
      'staff',
      'monitoring?dimension=segment',
      'monitoring?dimension=store',
      'at-risk?limit=50',
      'runs?limit=20',
    ].map((p) => `/api/v1/analytics/${p}`);
    if (atRisk) paths.push(`/api/v1/customers/${atRisk.customer_id}/score`);
    console.log('endpoint | median ms | max ms | bytes');
    let worst = 0;
    for (const path of paths) {
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < 20; i++) {
        const t0 = performance.now();
        const res = await app.request(path, { headers: { authorization: `Bearer ${token}` } });
        const body = await res.text();
        times.push(performance.now() - t0);
        if (res.status !== 200) throw new Error(`${path}: ${res.status} ${body}`);
        bytes = body.length;
      }
      times.sort((a, b) => a - b);
      worst = Math.max(worst, times.at(-1)!);
      console.log(`${path} | ${times[10]!.toFixed(1)} | ${times.at(-1)!.toFixed(1)} | ${bytes}`);
    }
    console.log(`slowest endpoint call: ${worst.toFixed(1)} ms (target ≤ 300 ms)`);
  } finally {
    await test.drop();
  }
}

await main();
