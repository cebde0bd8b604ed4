import { unsubscribeEmail } from '@kayoi/core';
import { createRoute, z } from '@hono/zod-openapi';
import { localeOf, type AppContext } from '../http/context.js';
import { newRouter } from '../http/openapi.js';
import { UNSUBSCRIBE_PAGE_CSP, unsubscribePage, type UnsubscribePageKind } from '../http/unsubscribePage.js';

const tags = ['Email'];
const params = z.object({
  token: z.string().openapi({ param: { name: 'token', in: 'path' }, description: 'The signed token from the email' }),
});
const html = (description: string) => ({ description, content: { 'text/html': { schema: z.string() } } });

const showPage = createRoute({
  method: 'get',
  path: '/u/{token}',
  tags,
  summary: 'Unsubscribe page linked from every email (public; changes nothing until confirmed)',
  request: { params },
  responses: { 200: html('The confirmation page'), 404: html('Not a valid link') },
});

const oneClick = createRoute({
  method: 'post',
  path: '/u/{token}',
  tags,
  summary: 'Withdraw email consent: RFC 8058 one-click POST or the page’s button (public, idempotent)',
  description:
    'The target of List-Unsubscribe / List-Unsubscribe-Post. The token is HMAC-signed and names ' +
    'the business and the customer; anything else answers 404 and changes nothing.',
  request: { params },
  responses: { 200: html('Unsubscribed (also when already unsubscribed)'), 404: html('Not a valid link') },
});

function page(c: AppContext, kind: UnsubscribePageKind) {
  c.header('content-security-policy', UNSUBSCRIBE_PAGE_CSP);
  c.header('cache-control', 'no-store');
  c.header('referrer-policy', 'no-referrer');
  return c.html(unsubscribePage(kind, localeOf(c)), kind === 'invalid' ? 404 : 200);
}

/**
 * Public unsubscribe links, outside /api/v1 so they stay short in a mail. Documented with
 * `registerPath` and answered as HTML, not JSON. GET only shows a page: mail scanners and link
 * previews fetch links, and must not unsubscribe anyone; only a POST withdraws consent.
 */
export function unsubscribeRoutes() {
  const app = newRouter();
  app.openAPIRegistry.registerPath(showPage);
  app.openAPIRegistry.registerPath(oneClick);

  app.get(showPage.getRoutingPath(), (c) => {
    const claim = c.get('deps').unsubscribeTokens.verify(c.req.param('token') ?? '');
    return page(c, claim ? 'confirm' : 'invalid');
  });

  app.post(oneClick.getRoutingPath(), async (c) => {
    const deps = c.get('deps');
    const claim = deps.unsubscribeTokens.verify(c.req.param('token') ?? '');
    if (!claim) return page(c, 'invalid');
    // The repositories are bound to the tenant the signature vouches for, never another.
    await deps.store.transaction(claim.tenantId, (repos) => unsubscribeEmail({ repos, now: deps.clock() }, claim));
    return page(c, 'done');
  });
  return app;
}
