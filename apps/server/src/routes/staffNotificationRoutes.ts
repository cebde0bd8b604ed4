import { StaffNotification, StaffNotificationListQuery, StaffNotificationPage } from '@kayoi/contracts';
import { listStaffNotifications, markStaffNotificationRead } from '@kayoi/core';
import { createRoute } from '@hono/zod-openapi';
import { authorizeOrThrow, transactOrThrow, useCaseDeps } from '../http/context.js';
import { errorResponses, idParams, jsonContent, needs, newRouter } from '../http/openapi.js';

const tags = ['Staff notifications'];
const byId = idParams('notificationId');

const routes = {
  list: createRoute({
    method: 'get',
    path: '/staff-notifications',
    tags,
    summary: 'What journeys asked the staff to do (a call after a win-back, say), newest first',
    ...needs('customers.read'),
    request: { query: StaffNotificationListQuery },
    responses: { 200: jsonContent(StaffNotificationPage), ...errorResponses },
  }),
  read: createRoute({
    method: 'post',
    path: '/staff-notifications/{notificationId}/read',
    tags,
    summary: 'Mark a notification read for the whole shop',
    ...needs('customers.read'),
    request: { params: byId },
    responses: { 200: jsonContent(StaffNotification), ...errorResponses },
  }),
};

/** Staff see these at the counter, so reading and marking them needs only customers.read. */
export function staffNotificationRoutes() {
  const app = newRouter();

  app.openapi(routes.list, async (c) => {
    const auth = authorizeOrThrow(c, 'customers.read');
    return c.json(await listStaffNotifications(useCaseDeps(c, auth), c.req.valid('query')), 200);
  });

  app.openapi(routes.read, async (c) => {
    const auth = authorizeOrThrow(c, 'customers.read');
    const { notificationId } = c.req.valid('param');
    return c.json(
      await transactOrThrow(c, auth, (repos) =>
        markStaffNotificationRead({ ...useCaseDeps(c, auth), repos }, notificationId),
      ),
      200,
    );
  });

  return app;
}
