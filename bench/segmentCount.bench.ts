/**
 * Segment count benchmark (issue 6): one tenant with 1,000,000 customers and their visits on
 * PostgreSQL; the live count of a realistic rule — last visit 60–180 days ago, two visits or
 * more, LINE consent granted, not tagged 休眠 — must answer in ≤ 2 s.
 * Run: npm run bench -- segmentCount   (CUSTOMERS=100000 for a shorter run, ENGINE=pglite)
 */
import os from 'node:os';
import type { SegmentRule } from '@kayoi/contracts';
import { planSegmentRule } from '@kayoi/core';
import { createDataStore, insertVisitRows, newId, rawQuery, type Engine, type VisitRow } from '@kayoi/db';
import { openTestDatabase } from '@kayoi/db/testing';
import { createRng, uniform } from '@kayoi/stats';

const CUSTOMERS = Number(process.env.CUSTOMERS ?? 1_000_000);
const ENGINE = (process.env.ENGINE ?? 'postgres') as Engine;
const NOW = new Date('2026-11-22T03:00:00Z');
const DAY = 86_400_000;
const BATCH = 20_000;

const seconds = (from: number) => ((performance.now() - from) / 1000).toFixed(1);

const benchRules = (branchId: string): [string, SegmentRule][] => [
  [
    'target: last visit 60–180 days ago AND ≥ 2 visits AND LINE granted AND NOT tag 休眠',
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
  ['visited the second store in the last 90 days', { type: 'store', op: 'in', value: [branchId], withinDays: 90 }],
  ['spent ≥ 20,000 yen in the last 365 days', { type: 'spend', op: 'gte', value: 20_000, withinDays: 365 }],
  [
    'female, born 1980–1995, birthday this month, email granted',
    {
      type: 'and',
      rules: [
        { type: 'gender', op: 'eq', value: 'female' },
        { type: 'birthYear', op: 'between', value: [1980, 1995] },
        { type: 'birthdayMonth', op: 'eq', value: 'thisMonth' },
        { type: 'consent', channel: 'email', op: 'eq', value: 'granted' },
      ],
    },
  ],
];

async function main(): Promise<void> {
  console.log(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`,
  );
  const test = await openTestDatabase(ENGINE);
  const store = createDataStore(test.db);
  try {
    const loadStarted = performance.now();
    const tenant = await store.directory.create({ name: 'ベンチマーク美容室', timeZone: 'Asia/Tokyo' });
    const repos = store.forTenant(tenant.id);
    const stores = [await repos.stores.insert({ name: '本店' }), await repos.stores.insert({ name: '駅前店' })];
    const rng = createRng(6);
    let visits = 0;
    for (let from = 0; from < CUSTOMERS; from += BATCH) {
      const n = Math.min(BATCH, CUSTOMERS - from);
      const rows: VisitRow[] = [];
      const c = {
        id: [] as string[],
        gender: [] as string[],
        birthday: [] as string[],
        tags: [] as string[],
        first: [] as (string | null)[],
        last: [] as (string | null)[],
        count: [] as number[],
        revenue: [] as number[],
        line: [] as string[],
        email: [] as string[],
      };
      for (let k = 0; k < n; k++) {
        const id = newId();
        // 2.5 visits on average (many come once, a few a dozen times), over three years before now.
        const count = Math.min(15, Math.floor(-Math.log(1 - uniform(rng)) * 3));
        const home = stores[uniform(rng) < 0.7 ? 0 : 1]!.id;
        const times: number[] = [];
        for (let v = 0; v < count; v++) times.push(NOW.getTime() - Math.floor(uniform(rng) * 3 * 365 * DAY));
        times.sort((a, b) => a - b);
        let revenue = 0;
        for (const at of times) {
          const total = 3000 + Math.round(uniform(rng) * 90) * 100;
          revenue += total;
          rows.push({
            id: newId(),
            customerId: id,
            storeId: uniform(rng) < 0.9 ? home : stores[0]!.id,
            staffId: null,
            startedAt: new Date(at),
            subtotal: total,
            discount: 0,
            total,
            note: null,
            externalId: null,
            source: 'import',
          });
        }
        const year = 1950 + Math.floor(uniform(rng) * 55);
        const month = 1 + Math.floor(uniform(rng) * 12);
        c.id.push(id);
        c.gender.push(uniform(rng) < 0.8 ? 'female' : 'male');
        c.birthday.push(`${year}-${String(month).padStart(2, '0')}-15`);
        c.tags.push(uniform(rng) < 0.1 ? '{休眠}' : uniform(rng) < 0.05 ? '{VIP}' : '{}');
        c.first.push(times.length ? new Date(times[0]!).toISOString() : null);
        c.last.push(times.length ? new Date(times.at(-1)!).toISOString() : null);
        c.count.push(count);
        c.revenue.push(revenue);
        c.line.push(uniform(rng) < 0.6 ? 'granted' : uniform(rng) < 0.5 ? 'withdrawn' : '');
        c.email.push(uniform(rng) < 0.4 ? 'granted' : '');
      }
      // Summaries written as the visit writers would recompute them; the columns are what rules read.
      await rawQuery(
        test.db.orm,
        `insert into customers (tenant_id, id, family_name, gender, birthday, birth_year, tags, first_visit_at,
                                last_visit_at, visit_count, revenue_total)
         select $1, u.id, '顧客', u.gender, u.birthday, extract(year from u.birthday)::int2, u.tags::text[],
                u.first, u.last, u.count, u.revenue
           from unnest($2::uuid[], $3::text[], $4::date[], $5::text[], $6::timestamptz[], $7::timestamptz[],
                       $8::int[], $9::int[]) as u(id, gender, birthday, tags, first, last, count, revenue)`,
        [tenant.id, c.id, c.gender, c.birthday, c.tags, c.first, c.last, c.count, c.revenue],
      );
      for (const channel of ['line', 'email'] as const) {
        await rawQuery(
          test.db.orm,
          `insert into customer_consents (tenant_id, customer_id, channel, status, changed_at, source)
           select $1, u.id, $2, u.status, now(), 'import' from unnest($3::uuid[], $4::text[]) as u(id, status)
            where u.status <> ''`,
          [tenant.id, channel, c.id, c[channel]],
        );
      }
      await insertVisitRows(test.db.orm, tenant.id, rows);
      visits += rows.length;
    }
    await test.db.query('analyze');
    const loadSeconds = seconds(loadStarted);
    console.log(
      `${ENGINE}: ${CUSTOMERS.toLocaleString('en-US')} customers, ${visits.toLocaleString('en-US')} visits loaded in ${loadSeconds} s`,
    );

    console.log('rule | matches | runs (ms) | median ms');
    for (const [name, rule] of benchRules(stores[1]!.id)) {
      const plan = planSegmentRule(rule, { now: NOW, timeZone: 'Asia/Tokyo', attributes: new Map() });
      const times: number[] = [];
      let count = 0;
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        count = await repos.segments.count(plan);
        times.push(performance.now() - t0);
      }
      const sorted = [...times].sort((a, b) => a - b);
      console.log(
        `${name} | ${count.toLocaleString('en-US')} | ${times.map((t) => t.toFixed(0)).join(', ')} | ${sorted[2]!.toFixed(0)}`,
      );
      const t0 = performance.now();
      const page = await repos.segments.customers(plan, { limit: 20 });
      console.log(`  sample of ${page.items.length} with details: ${(performance.now() - t0).toFixed(0)} ms`);
    }
  } finally {
    await test.drop();
  }
}

await main();
