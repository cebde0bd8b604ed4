import {
  Broadcast,
  BroadcastCreate,
  BroadcastListQuery,
  BroadcastPatch,
  BroadcastSchedule,
  CampaignOutcome,
  DeliveryListQuery,
  DeliveryPage,
  Id,
  MeasurementReport,
  PowerPreview,
} from '@kayoi/contracts';
import {
  cancelBroadcast,
  createBroadcast,
  getBroadcast,
  listBroadcastDeliveries,
  listBroadcasts,
  listCustomerDeliveries,
  measureBroadcast,
  previewBroadcastPower,
  scheduleBroadcast,
  updateBroadcast,
  type BroadcastDeps,
} from '@kayoi/core';
import { createRoute, z } from '@hono/zod-openapi';
import { authorizeOrThrow, transactOrThrow, valueOrThrow, type AppContext, type AuthContext } from '../http/context.js';
import { errorResponses, idParams, jsonBody, jsonContent, needs, newRouter } from '../http/openapi.js';

const tags = ['Broadcasts'];
const byId = idParams('broadcastId');
const BroadcastList = z.object({ items: z.array(Broadcast) }).meta({ id: 'BroadcastList' });
const PowerPreviewRequest = z
  .object({
    segmentId: Id,
    holdoutPercent: z.number().int().min(0).max(50).optional(),
    outcome: CampaignOutcome.default({ kind: 'visit', days: 30 }),
  })
  .strict()
  .meta({ id: 'PowerPreviewRequest' });

const routes = {
  power: createRoute({
    method: 'post',
    path: '/broadcasts/power-preview',
    tags,
    summary: 'Before sending: the audience, the holdout and the smallest uplift it can detect (80 % power)',
    ...needs('broadcasts.read'),
    request: { body: jsonBody(PowerPreviewRequest) },
    responses: { 200: jsonContent(PowerPreview), ...errorResponses },
  }),
  list: createRoute({
    method: 'get',
    path: '/broadcasts',
    tags,
    summary: 'Broadcasts, newest first, with their delivery counts',
    ...needs('broadcasts.read'),
    request: { query: BroadcastListQuery },
    responses: { 200: jsonContent(BroadcastList), ...errorResponses },
  }),
  create: createRoute({
    method: 'post',
    path: '/broadcasts',
    tags,
    summary: 'A draft broadcast to a saved segment (templates per channel, holdout, outcome declared now)',
    ...needs('broadcasts.manage'),
    request: { body: jsonBody(BroadcastCreate) },
    responses: { 201: jsonContent(Broadcast, 'Created'), ...errorResponses },
  }),
  get: createRoute({
    method: 'get',
    path: '/broadcasts/{broadcastId}',
    tags,
    summary: 'A broadcast',
    ...needs('broadcasts.read'),
    request: { params: byId },
    responses: { 200: jsonContent(Broadcast), ...errorResponses },
  }),
  patch: createRoute({
    method: 'patch',
    path: '/broadcasts/{broadcastId}',
    tags,
    summary: 'Edit a draft (a scheduled broadcast is fixed: 409)',
    ...needs('broadcasts.manage'),
    request: { params: byId, body: jsonBody(BroadcastPatch) },
    responses: { 200: jsonContent(Broadcast), ...errorResponses },
  }),
  schedule: createRoute({
    method: 'post',
    path: '/broadcasts/{broadcastId}/schedule',
    tags,
    summary: 'Send now, or at a time; from here on the broadcast cannot be edited',
    ...needs('broadcasts.manage'),
    request: { params: byId, body: jsonBody(BroadcastSchedule) },
    responses: { 200: jsonContent(Broadcast), ...errorResponses },
  }),
  cancel: createRoute({
    method: 'post',
    path: '/broadcasts/{broadcastId}/cancel',
    tags,
    summary: 'Stop a broadcast: messages not yet sent are cancelled',
    ...needs('broadcasts.manage'),
    request: { params: byId },
    responses: { 200: jsonContent(Broadcast), ...errorResponses },
  }),
  deliveries: createRoute({
    method: 'get',
    path: '/broadcasts/{broadcastId}/deliveries',
    tags,
    summary: 'The delivery log of a broadcast: one row per customer, with status, reason and clicks',
    ...needs('broadcasts.read'),
    request: { params: byId, query: DeliveryListQuery },
    responses: { 200: jsonContent(DeliveryPage), ...errorResponses },
  }),
  report: createRoute({
    method: 'get',
    path: '/broadcasts/{broadcastId}/report',
    tags,
    summary: 'Treated vs holdout on the declared outcome: uplift with its 95 % interval, incremental visits and yen',
    ...needs('broadcasts.read'),
    request: { params: byId },
    responses: { 200: jsonContent(MeasurementReport), ...errorResponses },
  }),
  customerDeliveries: createRoute({
    method: 'get',
    path: '/customers/{customerId}/deliveries',
    tags,
    summary: "The karte's delivery log: every message to this customer, newest first",
    ...needs('customers.read'),
    request: { params: idParams('customerId'), query: DeliveryListQuery },
    responses: { 200: jsonContent(DeliveryPage), ...errorResponses },
  }),
};

