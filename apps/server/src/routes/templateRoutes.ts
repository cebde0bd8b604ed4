import {
  MessageTemplate,
  TemplateCreate,
  TemplateDraftPreviewRequest,
  TemplateListQuery,
  TemplatePatch,
  TemplatePreview,
  TemplatePreviewRequest,
} from '@kayoi/contracts';
import {
  archiveTemplate,
  createTemplate,
  createTemplateRenderer,
  createTemplateSyntaxChecker,
  getTemplate,
  listTemplates,
  previewTemplate,
  previewTemplateDraft,
  updateTemplate,
  type TemplateDeps,
} from '@kayoi/core';
import { createRoute, z } from '@hono/zod-openapi';
import { authorizeOrThrow, transactOrThrow, valueOrThrow, type AuthContext } from '../http/context.js';
import { errorResponses, idParams, jsonBody, jsonContent, needs, newRouter } from '../http/openapi.js';

const tags = ['Templates'];
const byId = idParams('templateId');
const TemplateList = z.object({ items: z.array(MessageTemplate) }).meta({ id: 'TemplateList' });

const routes = {
  previewDraft: createRoute({
    method: 'post',
    path: '/templates/preview',
    tags,
    summary: 'Render an unsaved template for one customer (while editing); a failed render is a value',
    ...needs('templates.read'),
    request: { body: jsonBody(TemplateDraftPreviewRequest) },
    responses: { 200: jsonContent(TemplatePreview), ...errorResponses },
  }),
  list: createRoute({
    method: 'get',
    path: '/templates',
    tags,
    summary: 'Message templates',
    ...needs('templates.read'),
    request: { query: TemplateListQuery },
    responses: { 200: jsonContent(TemplateList), ...errorResponses },
  }),
  create: createRoute({
    method: 'post',
    path: '/templates',
    tags,
    summary: 'Save a template (name unique among live ones; syntax errors → 422 with line and column)',
    ...needs('templates.manage'),
    request: { body: jsonBody(TemplateCreate) },
    responses: { 201: jsonContent(MessageTemplate, 'Created'), ...errorResponses },
  }),
  get: createRoute({
    method: 'get',
    path: '/templates/{templateId}',
    tags,
    summary: 'A message template',
    ...needs('templates.read'),
    request: { params: byId },
    responses: { 200: jsonContent(MessageTemplate), ...errorResponses },
  }),
  patch: createRoute({
    method: 'patch',
    path: '/templates/{templateId}',
    tags,
    summary: 'Edit, rename, archive or restore a template',
    ...needs('templates.manage'),
    request: { params: byId, body: jsonBody(TemplatePatch) },
    responses: { 200: jsonContent(MessageTemplate), ...errorResponses },
  }),
  archive: createRoute({
    method: 'delete',
    path: '/templates/{templateId}',
    tags,
    summary: 'Archive a template',
    ...needs('templates.manage'),
    request: { params: byId },
    responses: { 200: jsonContent(MessageTemplate), ...errorResponses },
  }),
  preview: createRoute({
    method: 'post',
    path: '/templates/{templateId}/preview',
    tags,
    summary: 'Render a saved template for one customer, masked as the viewer sees customers',
    ...needs('templates.read'),
    request: { params: byId, body: jsonBody(TemplatePreviewRequest) },
    responses: { 200: jsonContent(TemplatePreview), ...errorResponses },
  }),
};

export function templateRoutes() {
  const app = newRouter();
  // Once per app (so once per process): the Liquid engines and their limits are reused.
  const renderer = createTemplateRenderer();
  const checkSyntax = createTemplateSyntaxChecker();
  const depsOf = (auth: AuthContext, repos = auth.repos): TemplateDeps => ({
    repos,
    actor: auth.actor,
    tenant: auth.tenant,
    renderer,
    checkSyntax,
  });

  // Registered before /templates/{templateId}: "preview" is not an id.
  app.openapi(routes.previewDraft, async (c) => {
    const auth = authorizeOrThrow(c, 'templates.read');
    return c.json(valueOrThrow(await previewTemplateDraft(depsOf(auth), c.req.valid('json'))), 200);
  });

  app.openapi(routes.list, async (c) => {
    const auth = authorizeOrThrow(c, 'templates.read');
    return c.json({ items: await listTemplates(depsOf(auth), c.req.valid('query')) }, 200);
  });

  app.openapi(routes.create, async (c) => {
    const auth = authorizeOrThrow(c, 'templates.manage');
    const input = c.req.valid('json');
    const template = await transactOrThrow(c, auth, (repos) => createTemplate(depsOf(auth, repos), input));
    return c.json(template, 201);
  });

  app.openapi(routes.get, async (c) => {
    const auth = authorizeOrThrow(c, 'templates.read');
    return c.json(valueOrThrow(await getTemplate(depsOf(auth), c.req.valid('param').templateId)), 200);
  });

  app.openapi(routes.patch, async (c) => {
    const auth = authorizeOrThrow(c, 'templates.manage');
    const { templateId } = c.req.valid('param');
    const patch = c.req.valid('json');
    const template = await transactOrThrow(c, auth, (repos) => updateTemplate(depsOf(auth, repos), templateId, patch));
    return c.json(template, 200);
  });

  app.openapi(routes.archive, async (c) => {
    const auth = authorizeOrThrow(c, 'templates.manage');
    const { templateId } = c.req.valid('param');
    const template = await transactOrThrow(c, auth, (repos) => archiveTemplate(depsOf(auth, repos), templateId));
    return c.json(template, 200);
  });

  app.openapi(routes.preview, async (c) => {
    const auth = authorizeOrThrow(c, 'templates.read');
    const { templateId } = c.req.valid('param');
    return c.json(valueOrThrow(await previewTemplate(depsOf(auth), templateId, c.req.valid('json'))), 200);
  });

  return app;
}
