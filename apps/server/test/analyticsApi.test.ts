import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CohortsView,
  CustomerScore,
  ForecastView,
  ModelRun,
  MonitoringView,
  Overview,
  ParetoView,
  RfmView,
  SegmentsView,
  StaffView,
  UnitEconomicsView,
  WhatIfResult,
} from '@kayoi/contracts';
import { localDateOf } from '@kayoi/core';
import { engines } from '@kayoi/db/testing';
import type { z } from 'zod';
import type { Role } from '@kayoi/contracts';
import type { TenantRepos } from '@kayoi/core';
import { createDemoTenant } from '../src/demo/createDemoTenant.js';
import { buildWorker } from '../src/worker/buildWorker.js';
import { computeInline } from '../src/worker/computeRefresh.js';
import { login, PASSWORD, startTestApp, type TestApp } from './support/testApp.js';

const ZONE = 'Asia/Tokyo';

interface DemoShop {
  tenantId: string;
  repos: TenantRepos;
  tokens: Record<Role, string>;
}

/** The demo salon (900 customers, two years to today) with a login for every role. */
async function demoShopWithRoles(t: TestApp): Promise<DemoShop> {
  const demo = await createDemoTenant(t.test.db, t.deps.store, t.deps.hasher, {
    seed: 5,
    customers: 900,
    years: 2,
    timeZone: ZONE,
    ownerEmail: `owner-${t.engine}@analytics.example`,
    now: new Date(),
  });
  const repos = t.deps.store.forTenant(demo.tenantId);
  const tokens = { owner: (await login(t, demo.ownerEmail, demo.ownerPassword)).token } as Record<Role, string>;
  for (const role of ['manager', 'staff', 'analyst'] as const) {
    const email = `${role}-${t.engine}@analytics.example`;
    await repos.users.insert({
      name: role,
      nameKana: null,
      email,
      passwordHash: await t.deps.hasher.hash(PASSWORD),
      role,
      active: true,
      storeIds: [],
    });
    tokens[role] = (await login(t, email)).token;
  }
  return { tenantId: demo.tenantId, repos, tokens };
}

