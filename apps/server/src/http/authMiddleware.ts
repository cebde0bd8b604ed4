import { actorFor, authenticate } from '@kayoi/core';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from './context.js';

export const SESSION_COOKIE = 'kayoi_session';

export function tokenFrom(authorization: string | undefined, cookie: string | undefined): string | null {
  if (authorization?.startsWith('Bearer ')) return authorization.slice(7).trim();
  return cookie ?? null;
}

/**
 * Finds who is calling (Bearer token for scripts, session cookie for the browser) and
 * binds the repositories to their tenant. No route ever picks a tenant from the request.
 */
export function authentication(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = tokenFrom(c.req.header('authorization'), getCookie(c, SESSION_COOKIE));
    if (token) {
      const deps = c.get('deps');
      const result = await authenticate(
        { store: deps.store, hasher: deps.hasher, secrets: deps.secrets, now: deps.clock() },
        token,
      );
      if (result.ok) {
        const { user, tenant, session } = result.value;
        c.set('auth', {
          user,
          tenant,
          session,
          actor: actorFor(user, tenant.settings),
          repos: deps.store.forTenant(tenant.id),
        });
      }
    }
    await next();
  };
}
