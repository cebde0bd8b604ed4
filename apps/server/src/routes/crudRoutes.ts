import type { ErrorCode } from '@kayoi/contracts';
import { AppFailure, type Permission, type TenantRepos } from '@kayoi/core';
import { createRoute, z } from '@hono/zod-openapi';
import { authorizeOrThrow } from '../http/context.js';
import { errorResponses, newRouter, idParams, jsonBody, jsonContent, needs } from '../http/openapi.js';

export interface CrudRepository<E, C, P> {
  list(): Promise<E[]>;
  findById(id: string): Promise<E | null>;
  insert(input: C): Promise<E>;
  update(id: string, patch: P): Promise<E | null>;
}

export interface CrudSpec<E, C, P> {
  tag: string;
  /** Collection path under /api/v1, e.g. "/stores". */
  path: string;
  idName: string;
  noun: string;
  entity: z.ZodType<E>;
  create: z.ZodType<C>;
  patch: z.ZodType<P>;
  read: Permission;
  write: Permission;
  notFound: ErrorCode;
  repository: (repos: TenantRepos) => CrudRepository<E, C, P>;
  /** DELETE archives: history (visits, customers) keeps pointing at the row. */
  archive: P;
}

/**
 * List, create, get, patch and archive for a tenant's reference data (stores, catalog,
 * channels, attribute definitions). Each writes in its tenant only; ids of another
 * tenant are simply not found.
 */
export function crudRoutes<E, C, P>(spec: CrudSpec<E, C, P>) {
  // Hono cannot infer JSON response types through the generic E; the schema in the route
  // documents the shape and the repositories return exactly that contract type.
  const json = (value: unknown) => value as never;
  const app = newRouter();
  const tags = [spec.tag];
  const params = idParams(spec.idName);
  const item = `${spec.path}/{${spec.idName}}`;
  const idOf = (p: Record<string, string>) => p[spec.idName] ?? '';
  const orNotFound = (entity: E | null, id: string): E => {
    if (entity === null) throw new AppFailure({ code: spec.notFound, details: { id } });
    return entity;
  };

  app.openapi(
    createRoute({
      method: 'get',
      path: spec.path,
      tags,
      summary: `List ${spec.noun}s`,
      ...needs(spec.read),
      responses: { 200: jsonContent(z.object({ items: z.array(spec.entity) })), ...errorResponses },
    }),
    async (c) => {
      const auth = authorizeOrThrow(c, spec.read);
      return c.json(json({ items: await spec.repository(auth.repos).list() }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: spec.path,
      tags,
      summary: `Create a ${spec.noun}`,
      ...needs(spec.write),
      request: { body: jsonBody(spec.create) },
      responses: { 201: jsonContent(spec.entity, 'Created'), ...errorResponses },
    }),
    async (c) => {
      const auth = authorizeOrThrow(c, spec.write);
      const input = c.req.valid('json') as C;
      return c.json(json(await spec.repository(auth.repos).insert(input)), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: item,
      tags,
      summary: `Get a ${spec.noun}`,
      ...needs(spec.read),
      request: { params },
      responses: { 200: jsonContent(spec.entity), ...errorResponses },
    }),
    async (c) => {
      const auth = authorizeOrThrow(c, spec.read);
      const id = idOf(c.req.valid('param'));
      return c.json(json(orNotFound(await spec.repository(auth.repos).findById(id), id)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: item,
      tags,
      summary: `Change a ${spec.noun}`,
      ...needs(spec.write),
      request: { params, body: jsonBody(spec.patch) },
      responses: { 200: jsonContent(spec.entity), ...errorResponses },
    }),
    async (c) => {
      const auth = authorizeOrThrow(c, spec.write);
      const id = idOf(c.req.valid('param'));
      const patch = c.req.valid('json') as P;
      return c.json(json(orNotFound(await spec.repository(auth.repos).update(id, patch), id)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: item,
      tags,
      summary: `Archive a ${spec.noun} (kept for history, hidden from pickers)`,
      ...needs(spec.write),
      request: { params },
      responses: { 200: jsonContent(spec.entity), ...errorResponses },
    }),
    async (c) => {
      const auth = authorizeOrThrow(c, spec.write);
      const id = idOf(c.req.valid('param'));
      return c.json(json(orNotFound(await spec.repository(auth.repos).update(id, spec.archive), id)), 200);
    },
  );

  return app;
}
