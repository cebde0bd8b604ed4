import { LineLinkCode, LineSettings, LineSettingsUpdate } from '@kayoi/contracts';
import { getLineSettings, issueLineLinkCode, updateLineSettings } from '@kayoi/core';
import { createRoute } from '@hono/zod-openapi';
import { authorizeOrThrow, transactOrThrow, useCaseDeps } from '../http/context.js';
import { errorResponses, idParams, jsonBody, jsonContent, needs, newRouter } from '../http/openapi.js';
import { lineLinkCodeSecrets } from '../security/lineLinkCodes.js';

const tags = ['LINE'];

const getSettings = createRoute({
  method: 'get',
  path: '/channels/line',
  tags,
  summary: 'The connected LINE Official Account (secret and token shown only as their last 4 characters)',
  ...needs('tenant.manage'),
  responses: { 200: jsonContent(LineSettings), 401: errorResponses[401], 403: errorResponses[403] },
});

const putSettings = createRoute({
  method: 'put',
  path: '/channels/line',
  tags,
  summary: 'Connect or replace the LINE Official Account (channel id, secret, access token); audited',
  ...needs('tenant.manage'),
  request: { body: jsonBody(LineSettingsUpdate) },
  responses: {
    200: jsonContent(LineSettings),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
  },
});

const linkCode = createRoute({
  method: 'post',
  path: '/customers/{customerId}/line-link-code',
  tags,
  summary: 'A one-time 6-digit code (10 minutes) the customer sends to the LINE account to link it',
  ...needs('customers.write'),
  request: { params: idParams('customerId') },
  responses: {
    201: jsonContent(LineLinkCode, 'Created'),
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
    409: errorResponses[409],
  },
});

/** LINE settings (owner only) and link codes (counter staff). The webhook is in lineWebhookRoutes. */
export function lineRoutes() {
  const app = newRouter();

  app.openapi(getSettings, async (c) => {
    const auth = authorizeOrThrow(c, 'tenant.manage');
    return c.json(await getLineSettings({ repos: auth.repos }), 200);
  });

  app.openapi(putSettings, async (c) => {
    const auth = authorizeOrThrow(c, 'tenant.manage');
    const input = c.req.valid('json');
    const settings = await transactOrThrow(c, auth, (repos) =>
      updateLineSettings({ ...useCaseDeps(c, auth), repos }, input),
    );
    return c.json(settings, 200);
  });

  app.openapi(linkCode, async (c) => {
    const auth = authorizeOrThrow(c, 'customers.write');
    const { customerId } = c.req.valid('param');
    const code = await transactOrThrow(c, auth, (repos) =>
      issueLineLinkCode({ ...useCaseDeps(c, auth), repos, codes: lineLinkCodeSecrets(auth.tenant.id) }, customerId),
    );
    return c.json(code, 201);
  });

  return app;
}