export function broadcastRoutes() {
  const app = newRouter();
  const depsOf = (c: AppContext, auth: AuthContext, repos = auth.repos): BroadcastDeps => ({
    repos,
    actor: auth.actor,
    tenant: auth.tenant,
    now: c.get('deps').clock(),
  });

  // Registered before /broadcasts/{broadcastId}: "power-preview" is not an id.
  app.openapi(routes.power, async (c) => {
    const auth = authorizeOrThrow(c, 'broadcasts.read');
    return c.json(valueOrThrow(await previewBroadcastPower(depsOf(c, auth), c.req.valid('json'))), 200);
  });

  app.openapi(routes.list, async (c) => {
    const auth = authorizeOrThrow(c, 'broadcasts.read');
    return c.json(
      { items: await listBroadcasts(depsOf(c, auth), c.req.valid('query').includeCancelled ?? false) },
      200,
    );
  });

  app.openapi(routes.create, async (c) => {
    const auth = authorizeOrThrow(c, 'broadcasts.manage');
    const input = c.req.valid('json');
    return c.json(await transactOrThrow(c, auth, (repos) => createBroadcast(depsOf(c, auth, repos), input)), 201);
  });

  app.openapi(routes.get, async (c) => {
    const auth = authorizeOrThrow(c, 'broadcasts.read');
    return c.json(valueOrThrow(await getBroadcast(depsOf(c, auth), c.req.valid('param').broadcastId)), 200);
  });

  app.openapi(routes.patch, async (c) => {
    const auth = authorizeOrThrow(c, 'broadcasts.manage');
    const { broadcastId } = c.req.valid('param');
    const patch = c.req.valid('json');
    return c.json(
      await transactOrThrow(c, auth, (repos) => updateBroadcast(depsOf(c, auth, repos), broadcastId, patch)),
      200,
    );
  });

  app.openapi(routes.schedule, async (c) => {
    const auth = authorizeOrThrow(c, 'broadcasts.manage');
    const { broadcastId } = c.req.valid('param');
    const { sendAt } = c.req.valid('json');
    const at = sendAt === undefined ? undefined : new Date(sendAt);
    return c.json(
      await transactOrThrow(c, auth, (repos) => scheduleBroadcast(depsOf(c, auth, repos), broadcastId, at)),
      200,
    );
  });

  app.openapi(routes.cancel, async (c) => {
    const auth = authorizeOrThrow(c, 'broadcasts.manage');
    const { broadcastId } = c.req.valid('param');
    return c.json(await transactOrThrow(c, auth, (repos) => cancelBroadcast(depsOf(c, auth, repos), broadcastId)), 200);
  });

  app.openapi(routes.deliveries, async (c) => {
    const auth = authorizeOrThrow(c, 'broadcasts.read');
    const { broadcastId } = c.req.valid('param');
    return c.json(valueOrThrow(await listBroadcastDeliveries(depsOf(c, auth), broadcastId, c.req.valid('query'))), 200);
  });

  app.openapi(routes.report, async (c) => {
    const auth = authorizeOrThrow(c, 'broadcasts.read');
    return c.json(valueOrThrow(await measureBroadcast(depsOf(c, auth), c.req.valid('param').broadcastId)), 200);
  });

  app.openapi(routes.customerDeliveries, async (c) => {
    const auth = authorizeOrThrow(c, 'customers.read');
    const { customerId } = c.req.valid('param');
    return c.json(valueOrThrow(await listCustomerDeliveries(depsOf(c, auth), customerId, c.req.valid('query'))), 200);
  });

  return app;
}
