import {
  AdSpend,
  AdSpendPut,
  AdSpendQuery,
  AuditEvent,
  AuditListQuery,
  Month,
  Ok,
  Tenant,
  TenantPatch,
  User,
  UserCreate,
  UserPatch,
  page,
} from '@kayoi/contracts';
import { AppFailure, createUser, updateTenant, updateUser } from '@kayoi/core';
import { createRoute, z } from '@hono/zod-openapi';
import { authorizeOrThrow, transactOrThrow, useCaseDeps, type AppContext } from '../http/context.js';
import { errorResponses, newRouter, idParams, jsonBody, jsonContent, needs } from '../http/openapi.js';

const userById = idParams('userId');
// `.meta`, not `.openapi`: contract schemas may be built before @hono/zod-openapi extends zod.
const adSpendKey = idParams('channelId').extend({ month: Month.meta({ param: { name: 'month', in: 'path' } }) });

const routes = {
  getTenant: createRoute({
    method: 'get',
    path: '/tenant',
    tags: ['Business'],
    summary: 'The business: name, time zone, settings',
    ...needs('tenant.read'),
    responses: { 200: jsonContent(Tenant), ...errorResponses },
  }),
  patchTenant: createRoute({
    method: 'patch',
    path: '/tenant',
    tags: ['Business'],
    summary: 'Change the business settings (owner)',
    ...needs('tenant.manage'),
    request: { body: jsonBody(TenantPatch) },
    responses: { 200: jsonContent(Tenant), ...errorResponses },
  }),
  listUsers: createRoute({
    method: 'get',
    path: '/users',
    tags: ['Staff'],
    summary: 'Staff accounts',
    ...needs('users.read'),
    responses: { 200: jsonContent(z.object({ items: z.array(User) })), ...errorResponses },
  }),
  createUser: createRoute({
    method: 'post',
    path: '/users',
    tags: ['Staff'],
    summary: 'Add a staff member (owner)',
    ...needs('users.manage'),
    request: { body: jsonBody(UserCreate) },
    responses: { 201: jsonContent(User, 'Created'), ...errorResponses },
  }),
  getUser: createRoute({
    method: 'get',
    path: '/users/{userId}',
    tags: ['Staff'],
    summary: 'A staff member',
    ...needs('users.read'),
    request: { params: userById },
    responses: { 200: jsonContent(User), ...errorResponses },
  }),
  patchUser: createRoute({
    method: 'patch',
    path: '/users/{userId}',
    tags: ['Staff'],
    summary: 'Change a staff member: role, stores, password, active (owner)',
    ...needs('users.manage'),
    request: { params: userById, body: jsonBody(UserPatch) },
    responses: { 200: jsonContent(User), ...errorResponses },
  }),
  deleteUser: createRoute({
    method: 'delete',
    path: '/users/{userId}',
    tags: ['Staff'],
    summary: 'Deactivate a staff member and end their sessions (their history stays)',
    ...needs('users.manage'),
    request: { params: userById },
    responses: { 200: jsonContent(User), ...errorResponses },
  }),
  listAdSpend: createRoute({
    method: 'get',
    path: '/ad-spend',
    tags: ['Acquisition channels'],
    summary: 'Monthly advertising spend per channel',
    ...needs('settings.read'),
    request: { query: AdSpendQuery },
    responses: { 200: jsonContent(z.object({ items: z.array(AdSpend) })), ...errorResponses },
  }),
  putAdSpend: createRoute({
    method: 'put',
    path: '/ad-spend/{channelId}/{month}',
    tags: ['Acquisition channels'],
    summary: 'Set the spend of one channel in one month',
    ...needs('settings.manage'),
    request: { params: adSpendKey, body: jsonBody(AdSpendPut) },
    responses: { 200: jsonContent(AdSpend), ...errorResponses },
  }),
  deleteAdSpend: createRoute({
    method: 'delete',
    path: '/ad-spend/{channelId}/{month}',
    tags: ['Acquisition channels'],
    summary: 'Remove the spend of one channel in one month',
    ...needs('settings.manage'),
    request: { params: adSpendKey },
    responses: { 200: jsonContent(Ok), ...errorResponses },
  }),
  audit: createRoute({
    method: 'get',
    path: '/audit-events',
    tags: ['Audit'],
    summary: 'Audit log: exports, erasures, bulk reads of personal data, role changes',
    ...needs('audit.read'),
    request: { query: AuditListQuery },
    responses: { 200: jsonContent(page(AuditEvent, 'AuditEventPage')), ...errorResponses },
  }),
};

