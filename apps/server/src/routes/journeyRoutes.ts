import {
  Journey,
  JourneyCreate,
  JourneyEnrollmentListQuery,
  JourneyEnrollmentPage,
  JourneyList,
  JourneyPatch,
  JourneyPresetKey,
  JourneyPresetList,
  JourneyVersionList,
  MeasurementReport,
} from '@kayoi/contracts';
import {
  createJourney,
  getJourney,
  installJourneyPreset,
  listJourneyEnrollments,
  listJourneyPresets,
  listJourneys,
  listJourneyVersions,
  measureJourney,
  setJourneyStatus,
  updateJourney,
  type JourneyDeps,
} from '@kayoi/core';
import { createRoute, z } from '@hono/zod-openapi';
import { authorizeOrThrow, transactOrThrow, valueOrThrow, type AppContext, type AuthContext } from '../http/context.js';
import { errorResponses, idParams, jsonBody, jsonContent, needs, newRouter } from '../http/openapi.js';

const tags = ['Journeys'];
const byId = idParams('journeyId');
const byPreset = z.object({
  presetKey: z.enum(JourneyPresetKey.options).openapi({ param: { name: 'presetKey', in: 'path' } }),
});

const statusChange = (verb: 'activate' | 'pause' | 'archive', summary: string) =>
  createRoute({
    method: 'post',
    path: `/journeys/{journeyId}/${verb}`,
    tags,
    summary,
    ...needs('journeys.manage'),
    request: { params: byId },
    responses: { 200: jsonContent(Journey), ...errorResponses },
  });

const routes = {
  list: createRoute({
    method: 'get',
    path: '/journeys',
    tags,
    summary: 'Journeys, newest first',
    ...needs('journeys.read'),
    request: {},
    responses: { 200: jsonContent(JourneyList), ...errorResponses },
  }),
  create: createRoute({
    method: 'post',
    path: '/journeys',
    tags,
    summary: 'A draft journey: trigger, steps, exit and re-entry rules, holdout and outcome',
    ...needs('journeys.manage'),
    request: { body: jsonBody(JourneyCreate) },
    responses: { 201: jsonContent(Journey, 'Created'), ...errorResponses },
  }),
  get: createRoute({
    method: 'get',
    path: '/journeys/{journeyId}',
    tags,
    summary: 'A journey with its current definition',
    ...needs('journeys.read'),
    request: { params: byId },
    responses: { 200: jsonContent(Journey), ...errorResponses },
  }),
  patch: createRoute({
    method: 'patch',
    path: '/journeys/{journeyId}',
    tags,
    summary: 'Edit a journey: a new definition is a new version; running enrollments finish theirs',
    ...needs('journeys.manage'),
    request: { params: byId, body: jsonBody(JourneyPatch) },
    responses: { 200: jsonContent(Journey), ...errorResponses },
  }),
  activate: statusChange('activate', 'Switch on: triggers enrol customers from now on'),
  pause: statusChange('pause', 'Pause: nobody enrols and running enrollments wait where they are'),
  archive: statusChange('archive', 'Archive: stops the journey for good'),
  versions: createRoute({
    method: 'get',
    path: '/journeys/{journeyId}/versions',
    tags,
    summary: 'Every version, newest first',
    ...needs('journeys.read'),
    request: { params: byId },
    responses: { 200: jsonContent(JourneyVersionList), ...errorResponses },
  }),
  enrollments: createRoute({
    method: 'get',
    path: '/journeys/{journeyId}/enrollments',
    tags,
    summary: 'Who is in the journey, where, and how it ended',
    ...needs('journeys.read'),
    request: { params: byId, query: JourneyEnrollmentListQuery },
    responses: { 200: jsonContent(JourneyEnrollmentPage), ...errorResponses },
  }),
  report: createRoute({
    method: 'get',
    path: '/journeys/{journeyId}/report',
    tags,
    summary: 'Treated vs holdout on the declared outcome, each window opening at enrolment',
    ...needs('journeys.read'),
    request: { params: byId },
    responses: { 200: jsonContent(MeasurementReport), ...errorResponses },
  }),
  presets: createRoute({
    method: 'get',
    path: '/journey-presets',
    tags,
    summary: 'Lifecycle automations ready to install',
    ...needs('journeys.read'),
    request: {},
    responses: { 200: jsonContent(JourneyPresetList), ...errorResponses },
  }),
  install: createRoute({
    method: 'post',
    path: '/journey-presets/{presetKey}/install',
    tags,
    summary: 'Install a preset: its templates, then a draft journey that uses them',
    ...needs('journeys.manage'),
    request: { params: byPreset },
    responses: { 201: jsonContent(Journey, 'Created'), ...errorResponses },
  }),
};

