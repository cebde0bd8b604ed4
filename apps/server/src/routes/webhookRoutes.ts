import {
  WebhookCallListQuery,
  WebhookCallPage,
  WebhookEndpoint,
  WebhookEndpointCreate,
  WebhookEndpointPatch,
} from '@kayoi/contracts';
import { createWebhook, deleteWebhook, listWebhookCalls, listWebhooks, testWebhook, updateWebhook } from '@kayoi/core';
import { createRoute, z } from '@hono/zod-openapi';
import { authorizeOrThrow, transactOrThrow, useCaseDeps, valueOrThrow } from '../http/context.js';
import { errorResponses, idParams, jsonBody, jsonContent, needs, newRouter } from '../http/openapi.js';

const tags = ['Webhooks'];
const byId = idParams('webhookId');
const WebhookList = z.object({ items: z.array(WebhookEndpoint) }).meta({ id: 'WebhookList' });

const routes = {
  list: createRoute({
    method: 'get',
    path: '/webhooks',
    tags,
    summary: "The business's webhook endpoints (secrets are never shown again after creation)",
    ...needs('tenant.manage'),
    responses: { 200: jsonContent(WebhookList), ...errorResponses },
  }),
  create: createRoute({
    method: 'post',
    path: '/webhooks',
    tags,
    summary: 'Add an endpoint; the answer carries its signing secret, once',
    ...needs('tenant.manage'),
    request: { body: jsonBody(WebhookEndpointCreate) },
    responses: { 201: jsonContent(WebhookEndpoint, 'Created'), ...errorResponses },
  }),
  patch: createRoute({
    method: 'patch',
    path: '/webhooks/{webhookId}',
    tags,
    summary: 'Change the URL, the events, or switch an endpoint off and on',
    ...needs('tenant.manage'),
    request: { params: byId, body: jsonBody(WebhookEndpointPatch) },
    responses: { 200: jsonContent(WebhookEndpoint), ...errorResponses },
  }),
  remove: createRoute({
    method: 'delete',
    path: '/webhooks/{webhookId}',
    tags,
    summary: 'Remove an endpoint and its call log',
    ...needs('tenant.manage'),
    request: { params: byId },
    responses: { 200: jsonContent(WebhookEndpoint), ...errorResponses },
  }),
  test: createRoute({
    method: 'post',
    path: '/webhooks/{webhookId}/test',
    tags,
    summary: 'Queue a signed webhook.test event to the endpoint',
    ...needs('tenant.manage'),
    request: { params: byId },
    responses: { 202: jsonContent(WebhookEndpoint, 'Queued'), ...errorResponses },
  }),
  calls: createRoute({
    method: 'get',
    path: '/webhooks/{webhookId}/calls',
    tags,
    summary: 'Calls made to the endpoint, newest first: status, attempts, the answer it gave',
    ...needs('tenant.manage'),
    request: { params: byId, query: WebhookCallListQuery },
    responses: { 200: jsonContent(WebhookCallPage), ...errorResponses },
  }),
};

export function webhookRoutes() {
  const app = newRouter();

  app.openapi(routes.list, async (c) => {
    const auth = authorizeOrThrow(c, 'tenant.manage');
    return c.json({ items: await listWebhooks(useCaseDeps(c, auth)) }, 200);
  });

  app.openapi(routes.create, async (c) => {
    const auth = authorizeOrThrow(c, 'tenant.manage');
    const input = c.req.valid('json');
    const created = await transactOrThrow(c, auth, (repos) => createWebhook({ ...useCaseDeps(c, auth), repos }, input));
    return c.json(created, 201);
  });

  app.openapi(routes.patch, async (c) => {
    const auth = authorizeOrThrow(c, 'tenant.manage');
    const { webhookId } = c.req.valid('param');
    const patch = c.req.valid('json');
    const updated = await transactOrThrow(c, auth, (repos) =>
      updateWebhook({ ...useCaseDeps(c, auth), repos }, webhookId, patch),
    );
    return c.json(updated, 200);
  });

  app.openapi(routes.remove, async (c) => {
    const auth = authorizeOrThrow(c, 'tenant.manage');
    const { webhookId } = c.req.valid('param');
    const removed = await transactOrThrow(c, auth, (repos) =>
      deleteWebhook({ ...useCaseDeps(c, auth), repos }, webhookId),
    );
    return c.json(removed, 200);
  });

  app.openapi(routes.test, async (c) => {
    const auth = authorizeOrThrow(c, 'tenant.manage');
    const { webhookId } = c.req.valid('param');
    return c.json(valueOrThrow(await testWebhook(useCaseDeps(c, auth), webhookId)), 202);
  });

  app.openapi(routes.calls, async (c) => {
    const auth = authorizeOrThrow(c, 'tenant.manage');
    const { webhookId } = c.req.valid('param');
    return c.json(valueOrThrow(await listWebhookCalls(useCaseDeps(c, auth), webhookId, c.req.valid('query'))), 200);
  });

  return app;
}