export function accountRoutes() {
  const app = newRouter();

  app.openapi(routes.getTenant, (c) => c.json(authorizeOrThrow(c, 'tenant.read').tenant, 200));

  app.openapi(routes.patchTenant, async (c) => {
    const auth = authorizeOrThrow(c, 'tenant.manage');
    const patch = c.req.valid('json');
    return c.json(await transactOrThrow(c, auth, (repos) => updateTenant(repos, auth.actor, patch)), 200);
  });

  app.openapi(routes.listUsers, async (c) => {
    const auth = authorizeOrThrow(c, 'users.read');
    return c.json({ items: await auth.repos.users.list() }, 200);
  });

  app.openapi(routes.createUser, async (c) => {
    const auth = authorizeOrThrow(c, 'users.manage');
    const input = c.req.valid('json');
    const hasher = c.get('deps').hasher;
    const user = await transactOrThrow(c, auth, (repos) =>
      createUser({ ...useCaseDeps(c, auth), repos, hasher }, input),
    );
    return c.json(user, 201);
  });

  app.openapi(routes.getUser, async (c) => {
    const auth = authorizeOrThrow(c, 'users.read');
    const { userId } = c.req.valid('param');
    const user = await auth.repos.users.findById(userId);
    if (!user) throw new AppFailure({ code: 'USER_NOT_FOUND', details: { id: userId } });
    return c.json(user, 200);
  });

  const changeUser = (c: AppContext, userId: string, patch: UserPatch) => {
    const auth = authorizeOrThrow(c, 'users.manage');
    const hasher = c.get('deps').hasher;
    return transactOrThrow(c, auth, (repos) => updateUser({ ...useCaseDeps(c, auth), repos, hasher }, userId, patch));
  };
  app.openapi(routes.patchUser, async (c) =>
    c.json(await changeUser(c, c.req.valid('param').userId, c.req.valid('json')), 200),
  );
  app.openapi(routes.deleteUser, async (c) =>
    c.json(await changeUser(c, c.req.valid('param').userId, { active: false }), 200),
  );

  app.openapi(routes.listAdSpend, async (c) => {
    const auth = authorizeOrThrow(c, 'settings.read');
    return c.json({ items: await auth.repos.adSpend.list(c.req.valid('query')) }, 200);
  });

  app.openapi(routes.putAdSpend, async (c) => {
    const auth = authorizeOrThrow(c, 'settings.manage');
    const { channelId, month } = c.req.valid('param');
    return c.json(await auth.repos.adSpend.put(channelId, month, c.req.valid('json')), 200);
  });

  app.openapi(routes.deleteAdSpend, async (c) => {
    const auth = authorizeOrThrow(c, 'settings.manage');
    const { channelId, month } = c.req.valid('param');
    const channel = await auth.repos.channels.findById(channelId);
    if (!channel) throw new AppFailure({ code: 'CHANNEL_NOT_FOUND', details: { id: channelId } });
    await auth.repos.adSpend.remove(channelId, month);
    return c.json({ ok: true as const }, 200);
  });

  app.openapi(routes.audit, async (c) => {
    const auth = authorizeOrThrow(c, 'audit.read');
    return c.json(await auth.repos.audit.list(c.req.valid('query')), 200);
  });

  return app;
}
