import { EmailSettings, EmailSettingsUpdate } from '@kayoi/contracts';
import { getEmailSettings, updateEmailSettings } from '@kayoi/core';
import { createRoute } from '@hono/zod-openapi';
import { authorizeOrThrow, transactOrThrow, useCaseDeps } from '../http/context.js';
import { errorResponses, jsonBody, jsonContent, needs, newRouter } from '../http/openapi.js';

const tags = ['Email'];

const getSettings = createRoute({
  method: 'get',
  path: '/channels/email',
  tags,
  summary: 'The sender and SMTP relay for email (the password is never returned, only whether it is set)',
  ...needs('tenant.manage'),
  responses: { 200: jsonContent(EmailSettings), 401: errorResponses[401], 403: errorResponses[403] },
});

const putSettings = createRoute({
  method: 'put',
  path: '/channels/email',
  tags,
  summary: 'Set the sender and SMTP relay; omit smtpPassword to keep the stored one; audited',
  ...needs('tenant.manage'),
  request: { body: jsonBody(EmailSettingsUpdate) },
  responses: {
    200: jsonContent(EmailSettings),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    422: errorResponses[422],
  },
});

/** Email settings, owner only (they hold a mail account's password). */
export function emailRoutes() {
  const app = newRouter();

  app.openapi(getSettings, async (c) => {
    const auth = authorizeOrThrow(c, 'tenant.manage');
    return c.json(await getEmailSettings({ repos: auth.repos }), 200);
  });

  app.openapi(putSettings, async (c) => {
    const auth = authorizeOrThrow(c, 'tenant.manage');
    const input = c.req.valid('json');
    const settings = await transactOrThrow(c, auth, (repos) =>
      updateEmailSettings({ ...useCaseDeps(c, auth), repos }, input),
    );
    return c.json(settings, 200);
  });

  return app;
}
