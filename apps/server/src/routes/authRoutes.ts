import { LoginRequest, LoginResponse, Me, Ok, Session, rolePermissions } from '@kayoi/contracts';
import { AppFailure, logIn, piiViewFor } from '@kayoi/core';
import { createRoute, z } from '@hono/zod-openapi';
import { deleteCookie, setCookie } from 'hono/cookie';
import { SESSION_COOKIE } from '../http/authMiddleware.js';
import { clientAddress } from '../http/clientAddress.js';
import { authorizeOrThrow, valueOrThrow, type AppContext } from '../http/context.js';
import { errorResponses, newRouter, idParams, jsonBody, jsonContent, needs } from '../http/openapi.js';

const tags = ['Auth'];

const login = createRoute({
  method: 'post',
  path: '/auth/login',
  tags,
  summary: 'Log in with email and password; sets the session cookie and returns a bearer token',
  request: { body: jsonBody(LoginRequest) },
  responses: {
    200: jsonContent(LoginResponse),
    400: errorResponses[400],
    401: errorResponses[401],
    409: errorResponses[409],
    429: errorResponses[429],
  },
});

const logout = createRoute({
  method: 'post',
  path: '/auth/logout',
  tags,
  summary: 'End the current session',
  ...needs('tenant.read'),
  responses: { 200: jsonContent(Ok), 401: errorResponses[401] },
});

const me = createRoute({
  method: 'get',
  path: '/auth/me',
  tags,
  summary: 'The signed-in user and their business',
  ...needs('tenant.read'),
  responses: { 200: jsonContent(Me), 401: errorResponses[401] },
});

const listSessions = createRoute({
  method: 'get',
  path: '/auth/sessions',
  tags,
  summary: 'My active sessions (devices)',
  ...needs('tenant.read'),
  responses: { 200: jsonContent(z.object({ items: z.array(Session) })), 401: errorResponses[401] },
});

const revokeSession = createRoute({
  method: 'delete',
  path: '/auth/sessions/{sessionId}',
  tags,
  summary: 'Revoke one of my sessions (log out a lost phone)',
  ...needs('tenant.read'),
  request: { params: idParams('sessionId') },
  responses: { 200: jsonContent(Ok), 401: errorResponses[401], 404: errorResponses[404] },
});

function secure(c: AppContext): boolean {
  const setting = c.get('deps').secureCookies;
  if (setting !== 'auto') return setting;
  const proto = c.get('deps').trustProxy ? c.req.header('x-forwarded-proto') : undefined;
  return (proto ?? new URL(c.req.url).protocol.replace(':', '')) === 'https';
}

export function authRoutes() {
  const app = newRouter();

  app.openapi(login, async (c) => {
    const deps = c.get('deps');
    const request = c.req.valid('json');
    const ip = clientAddress(c);
    const gate = await deps.loginLimiter.checkAttempt(ip, request.email);
    if (!gate.allowed) {
      c.header('retry-after', String(gate.retryAfterSeconds));
      throw new AppFailure({ code: 'TOO_MANY_ATTEMPTS', details: { retryAfterSeconds: gate.retryAfterSeconds } });
    }
    const now = deps.clock();
    const result = valueOrThrow(
      await logIn(
        { store: deps.store, hasher: deps.hasher, secrets: deps.secrets, now },
        request,
        c.req.header('user-agent') ?? null,
      ),
    );
    await deps.loginLimiter.recordSuccess(ip, request.email);
    setCookie(c, SESSION_COOKIE, result.token, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: secure(c),
      path: '/',
      expires: result.session.expiresAt,
    });
    return c.json(
      {
        token: result.token,
        expiresAt: result.session.expiresAt.toISOString(),
        user: result.user,
        tenant: result.tenant,
        permissions: [...rolePermissions[result.user.role]],
        piiView: piiViewFor(result.user.role, result.tenant.settings),
      },
      200,
    );
  });

  app.openapi(logout, async (c) => {
    const auth = authorizeOrThrow(c, 'tenant.read');
    await auth.repos.sessions.revoke(auth.session.id, c.get('deps').clock());
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ ok: true as const }, 200);
  });

  app.openapi(me, (c) => {
    const auth = authorizeOrThrow(c, 'tenant.read');
    return c.json(
      {
        user: auth.user,
        tenant: auth.tenant,
        sessionId: auth.session.id,
        permissions: [...rolePermissions[auth.user.role]],
        piiView: auth.actor.piiView,
      },
      200,
    );
  });

  app.openapi(listSessions, async (c) => {
    const auth = authorizeOrThrow(c, 'tenant.read');
    const sessions = await auth.repos.sessions.listActiveForUser(auth.user.id, c.get('deps').clock());
    return c.json(
      {
        items: sessions.map((s) => ({
          id: s.id,
          createdAt: s.createdAt.toISOString(),
          expiresAt: s.expiresAt.toISOString(),
          lastSeenAt: s.lastSeenAt.toISOString(),
          userAgent: s.userAgent,
          current: s.id === auth.session.id,
        })),
      },
      200,
    );
  });

  app.openapi(revokeSession, async (c) => {
    const auth = authorizeOrThrow(c, 'tenant.read');
    const { sessionId } = c.req.valid('param');
    const session = await auth.repos.sessions.findById(sessionId);
    // Someone else's session is as invisible as one that does not exist.
    if (!session || session.userId !== auth.user.id) throw new AppFailure({ code: 'SESSION_NOT_FOUND' });
    await auth.repos.sessions.revoke(sessionId, c.get('deps').clock());
    return c.json({ ok: true as const }, 200);
  });

  return app;
}
