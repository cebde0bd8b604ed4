import { Visit, VisitCreate, VisitListQuery, VisitPatch, VisitVoid, page } from '@kayoi/contracts';
import { createVisit, getVisit, listVisits, updateVisit, voidVisit } from '@kayoi/core';
import { createRoute } from '@hono/zod-openapi';
import { authorizeOrThrow, transactOrThrow, valueOrThrow, useCaseDeps } from '../http/context.js';
import { errorResponses, newRouter, idParams, jsonBody, jsonContent, needs } from '../http/openapi.js';

const tags = ['Visits'];
const byId = idParams('visitId');
const VisitPage = page(Visit, 'VisitPage');

const routes = {
  list: createRoute({
    method: 'get',
    path: '/visits',
    tags,
    summary: 'Visits by customer, store, staff and local dates (newest first)',
    ...needs('visits.read'),
    request: { query: VisitListQuery },
    responses: { 200: jsonContent(VisitPage), ...errorResponses },
  }),
  create: createRoute({
    method: 'post',
    path: '/visits',
    tags,
    summary: 'Register a visit with its line items and payments (checkout)',
    ...needs('visits.write'),
    request: { body: jsonBody(VisitCreate) },
    responses: { 201: jsonContent(Visit, 'Created'), ...errorResponses },
  }),
  get: createRoute({
    method: 'get',
    path: '/visits/{visitId}',
    tags,
    summary: 'A visit',
    ...needs('visits.read'),
    request: { params: byId },
    responses: { 200: jsonContent(Visit), ...errorResponses },
  }),
  patch: createRoute({
    method: 'patch',
    path: '/visits/{visitId}',
    tags,
    summary: 'Correct a visit (items and payments are replaced as a whole)',
    ...needs('visits.write'),
    request: { params: byId, body: jsonBody(VisitPatch) },
    responses: { 200: jsonContent(Visit), ...errorResponses },
  }),
  void: createRoute({
    method: 'post',
    path: '/visits/{visitId}/void',
    tags,
    summary: 'Void a visit: kept on record, removed from every total',
    ...needs('visits.void'),
    request: { params: byId, body: jsonBody(VisitVoid) },
    responses: { 200: jsonContent(Visit), ...errorResponses },
  }),
};

export function visitRoutes() {
  const app = newRouter();

  app.openapi(routes.list, async (c) => {
    const auth = authorizeOrThrow(c, 'visits.read');
    return c.json(await listVisits(useCaseDeps(c, auth), c.req.valid('query'), auth.tenant.timeZone), 200);
  });

  app.openapi(routes.create, async (c) => {
    const auth = authorizeOrThrow(c, 'visits.write');
    const input = c.req.valid('json');
    const visit = await transactOrThrow(c, auth, (repos) => createVisit({ ...useCaseDeps(c, auth), repos }, input));
    return c.json(visit, 201);
  });

  app.openapi(routes.get, async (c) => {
    const auth = authorizeOrThrow(c, 'visits.read');
    return c.json(valueOrThrow(await getVisit(useCaseDeps(c, auth), c.req.valid('param').visitId)), 200);
  });

  app.openapi(routes.patch, async (c) => {
    const auth = authorizeOrThrow(c, 'visits.write');
    const { visitId } = c.req.valid('param');
    const patch = c.req.valid('json');
    const visit = await transactOrThrow(c, auth, (repos) =>
      updateVisit({ ...useCaseDeps(c, auth), repos }, visitId, patch),
    );
    return c.json(visit, 200);
  });

  app.openapi(routes.void, async (c) => {
    const auth = authorizeOrThrow(c, 'visits.void');
    const { visitId } = c.req.valid('param');
    const { reason } = c.req.valid('json');
    const visit = await transactOrThrow(c, auth, (repos) =>
      voidVisit({ ...useCaseDeps(c, auth), repos }, visitId, reason),
    );
    return c.json(visit, 200);
  });

  return app;
}
