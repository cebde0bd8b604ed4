import { LineWebhookBody, Ok } from '@kayoi/contracts';
import { checkLineSignature } from '@kayoi/channels';
import { AppFailure, handleLineWebhook } from '@kayoi/core';
import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses, jsonContent, newRouter, validationIssues } from '../http/openapi.js';
import type { AppContext } from '../http/context.js';
import { lineLinkCodeSecrets } from '../security/lineLinkCodes.js';

const NO_SECRET = '00000000000000000000000000000000';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const webhook = createRoute({
  method: 'post',
  path: '/line/webhook/{tenantId}',
  tags: ['LINE'],
  summary: 'Webhook for the LINE platform (public; authenticated by x-line-signature, not a session)',
  description:
    'Set this URL as the webhook URL of the business’s LINE channel. The body is verified with ' +
    'HMAC-SHA256 over its raw bytes keyed by the channel secret before it is read; a missing or ' +
    'wrong signature, an unknown business or one without LINE settings all answer the same 401.',
  request: {
    params: z.object({ tenantId: z.string().openapi({ param: { name: 'tenantId', in: 'path' } }) }),
    headers: z.object({
      'x-line-signature': z.string().openapi({ param: { name: 'x-line-signature', in: 'header' } }),
    }),
    body: { required: true, content: { 'application/json': { schema: LineWebhookBody } } },
  },
  responses: { 200: jsonContent(Ok), 400: errorResponses[400], 401: errorResponses[401] },
});

/** One answer for every reason, so the endpoint does not tell which businesses exist or use LINE. */
const unauthorized = () => new AppFailure({ code: 'LINE_WEBHOOK_UNAUTHORIZED' });

async function verifiedBodyOrThrow(c: AppContext, tenantId: string): Promise<unknown> {
  // The raw bytes, before anything parses them: the signature is over exactly these.
  const raw = new Uint8Array(await c.req.arrayBuffer());
  const credentials = UUID.test(tenantId)
    ? await c.get('deps').store.forTenant(tenantId.toLowerCase()).line.credentials()
    : null;
  // The HMAC is computed even without a secret, so the time taken does not tell either.
  const verified = checkLineSignature(credentials?.channelSecret ?? NO_SECRET, raw, c.req.header('x-line-signature'));
  if (!credentials || !verified) throw unauthorized();
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw)) as unknown;
  } catch {
    throw new AppFailure({ code: 'VALIDATION_FAILED', details: { reason: 'body is not JSON' } });
  }
}

/**
 * The LINE webhook. It is documented with the others but handled without the OpenAPI
 * validator, which would parse the JSON (and answer 400) before the signature is checked.
 * The tenant comes from the path here — the one route that does so — and is trusted only
 * once the body proves it was signed with that tenant's channel secret.
 */
export function lineWebhookRoutes() {
  const app = newRouter();
  app.openAPIRegistry.registerPath(webhook);
  app.post(webhook.getRoutingPath(), async (c) => {
    const tenantId = c.req.param('tenantId') ?? '';
    const json = await verifiedBodyOrThrow(c, tenantId);
    const body = LineWebhookBody.safeParse(json);
    if (!body.success) {
      throw new AppFailure({
        code: 'VALIDATION_FAILED',
        details: { issues: validationIssues('json', body.error.issues) },
      });
    }
    const deps = c.get('deps');
    const id = tenantId.toLowerCase();
    await deps.store.transaction(id, (repos) =>
      handleLineWebhook({ repos, now: deps.clock(), codes: lineLinkCodeSecrets(id) }, body.data),
    );
    return c.json({ ok: true as const }, 200);
  });
  return app;
}
