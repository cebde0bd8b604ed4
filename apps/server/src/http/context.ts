import {
  errorMessage,
  localeFromAcceptLanguage,
  type ErrorBody,
  type Locale,
  type Tenant,
  type User,
} from '@kayoi/contracts';
import {
  AppFailure,
  checkPermission,
  type Actor,
  type AppError,
  type Permission,
  type Result,
  type SessionRecord,
  type TenantRepos,
} from '@kayoi/core';
import type { Context } from 'hono';
import type { AppDeps } from '../app/deps.js';

export interface AuthContext {
  user: User;
  tenant: Tenant;
  session: SessionRecord;
  actor: Actor;
  repos: TenantRepos;
}

export interface AppEnv {
  Variables: { auth?: AuthContext; deps: AppDeps };
}

export type AppContext = Context<AppEnv>;

export function localeOf(c: Context): Locale {
  return localeFromAcceptLanguage(c.req.header('accept-language'));
}

export function errorBody(error: AppError, locale: Locale): ErrorBody {
  return {
    error: {
      code: error.code,
      message: errorMessage(error.code, locale),
      ...(error.details === undefined ? {} : { details: error.details }),
    },
  };
}

/** The signed-in user, if their role has the permission; otherwise an AppFailure for the edge. */
export function authorizeOrThrow(c: AppContext, permission: Permission): AuthContext {
  const auth = c.get('auth');
  if (!auth) throw new AppFailure({ code: 'UNAUTHENTICATED' });
  if (!checkPermission(auth.user.role, permission)) {
    throw new AppFailure({ code: 'FORBIDDEN', details: { permission } });
  }
  return auth;
}

export function valueOrThrow<T>(result: Result<T>): T {
  if (!result.ok) throw new AppFailure(result.error);
  return result.value;
}

/**
 * Runs a use case in one transaction of the caller's tenant. A failed Result rolls the
 * transaction back (nothing half-written), and the failure is thrown on to the edge.
 */
export async function transactOrThrow<T>(
  c: AppContext,
  auth: AuthContext,
  work: (repos: TenantRepos) => Promise<Result<T>>,
): Promise<T> {
  const result = await c.get('deps').store.transaction(auth.tenant.id, async (repos) => {
    const outcome = await work(repos);
    if (!outcome.ok) throw new AppFailure(outcome.error);
    return outcome;
  });
  return result.value;
}

/** What most use cases take: the caller's tenant repositories, who they are, and now. */
export function useCaseDeps(c: AppContext, auth: AuthContext) {
  return { repos: auth.repos, actor: auth.actor, now: c.get('deps').clock() };
}