for (const engine of engines) {
  describe(`analytics API on ${engine}`, () => {
    let t: TestApp;
    let shop: DemoShop;
    const today = localDateOf(new Date(), ZONE);
    const get = async <S extends z.ZodType>(path: string, schema: S, role: Role = 'owner') => {
      const res = await t.call('GET', `/api/v1${path}`, { token: shop.tokens[role] });
      const body = (await res.json()) as { run: unknown; view: unknown };
      assert.equal(res.status, 200, `${path}: ${JSON.stringify(body)}`);
      return { run: body.run as { runId: string; endDate: string }, view: schema.parse(body.view) as z.infer<S> };
    };
    const sql = <T>(text: string, params: unknown[] = []) => t.test.db.query<T>(text, [shop.tenantId, ...params]);

    before(async () => {
      t = await startTestApp(engine);
      shop = await demoShopWithRoles(t);
    });
    after(() => t.close());

    it('says there are no analytics yet, in the user’s language, before the first refresh', async () => {
      const res = await t.call('GET', '/api/v1/analytics/overview', { token: shop.tokens.owner });
      assert.equal(res.status, 404);
      const body = (await res.json()) as { error: { code: string; message: string } };
      assert.equal(body.error.code, 'ANALYTICS_NOT_READY');
      assert.match(body.error.message, /分析結果はまだありません/);
    });

    it('lets owners and managers ask for a refresh, once at a time; staff and analysts may not', async () => {
      for (const role of ['staff', 'analyst'] as const) {
        const res = await t.call('POST', '/api/v1/analytics/refresh', { token: shop.tokens[role] });
        assert.equal(res.status, 403, role);
      }
      const first = await t.call('POST', '/api/v1/analytics/refresh', { token: shop.tokens.owner });
      assert.equal(first.status, 202);
      const { run, created } = (await first.json()) as { run: ModelRun; created: boolean };
      assert.deepEqual([run.status, run.trigger, created], ['queued', 'manual', true]);
      const second = await t.call('POST', '/api/v1/analytics/refresh', { token: shop.tokens.manager });
      assert.deepEqual(await second.json(), { run, created: false });
      const audit = await shop.repos.audit.list({ limit: 5, action: 'analytics.refresh_requested' });
      assert.equal(audit.items.length, 1);

      const worker = buildWorker({
        db: t.test.db,
        store: t.deps.store,
        clock: () => new Date(),
        compute: computeInline,
        log: () => undefined,
      });
      assert.equal(await worker.drain(), 1);
      const done = (await (
        await t.call('GET', `/api/v1/analytics/runs/${run.id}`, { token: shop.tokens.analyst })
      ).json()) as ModelRun;
      assert.equal(done.status, 'succeeded', done.error ?? '');
      assert.equal(done.endDate, today);
      const list = (await (
        await t.call('GET', '/api/v1/analytics/runs?limit=5', { token: shop.tokens.owner })
      ).json()) as { items: ModelRun[] };
      assert.equal(list.items[0]!.id, run.id);
    });

    it('overview: customers, this month’s revenue and the second-visit rate match the visits table', async () => {
      const { view, run } = await get('/analytics/overview', Overview, 'analyst');
      assert.equal(run.endDate, today);
      const [facts] = await sql<{ customers: number; repeaters: number; month_revenue: number }>(
        `with days as (
           select customer_id, (started_at at time zone '${ZONE}')::date as day, sum(total) as revenue
             from visits where tenant_id = $1 and status = 'completed' group by 1, 2)
         select count(distinct customer_id)::int as customers,
                (select count(*)::int from (select customer_id from days group by 1 having count(*) > 1) r) as repeaters,
                coalesce((select sum(revenue)::int from days
                   where day >= date_trunc('month', $2::date)::date and day <= $2::date), 0) as month_revenue
           from days`,
        [today],
      );
      assert.equal(view.customers, facts!.customers);
      assert.equal(view.secondVisitRate, facts!.repeaters / facts!.customers);
      assert.equal(view.revenueMonthToDate, facts!.month_revenue);
      assert.equal(view.activeCustomers + view.atRiskCustomers + view.lostCustomers, view.customers);
      assert.ok(view.averagePredictedClv1y! > 0);
    });

    it('RFM cells and cohort sizes match counts made in SQL', async () => {
      const { view: rfm } = await get('/analytics/rfm', RfmView);
      const cells = await sql<{ r: number; f: number; customers: number }>(
        `with c as (
           select customer_id, $2::date - max((started_at at time zone '${ZONE}')::date) as days,
                  count(distinct (started_at at time zone '${ZONE}')::date) as visits
             from visits where tenant_id = $1 and status = 'completed' group by 1)
         select case when days <= 45 then 5 when days <= 90 then 4 when days <= 180 then 3 when days <= 365 then 2 else 1 end as r,
                case when visits >= 10 then 5 when visits >= 5 then 4 when visits >= 3 then 3 when visits >= 2 then 2 else 1 end as f,
                count(*)::int as customers
           from c group by 1, 2`,
        [today],
      );
      for (const cell of rfm.cells) {
        const expected = cells.find((c) => c.r === cell.recency && c.f === cell.frequency)?.customers ?? 0;
        assert.equal(cell.customers, expected, `R${cell.recency} F${cell.frequency}`);
      }
      const { view: cohorts } = await get('/analytics/cohorts', CohortsView);
      const sizes = await sql<{ month: string; customers: number }>(
        `select to_char(first_day, 'YYYY-MM') as month, count(*)::int as customers from (
           select customer_id, min((started_at at time zone '${ZONE}')::date) as first_day
             from visits where tenant_id = $1 and status = 'completed' group by 1) f group by 1 order by 1`,
      );
      assert.deepEqual(
        cohorts.cohorts.map((c) => [c.month, c.customers]),
        sizes.slice(-24).map((s) => [s.month, s.customers]),
      );
      for (const cohort of cohorts.cohorts) assert.equal(cohort.cells[0]!.retention, 1);
    });

    it('Pareto: the top-20 % share matches customers’ revenue totals', async () => {
      const { view } = await get('/analytics/pareto', ParetoView);
      const totals = (
        await sql<{ revenue: number }>(
          `select sum(total)::int as revenue from visits where tenant_id = $1 and status = 'completed' group by customer_id order by 1 desc`,
        )
      ).map((r) => r.revenue);
      const all = totals.reduce((s, v) => s + v, 0);
      const whole = Math.floor(totals.length * 0.2);
      const low = totals.slice(0, whole).reduce((s, v) => s + v, 0) / all;
      const high = (low * all + (totals[whole] ?? 0)) / all;
      assert.ok(view.top20Share! >= low && view.top20Share! <= high, `${view.top20Share} in [${low}, ${high}]`);
    });

    it('unit economics: acquisition cost per channel from ad spend and first visits', async () => {
      const { view } = await get('/analytics/unit-economics', UnitEconomicsView);
      const rows = await sql<{ channel_id: string; spend: number; customers: number }>(
        `with firsts as (
           select v.customer_id, c.acquisition_channel_id as channel_id,
                  min((v.started_at at time zone '${ZONE}')::date) as first_day
             from visits v join customers c on c.tenant_id = v.tenant_id and c.id = v.customer_id
            where v.tenant_id = $1 and v.status = 'completed' group by 1, 2)
         select ch.id as channel_id,
                coalesce((select sum(amount)::int from ad_spend a where a.tenant_id = $1 and a.channel_id = ch.id
                           and a.month >= (date_trunc('month', $2::date) - interval '11 months')::date
                           and a.month <= $2::date), 0) as spend,
                (select count(*)::int from firsts f where f.channel_id = ch.id
                   and f.first_day >= (date_trunc('month', $2::date) - interval '11 months')::date) as customers
           from acquisition_channels ch where ch.tenant_id = $1`,
        [today],
      );
      let checked = 0;
      for (const row of rows) {
        const channel = view.channels.find((c) => c.channelId === row.channel_id);
        if (row.spend === 0 && row.customers === 0) {
          assert.equal(channel, undefined);
          continue;
        }
        assert.deepEqual([channel!.adSpend, channel!.newCustomers], [row.spend, row.customers], channel!.label);
        if (row.spend > 0 && row.customers > 0) {
          assert.equal(channel!.acquisitionCost, Math.round(row.spend / row.customers));
          checked++;
        }
      }
      assert.ok(checked >= 2, 'the demo salon advertises on several channels');

      const res = await t.call(
        'GET',
        '/api/v1/analytics/unit-economics/what-if?secondVisitRatePoints=5&retentionPercent=2&acquisitionPercent=10',
        {
          token: shop.tokens.owner,
        },
      );
      const { result } = (await res.json()) as { result: WhatIfResult };
      const b = view.baseline;
      assert.equal(result.retention.revenue, Math.round(b.existingRevenueNext12Months * 0.02));
      assert.equal(result.acquisition.cost, Math.round(b.adSpendLast12Months * 0.1));
      assert.ok(Math.abs(result.secondVisit.extraRepeaters - b.newCustomersNext12Months * 0.05) < 1e-9);
      const bad = await t.call('GET', '/api/v1/analytics/unit-economics/what-if?retentionPercent=-3', {
        token: shop.tokens.owner,
      });
      assert.equal(bad.status, 400);
    });

    it('segments, forecast, staff and monitoring views answer for every dimension', async () => {
      for (const dimension of ['ageBand', 'gender', 'area', 'channel', 'firstService', 'store', 'staff']) {
        const { view } = await get(`/analytics/segments?dimension=${dimension}`, SegmentsView);
        assert.equal(view.dimension, dimension);
        assert.equal(
          view.rows.reduce((s, r) => s + r.customers, 0),
          (await get('/analytics/overview', Overview)).view.customers,
        );
      }
      const { view: forecast } = await get('/analytics/forecast', ForecastView);
      assert.ok(forecast.months.length >= 12);
      for (const m of forecast.months) assert.ok(m.revenueLow <= m.revenue && m.revenue <= m.revenueHigh);
      const { view: staff } = await get('/analytics/staff', StaffView);
      assert.ok(staff.rows.length > 0);
      for (const dimension of ['segment', 'store', 'channel', 'ageBand', 'gender']) {
        const { view } = await get(`/analytics/monitoring?dimension=${dimension}`, MonitoringView);
        assert.ok(view.groups.every((g) => g.points.length === 26));
      }
      const bad = await t.call('GET', '/api/v1/analytics/segments?dimension=shoe_size', { token: shop.tokens.owner });
      assert.equal(bad.status, 400);
    });

    it('pages through the at-risk list, hides names from analysts, and exports it as CSV for managers only', async () => {
      const page1 = (await (
        await t.call('GET', '/api/v1/analytics/at-risk?limit=5', { token: shop.tokens.owner })
      ).json()) as {
        items: { rank: number; displayName: string | null; valueIfActive: number }[];
        nextCursor: string | null;
      };
      assert.equal(page1.items.length, 5);
      assert.ok(page1.items.every((r) => r.displayName));
      const page2 = (await (
        await t.call('GET', `/api/v1/analytics/at-risk?limit=5&cursor=${page1.nextCursor}`, {
          token: shop.tokens.owner,
        })
      ).json()) as typeof page1;
      assert.deepEqual(
        [...page1.items, ...page2.items].map((r) => r.rank),
        Array.from({ length: page1.items.length + page2.items.length }, (_, i) => i + 1),
      );
      const asAnalyst = (await (
        await t.call('GET', '/api/v1/analytics/at-risk?limit=5', { token: shop.tokens.analyst })
      ).json()) as typeof page1;
      assert.ok(asAnalyst.items.every((r) => r.displayName === null));

      assert.equal((await t.call('GET', '/api/v1/analytics/at-risk.csv', { token: shop.tokens.analyst })).status, 403);
      const csv = await t.call('GET', '/api/v1/analytics/at-risk.csv', { token: shop.tokens.manager });
      assert.equal(csv.status, 200);
      assert.match(csv.headers.get('content-type')!, /text\/csv/);
      const bytes = Buffer.from(await csv.arrayBuffer());
      // Excel opens UTF-8 CSV correctly only with the byte-order mark.
      assert.ok(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])));
      const text = bytes.subarray(3).toString('utf8');
      assert.ok(text.startsWith('rank,customerId,displayName'));
      const lines = text.trim().split('\n');
      assert.ok(lines.length > page1.items.length);
      assert.equal((await shop.repos.audit.list({ limit: 5, action: 'analytics.at_risk_exported' })).items.length, 1);
    });

    it('scores a customer for the karte, and tells a missing customer from a missing score', async () => {
      const [row] = await sql<{ customer_id: string }>(
        `select customer_id from customer_scores where tenant_id = $1 limit 1`,
      );
      const res = await t.call('GET', `/api/v1/customers/${row!.customer_id}/score`, { token: shop.tokens.owner });
      const score = CustomerScore.parse(await res.json());
      assert.ok(
        score.predictedClv1yLow! <= score.predictedClv1y! && score.predictedClv1y! <= score.predictedClv1yHigh!,
      );
      assert.ok(score.nextVisitFrom! >= today);
      const missing = await t.call('GET', '/api/v1/customers/0192f0c1-7c1e-7b5a-9c2e-3f4d5e6a7b8c/score', {
        token: shop.tokens.owner,
      });
      assert.equal(((await missing.json()) as { error: { code: string } }).error.code, 'CUSTOMER_NOT_FOUND');
      const fresh = await shop.repos.customers.insert({ familyName: '新規' } as never);
      const unscored = await t.call('GET', `/api/v1/customers/${fresh.id}/score`, { token: shop.tokens.owner });
      assert.equal(((await unscored.json()) as { error: { code: string } }).error.code, 'ANALYTICS_NOT_READY');
      assert.equal(
        (await t.call('GET', `/api/v1/customers/${row!.customer_id}/score`, { token: shop.tokens.staff })).status,
        403,
      );
    });

    it('changes analytics settings without touching the others', async () => {
      const patch = async (settings: unknown) =>
        (await (await t.call('PATCH', '/api/v1/tenant', { token: shop.tokens.owner, body: { settings } })).json()) as {
          settings: { staffCanSeeContacts: boolean; analytics: { discountRatePerYear: number; spendBasis: string } };
        };
      await patch({ staffCanSeeContacts: true });
      const changed = await patch({ analytics: { discountRatePerYear: 0.05 } });
      assert.equal(changed.settings.staffCanSeeContacts, true);
      assert.deepEqual(changed.settings.analytics, {
        spendBasis: 'revenue',
        discountRatePerYear: 0.05,
        nightlyRefresh: true,
        nightlyHour: 3,
      });
      const again = await patch({ analytics: { spendBasis: 'gross_profit' } });
      assert.deepEqual(
        [again.settings.analytics.discountRatePerYear, again.settings.analytics.spendBasis],
        [0.05, 'gross_profit'],
      );
      const bad = await t.call('PATCH', '/api/v1/tenant', {
        token: shop.tokens.owner,
        body: { settings: { analytics: { discountRatePerYear: 3 } } },
      });
      assert.equal(bad.status, 400);
    });
  });
}
