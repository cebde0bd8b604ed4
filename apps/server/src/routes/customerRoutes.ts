import {
  ConsentChange,
  ConsentChannel,
  Customer,
  CustomerCreate,
  CustomerListQuery,
  CustomerPatch,
  TimelineEntry,
  TagCount,
  TimelineQuery,
  page,
} from '@kayoi/contracts';
import {
  createCustomer,
  customerTimeline,
  eraseCustomer,
  getCustomer,
  listCustomers,
  recordConsent,
  updateCustomer,
} from '@kayoi/core';
import { createRoute, z } from '@hono/zod-openapi';
import { authorizeOrThrow, transactOrThrow, valueOrThrow, useCaseDeps } from '../http/context.js';
import { errorResponses, newRouter, idParams, jsonBody, jsonContent, needs } from '../http/openapi.js';

const tags = ['Customers'];
const byId = idParams('customerId');
const CustomerPage = page(Customer, 'CustomerPage');

const routes = {
  tags: createRoute({
    method: 'get',
    path: '/customers/tags',
    tags,
    summary: 'Tags in use, most used first',
    ...needs('customers.read'),
    responses: { 200: jsonContent(z.object({ items: z.array(TagCount) })), ...errorResponses },
  }),
  list: createRoute({
    method: 'get',
    path: '/customers',
    tags,
    summary: 'Search and filter customers (cursor paging)',
    ...needs('customers.read'),
    request: { query: CustomerListQuery },
    responses: { 200: jsonContent(CustomerPage), ...errorResponses },
  }),
  create: createRoute({
    method: 'post',
    path: '/customers',
    tags,
    summary: 'Register a customer',
    ...needs('customers.write'),
    request: { body: jsonBody(CustomerCreate) },
    responses: { 201: jsonContent(Customer, 'Created'), ...errorResponses },
  }),
  get: createRoute({
    method: 'get',
    path: '/customers/{customerId}',
    tags,
    summary: 'A customer record (karte)',
    ...needs('customers.read'),
    request: { params: byId },
    responses: { 200: jsonContent(Customer), ...errorResponses },
  }),
  patch: createRoute({
    method: 'patch',
    path: '/customers/{customerId}',
    tags,
    summary: 'Change a customer',
    ...needs('customers.write'),
    request: { params: byId, body: jsonBody(CustomerPatch) },
    responses: { 200: jsonContent(Customer), ...errorResponses },
  }),
  erase: createRoute({
    method: 'delete',
    path: '/customers/{customerId}',
    tags,
    summary: 'Erase a customer for a privacy request: personal data removed, anonymised history kept',
    ...needs('customers.erase'),
    request: { params: byId },
    responses: { 200: jsonContent(Customer), ...errorResponses },
  }),
  timeline: createRoute({
    method: 'get',
    path: '/customers/{customerId}/timeline',
    tags,
    summary: 'Visits (with items and payments), consent changes and milestones, newest first',
    ...needs('customers.read'),
    request: { params: byId, query: TimelineQuery },
    responses: { 200: jsonContent(page(TimelineEntry, 'TimelinePage')), ...errorResponses },
  }),
  consent: createRoute({
    method: 'put',
    path: '/customers/{customerId}/consents/{channel}',
    tags,
    summary: 'Record consent given or withdrawn on one channel, with how it happened',
    ...needs('customers.write'),
    request: {
      params: byId.extend({
        channel: ConsentChannel.meta({ id: 'ConsentChannel', param: { name: 'channel', in: 'path' } }),
      }),
      body: jsonBody(ConsentChange),
    },
    responses: { 200: jsonContent(Customer), ...errorResponses },
  }),
};

export function customerRoutes() {
  const app = newRouter();

  // Registered before /customers/{customerId}, which would otherwise take "tags" for an id.
  app.openapi(routes.tags, async (c) => {
    const auth = authorizeOrThrow(c, 'customers.read');
    return c.json({ items: await auth.repos.customers.listTags(200) }, 200);
  });

  app.openapi(routes.list, async (c) => {
    const auth = authorizeOrThrow(c, 'customers.read');
    const result = await listCustomers(useCaseDeps(c, auth), c.req.valid('query'), auth.tenant.timeZone);
    return c.json(result, 200);
  });

  app.openapi(routes.create, async (c) => {
    const auth = authorizeOrThrow(c, 'customers.write');
    const input = c.req.valid('json');
    const customer = await transactOrThrow(c, auth, (repos) =>
      createCustomer({ ...useCaseDeps(c, auth), repos }, input),
    );
    return c.json(customer, 201);
  });

  app.openapi(routes.get, async (c) => {
    const auth = authorizeOrThrow(c, 'customers.read');
    return c.json(valueOrThrow(await getCustomer(useCaseDeps(c, auth), c.req.valid('param').customerId)), 200);
  });

  app.openapi(routes.patch, async (c) => {
    const auth = authorizeOrThrow(c, 'customers.write');
    const { customerId } = c.req.valid('param');
    const input = c.req.valid('json');
    const customer = await transactOrThrow(c, auth, (repos) =>
      updateCustomer({ ...useCaseDeps(c, auth), repos }, customerId, input),
    );
    return c.json(customer, 200);
  });

  app.openapi(routes.erase, async (c) => {
    const auth = authorizeOrThrow(c, 'customers.erase');
    const { customerId } = c.req.valid('param');
    const customer = await transactOrThrow(c, auth, (repos) =>
      eraseCustomer({ ...useCaseDeps(c, auth), repos }, customerId),
    );
    return c.json(customer, 200);
  });

  app.openapi(routes.timeline, async (c) => {
    const auth = authorizeOrThrow(c, 'customers.read');
    const { customerId } = c.req.valid('param');
    return c.json(valueOrThrow(await customerTimeline(useCaseDeps(c, auth), customerId, c.req.valid('query'))), 200);
  });

  app.openapi(routes.consent, async (c) => {
    const auth = authorizeOrThrow(c, 'customers.write');
    const { customerId, channel } = c.req.valid('param');
    const change = c.req.valid('json');
    const customer = await transactOrThrow(c, auth, (repos) =>
      recordConsent({ ...useCaseDeps(c, auth), repos }, customerId, channel, change),
    );
    return c.json(customer, 200);
  });

  return app;
}