export function journeyRoutes() {
  const app = newRouter();
  const depsOf = (c: AppContext, auth: AuthContext, repos = auth.repos): JourneyDeps => ({
    repos,
    actor: auth.actor,
    tenant: auth.tenant,
    now: c.get('deps').clock(),
  });

  app.openapi(routes.list, async (c) => {
    const auth = authorizeOrThrow(c, 'journeys.read');
    return c.json({ items: await listJourneys(depsOf(c, auth)) }, 200);
  });

  app.openapi(routes.create, async (c) => {
    const auth = authorizeOrThrow(c, 'journeys.manage');
    const input = c.req.valid('json');
    return c.json(await transactOrThrow(c, auth, (repos) => createJourney(depsOf(c, auth, repos), input)), 201);
  });

  app.openapi(routes.get, async (c) => {
    const auth = authorizeOrThrow(c, 'journeys.read');
    return c.json(valueOrThrow(await getJourney(depsOf(c, auth), c.req.valid('param').journeyId)), 200);
  });

  app.openapi(routes.patch, async (c) => {
    const auth = authorizeOrThrow(c, 'journeys.manage');
    const { journeyId } = c.req.valid('param');
    const patch = c.req.valid('json');
    return c.json(
      await transactOrThrow(c, auth, (repos) => updateJourney(depsOf(c, auth, repos), journeyId, patch)),
      200,
    );
  });

  const statuses = { activate: 'active', pause: 'paused', archive: 'archived' } as const;
  for (const verb of ['activate', 'pause', 'archive'] as const) {
    app.openapi(routes[verb], async (c) => {
      const auth = authorizeOrThrow(c, 'journeys.manage');
      const { journeyId } = c.req.valid('param');
      return c.json(
        await transactOrThrow(c, auth, (repos) => setJourneyStatus(depsOf(c, auth, repos), journeyId, statuses[verb])),
        200,
      );
    });
  }

  app.openapi(routes.versions, async (c) => {
    const auth = authorizeOrThrow(c, 'journeys.read');
    const items = valueOrThrow(await listJourneyVersions(depsOf(c, auth), c.req.valid('param').journeyId));
    return c.json({ items }, 200);
  });

  app.openapi(routes.enrollments, async (c) => {
    const auth = authorizeOrThrow(c, 'journeys.read');
    const { journeyId } = c.req.valid('param');
    return c.json(valueOrThrow(await listJourneyEnrollments(depsOf(c, auth), journeyId, c.req.valid('query'))), 200);
  });

  app.openapi(routes.report, async (c) => {
    const auth = authorizeOrThrow(c, 'journeys.read');
    return c.json(valueOrThrow(await measureJourney(depsOf(c, auth), c.req.valid('param').journeyId)), 200);
  });

  app.openapi(routes.presets, (c) => {
    authorizeOrThrow(c, 'journeys.read');
    return c.json({ items: listJourneyPresets() }, 200);
  });

  app.openapi(routes.install, async (c) => {
    const auth = authorizeOrThrow(c, 'journeys.manage');
    const { presetKey } = c.req.valid('param');
    return c.json(
      await transactOrThrow(c, auth, (repos) => installJourneyPreset(depsOf(c, auth, repos), presetKey)),
      201,
    );
  });

  return app;
}
