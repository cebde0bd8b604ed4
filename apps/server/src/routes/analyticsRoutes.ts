import {
  AtRiskCustomer,
  AtRiskQuery,
  CohortsView,
  CustomerScore,
  ForecastView,
  ModelRun,
  MonitoringDimension,
  MonitoringView,
  Overview,
  ParetoView,
  RfmView,
  SegmentDimension,
  SegmentsView,
  StaffView,
  UnitEconomicsView,
  WhatIfQuery,
  WhatIfResult,
  page,
  viewResponse,
  ViewRun,
  type AnalyticsResults,
  type ModelRun as ModelRunType,
} from '@kayoi/contracts';
import { AppFailure, whatIf } from '@kayoi/core';
import { createRoute, z } from '@hono/zod-openapi';
import { stringify } from 'csv-stringify/sync';
import { authorizeOrThrow, type AppContext, type AuthContext } from '../http/context.js';
import { errorResponses, idParams, jsonContent, needs, newRouter } from '../http/openapi.js';

const tags = ['Analytics'];
const RunList = z.object({ items: z.array(ModelRun) }).meta({ id: 'ModelRunList' });
const RunAccepted = z.object({ run: ModelRun, created: z.boolean() }).meta({ id: 'ModelRunAccepted' });
const AtRiskPage = page(AtRiskCustomer, 'AtRiskPage');
const WhatIfResponse = z.object({ run: ViewRun, result: WhatIfResult }).meta({ id: 'WhatIfResponse' });
const AtRiskResponse = z.object({ run: ViewRun, ...AtRiskPage.shape }).meta({ id: 'AtRiskResponse' });

const view = (path: string, summary: string, schema: z.ZodType) =>
  createRoute({
    method: 'get',
    path: `/analytics/${path}`,
    tags,
    summary,
    ...needs('analytics.read'),
    responses: { 200: jsonContent(schema), ...errorResponses },
  });

const queryView = <Q extends z.ZodObject>(path: string, summary: string, schema: z.ZodType, query: Q) =>
  createRoute({
    method: 'get',
    path: `/analytics/${path}`,
    tags,
    summary,
    ...needs('analytics.read'),
    request: { query },
    responses: { 200: jsonContent(schema), ...errorResponses },
  });

const routes = {
  refresh: createRoute({
    method: 'post',
    path: '/analytics/refresh',
    tags,
    summary: 'Refresh the models and every view now (queued; the run in progress is returned if there is one)',
    ...needs('analytics.refresh'),
    responses: { 202: jsonContent(RunAccepted, 'Queued'), ...errorResponses },
  }),
  runs: createRoute({
    method: 'get',
    path: '/analytics/runs',
    tags,
    summary: 'Model refreshes, newest first, with their diagnostics',
    ...needs('analytics.read'),
    request: { query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }) },
    responses: { 200: jsonContent(RunList), ...errorResponses },
  }),
  run: createRoute({
    method: 'get',
    path: '/analytics/runs/{runId}',
    tags,
    summary: 'One model refresh',
    ...needs('analytics.read'),
    request: { params: idParams('runId') },
    responses: { 200: jsonContent(ModelRun), ...errorResponses },
  }),
  overview: view(
    'overview',
    'Active / at-risk / lost customers, revenue, CLV, second-visit rate',
    viewResponse(Overview, 'OverviewResponse'),
  ),
  cohorts: view(
    'cohorts',
    'Monthly acquisition cohorts and second visits by channel, service, staff, store',
    viewResponse(CohortsView, 'CohortsResponse'),
  ),
  rfm: view('rfm', 'The 5 × 5 recency × frequency grid and named segments', viewResponse(RfmView, 'RfmResponse')),
  segments: queryView(
    'segments',
    'Historical and predicted LTV by a customer dimension',
    viewResponse(SegmentsView, 'SegmentsResponse'),
    z.object({ dimension: SegmentDimension.default('channel') }),
  ),
  pareto: view(
    'pareto',
    'Cumulative revenue share and the share of the top 20 %',
    viewResponse(ParetoView, 'ParetoResponse'),
  ),
  unitEconomics: view(
    'unit-economics',
    'Acquisition cost, first-year value, LTV/CAC and payback per channel',
    viewResponse(UnitEconomicsView, 'UnitEconomicsResponse'),
  ),
  whatIf: queryView(
    'unit-economics/what-if',
    'Revenue effect of second-visit, retention and acquisition levers',
    WhatIfResponse,
    WhatIfQuery,
  ),
  forecast: view(
    'forecast',
    'Visits, revenue and staff hours for the next 12 months, with intervals',
    viewResponse(ForecastView, 'ForecastResponse'),
  ),
  staff: view(
    'staff',
    'Customers, new-customer return rate and customer CLV per staff member',
    viewResponse(StaffView, 'StaffResponse'),
  ),
  monitoring: queryView(
    'monitoring',
    'Weekly series per group and alerts on drops, with what changed alongside',
    viewResponse(MonitoringView, 'MonitoringResponse'),
    z.object({ dimension: MonitoringDimension.default('segment') }),
  ),
  atRisk: queryView(
    'at-risk',
    'High-value customers whose chance of coming back is falling',
    AtRiskResponse,
    AtRiskQuery,
  ),
  atRiskCsv: createRoute({
    method: 'get',
    path: '/analytics/at-risk.csv',
    tags,
    summary: 'The whole at-risk list as CSV (UTF-8 with BOM), ready to become a message segment',
    ...needs('analytics.export'),
    responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } }, ...errorResponses },
  }),
  customerScore: createRoute({
    method: 'get',
    path: '/customers/{customerId}/score',
    tags,
    summary: 'A customer’s P(alive), next-visit window, predicted CLV with its interval and RFM segment',
    ...needs('analytics.read'),
    request: { params: idParams('customerId') },
    responses: { 200: jsonContent(CustomerScore), ...errorResponses },
  }),
};

