import { ErrorBody } from '@kayoi/contracts';
import type { Permission } from '@kayoi/core';
import { AppFailure } from '@kayoi/core';
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { authorizeOrThrow, type AppEnv } from './context.js';

export const jsonContent = <T extends z.ZodType>(schema: T, description = 'OK') => ({
  description,
  content: { 'application/json': { schema } },
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

const errorContent = (description: string) => ({
  description,
  content: { 'application/json': { schema: ErrorBody } },
});

/** Errors every authenticated route can answer; the body is always the Error schema. */
export const errorResponses = {
  400: errorContent('Invalid request'),
  401: errorContent('Not logged in'),
  403: errorContent('Role not allowed'),
  404: errorContent('Not found (also for other businesses’ ids)'),
  409: errorContent('Conflict with current state'),
  422: errorContent('Rejected content'),
  429: errorContent('Too many attempts'),
} as const;

/** A UUID path parameter named as the route names it. */
export function idParams<K extends string>(...names: K[]) {
  return z.object(
    Object.fromEntries(names.map((n) => [n, z.uuid().openapi({ param: { name: n, in: 'path' } })])) as Record<
      K,
      z.ZodUUID
    >,
  );
}

/** Refuses a caller without the permission before the request is validated. */
function permissionGate(permission: Permission): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    authorizeOrThrow(c, permission);
    await next();
  };
}

/**
 * Recorded in the OpenAPI document so tests (and readers) see what each route needs, and
 * checked first: who may call comes before what they sent, so a caller without the right
 * gets 401/403, never a validation error that describes the schema.
 */
export const needs = (permission: Permission) => ({
  'x-permission': permission,
  security: [{ bearer: [] }, { session: [] }] as Record<string, string[]>[],
  middleware: [permissionGate(permission)],
});

/** A failed validation's issues as the API reports them: where, which field, what is wrong. */
export function validationIssues(target: string, issues: readonly z.core.$ZodIssue[]) {
  return issues.map((i) => ({ in: target, path: i.path.map(String).join('.'), message: i.message }));
}

/** Request validation failures become VALIDATION_FAILED with every issue and its path. */
export function newRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const issues = validationIssues(result.target, result.error.issues);
        throw new AppFailure({ code: 'VALIDATION_FAILED', details: { issues } });
      }
    },
  });
}
