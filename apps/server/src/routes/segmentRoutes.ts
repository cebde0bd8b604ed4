import {
  Customer,
  Segment,
  SegmentCreate,
  SegmentCustomersQuery,
  SegmentListQuery,
  SegmentPatch,
  SegmentPreview,
  SegmentPreviewRequest,
  page,
  segmentProblemsFromIssues,
} from '@kayoi/contracts';
import {
  AppFailure,
  archiveSegment,
  createSegment,
  getSegment,
  listSegmentCustomers,
  listSegments,
  previewSegment,
  updateSegment,
} from '@kayoi/core';
import { createRoute, z } from '@hono/zod-openapi';
import {
  authorizeOrThrow,
  transactOrThrow,
  useCaseDeps,
  valueOrThrow,
  type AppContext,
  type AuthContext,
} from '../http/context.js';
import {
  errorResponses,
  idParams,
  jsonBody,
  jsonContent,
  needs,
  newRouter,
  validationIssues,
} from '../http/openapi.js';

const tags = ['Segments'];
const byId = idParams('segmentId');
const SegmentList = z.object({ items: z.array(Segment) }).meta({ id: 'SegmentList' });
const SegmentCustomerPage = page(Customer, 'SegmentCustomerPage');

const routes = {
  preview: createRoute({
    method: 'post',
    path: '/segments/preview',
    tags,
    summary: 'Count the customers a rule matches now, with the first few of them (live, while editing)',
    ...needs('segments.read'),
    request: { body: jsonBody(SegmentPreviewRequest) },
    responses: { 200: jsonContent(SegmentPreview), ...errorResponses },
  }),
  list: createRoute({
    method: 'get',
    path: '/segments',
    tags,
    summary: 'Saved segments with their current counts',
    ...needs('segments.read'),
    request: { query: SegmentListQuery },
    responses: { 200: jsonContent(SegmentList), ...errorResponses },
  }),
  create: createRoute({
    method: 'post',
    path: '/segments',
    tags,
    summary: 'Save a segment (name unique among live segments)',
    ...needs('segments.manage'),
    request: { body: jsonBody(SegmentCreate) },
    responses: { 201: jsonContent(Segment, 'Created'), ...errorResponses },
  }),
  get: createRoute({
    method: 'get',
    path: '/segments/{segmentId}',
    tags,
    summary: 'A saved segment with its current count',
    ...needs('segments.read'),
    request: { params: byId },
    responses: { 200: jsonContent(Segment), ...errorResponses },
  }),
  patch: createRoute({
    method: 'patch',
    path: '/segments/{segmentId}',
    tags,
    summary: 'Rename a segment, change its rule, archive or restore it',
    ...needs('segments.manage'),
    request: { params: byId, body: jsonBody(SegmentPatch) },
    responses: { 200: jsonContent(Segment), ...errorResponses },
  }),
  archive: createRoute({
    method: 'delete',
    path: '/segments/{segmentId}',
    tags,
    summary: 'Archive a segment (kept for the campaigns that used it)',
    ...needs('segments.manage'),
    request: { params: byId },
    responses: { 200: jsonContent(Segment), ...errorResponses },
  }),
  customers: createRoute({
    method: 'get',
    path: '/segments/{segmentId}/customers',
    tags,
    summary: 'Customers in a saved segment now, oldest record first (cursor paging)',
    ...needs('segments.read'),
    request: { params: byId, query: SegmentCustomersQuery },
    responses: { 200: jsonContent(SegmentCustomerPage), ...errorResponses },
  }),
};

type ValidationResult = { target: string } & ({ success: true } | { success: false; error: z.ZodError });

/**
 * A wrong rule is SEGMENT_RULE_INVALID with one problem per bad node, so a rule builder can
 * mark each; anything else wrong in the request is reported beside them as usual.
 */
function ruleHook(result: ValidationResult): undefined {
  if (result.success) return;
  const inRule = (i: z.core.$ZodIssue) => result.target === 'json' && i.path[0] === 'rule';
  const ruleIssues = result.error.issues.filter(inRule);
  const issues = validationIssues(
    result.target,
    result.error.issues.filter((i) => !inRule(i)),
  );
  if (ruleIssues.length === 0) throw new AppFailure({ code: 'VALIDATION_FAILED', details: { issues } });
  throw new AppFailure({
    code: 'SEGMENT_RULE_INVALID',
    details: { problems: segmentProblemsFromIssues(ruleIssues), ...(issues.length > 0 ? { issues } : {}) },
  });
}

const segmentDeps = (c: AppContext, auth: AuthContext) => ({ ...useCaseDeps(c, auth), timeZone: auth.tenant.timeZone });

export function segmentRoutes() {
  const app = newRouter();

  // Registered before /segments/{segmentId}; "preview" is not an id (and ids are UUIDs anyway).
  app.openapi(
    routes.preview,
    async (c) => {
      const auth = authorizeOrThrow(c, 'segments.read');
      return c.json(valueOrThrow(await previewSegment(segmentDeps(c, auth), c.req.valid('json'))), 200);
    },
    ruleHook,
  );

  app.openapi(routes.list, async (c) => {
    const auth = authorizeOrThrow(c, 'segments.read');
    return c.json({ items: await listSegments(segmentDeps(c, auth), c.req.valid('query')) }, 200);
  });

  app.openapi(
    routes.create,
    async (c) => {
      const auth = authorizeOrThrow(c, 'segments.manage');
      const input = c.req.valid('json');
      const segment = await transactOrThrow(c, auth, (repos) =>
        createSegment({ ...segmentDeps(c, auth), repos }, input),
      );
      return c.json(segment, 201);
    },
    ruleHook,
  );

  app.openapi(routes.get, async (c) => {
    const auth = authorizeOrThrow(c, 'segments.read');
    return c.json(valueOrThrow(await getSegment(segmentDeps(c, auth), c.req.valid('param').segmentId)), 200);
  });

  app.openapi(
    routes.patch,
    async (c) => {
      const auth = authorizeOrThrow(c, 'segments.manage');
      const { segmentId } = c.req.valid('param');
      const patch = c.req.valid('json');
      const segment = await transactOrThrow(c, auth, (repos) =>
        updateSegment({ ...segmentDeps(c, auth), repos }, segmentId, patch),
      );
      return c.json(segment, 200);
    },
    ruleHook,
  );

  app.openapi(routes.archive, async (c) => {
    const auth = authorizeOrThrow(c, 'segments.manage');
    const { segmentId } = c.req.valid('param');
    const segment = await transactOrThrow(c, auth, (repos) =>
      archiveSegment({ ...segmentDeps(c, auth), repos }, segmentId),
    );
    return c.json(segment, 200);
  });

  app.openapi(routes.customers, async (c) => {
    const auth = authorizeOrThrow(c, 'segments.read');
    const { segmentId } = c.req.valid('param');
    const result = await listSegmentCustomers(segmentDeps(c, auth), segmentId, c.req.valid('query'));
    return c.json(valueOrThrow(result), 200);
  });

  return app;
}