const runOf = (run: ModelRunType) => ({
  runId: run.id,
  endDate: run.endDate!,
  finishedAt: run.finishedAt!,
  lowData: run.diagnostics?.count?.lowData ?? false,
  model: run.diagnostics?.count?.model ?? null,
});

async function latestOrThrow<K extends keyof AnalyticsResults>(auth: AuthContext, key: K) {
  const latest = await auth.repos.analytics.latestView(key);
  if (!latest) throw new AppFailure({ code: 'ANALYTICS_NOT_READY' });
  return { run: runOf(latest.run), view: latest.view };
}

/** Analysts see figures, never names. */
const maskName = (auth: AuthContext, row: AtRiskCustomer): AtRiskCustomer =>
  auth.actor.piiView === 'none' ? { ...row, displayName: null } : row;

export function analyticsRoutes() {
  const app = newRouter();

  app.openapi(routes.refresh, async (c) => {
    const auth = authorizeOrThrow(c, 'analytics.refresh');
    const requested = await auth.repos.analytics.request({ trigger: 'manual', requestedBy: auth.user.id });
    if (!requested) throw new AppFailure({ code: 'ANALYTICS_NOT_READY' });
    if (requested.created)
      await auth.repos.audit.record({
        actorUserId: auth.user.id,
        action: 'analytics.refresh_requested',
        targetType: 'model_run',
        targetId: requested.run.id,
      });
    return c.json(requested, 202);
  });

  app.openapi(routes.runs, async (c) => {
    const auth = authorizeOrThrow(c, 'analytics.read');
    return c.json({ items: await auth.repos.analytics.list(c.req.valid('query').limit) }, 200);
  });

  app.openapi(routes.run, async (c) => {
    const auth = authorizeOrThrow(c, 'analytics.read');
    const run = await auth.repos.analytics.get(c.req.valid('param').runId);
    if (!run) throw new AppFailure({ code: 'MODEL_RUN_NOT_FOUND' });
    return c.json(run, 200);
  });

  const simple = [
    [routes.overview, 'overview'],
    [routes.cohorts, 'cohorts'],
    [routes.rfm, 'rfm'],
    [routes.pareto, 'pareto'],
    [routes.unitEconomics, 'unitEconomics'],
    [routes.forecast, 'forecast'],
    [routes.staff, 'staff'],
  ] as const;
  for (const [route, key] of simple) {
    app.openapi(route, async (c: AppContext) =>
      c.json(await latestOrThrow(authorizeOrThrow(c, 'analytics.read'), key), 200),
    );
  }

  app.openapi(routes.segments, async (c) => {
    const auth = authorizeOrThrow(c, 'analytics.read');
    const { run, view } = await latestOrThrow(auth, 'segments');
    const dimension = c.req.valid('query').dimension;
    return c.json({ run, view: view.find((v) => v.dimension === dimension) ?? { dimension, rows: [] } }, 200);
  });

  app.openapi(routes.monitoring, async (c) => {
    const auth = authorizeOrThrow(c, 'analytics.read');
    const { run, view } = await latestOrThrow(auth, 'monitoring');
    const dimension = c.req.valid('query').dimension;
    const chosen = view.find((v) => v.dimension === dimension) ?? {
      dimension,
      groups: [],
      alerts: [],
      thresholds: { returnRatePoints: 5, clvPercent: 10 },
    };
    return c.json({ run, view: chosen }, 200);
  });

  app.openapi(routes.whatIf, async (c) => {
    const auth = authorizeOrThrow(c, 'analytics.read');
    const { run, view } = await latestOrThrow(auth, 'unitEconomics');
    return c.json({ run, result: whatIf(view.baseline, c.req.valid('query')) }, 200);
  });

  app.openapi(routes.atRisk, async (c) => {
    const auth = authorizeOrThrow(c, 'analytics.read');
    const latest = await auth.repos.analytics.latestSucceeded();
    if (!latest) throw new AppFailure({ code: 'ANALYTICS_NOT_READY' });
    const { limit, cursor } = c.req.valid('query');
    const afterRank = cursor !== undefined && /^\d{1,9}$/.test(cursor) ? Number(cursor) : 0;
    const rows = await auth.repos.analytics.atRiskPage({ limit: limit + 1, afterRank });
    const items = rows.slice(0, limit).map((r) => maskName(auth, r));
    const nextCursor = rows.length > limit ? String(items.at(-1)!.rank) : null;
    return c.json({ run: runOf(latest), items, nextCursor }, 200);
  });

  app.openapi(routes.atRiskCsv, async (c) => {
    const auth = authorizeOrThrow(c, 'analytics.export');
    const latest = await auth.repos.analytics.latestSucceeded();
    if (!latest) throw new AppFailure({ code: 'ANALYTICS_NOT_READY' });
    const rows: AtRiskCustomer[] = [];
    for (let afterRank = 0; ;) {
      const chunk = await auth.repos.analytics.atRiskPage({ limit: 1000, afterRank });
      rows.push(...chunk.map((r) => maskName(auth, r)));
      if (chunk.length < 1000) break;
      afterRank = chunk.at(-1)!.rank;
    }
    await auth.repos.audit.record({
      actorUserId: auth.user.id,
      action: 'analytics.at_risk_exported',
      targetType: 'model_run',
      targetId: latest.id,
      details: { rows: rows.length },
    });
    const csv = stringify(rows, {
      header: true,
      bom: true,
      columns: [
        'rank',
        'customerId',
        'displayName',
        'visits',
        'revenue',
        'lastVisitOn',
        'pAlive',
        'pAlivePrevious',
        'predictedClv1y',
        'valueIfActive',
        'segment',
      ],
    });
    return c.body(csv, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="at-risk-${latest.endDate}.csv"`,
    });
  });

  app.openapi(routes.customerScore, async (c) => {
    const auth = authorizeOrThrow(c, 'analytics.read');
    const { customerId } = c.req.valid('param');
    const score = await auth.repos.analytics.customerScore(customerId);
    if (score) return c.json(score, 200);
    // No score: either no such customer (here), or no refresh since they became one.
    const customer = await auth.repos.customers.findById(customerId);
    throw new AppFailure({ code: customer ? 'ANALYTICS_NOT_READY' : 'CUSTOMER_NOT_FOUND' });
  });

  return app;
}
