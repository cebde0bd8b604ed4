import { createRoute, z } from '@hono/zod-openapi';
import { newRouter } from '../http/openapi.js';

const params = z.object({
  tenantId: z.string().openapi({ param: { name: 'tenantId', in: 'path' } }),
  token: z.string().openapi({ param: { name: 'token', in: 'path' }, description: 'The token a sent message carries' }),
});

const follow = createRoute({
  method: 'get',
  path: '/r/{tenantId}/{token}',
  tags: ['Broadcasts'],
  summary: 'A tracked link from a sent message: counts the click, then redirects to the link as written (public)',
  request: { params },
  responses: {
    302: { description: 'To the original link' },
    404: { description: 'Not a link Kayoi sent', content: { 'text/plain': { schema: z.string() } } },
  },
});

const Uuid = z.uuid();
const Token = z.string().regex(/^[A-Za-z0-9_-]{10,64}$/);

/**
 * Links in messages point here so a click can be counted before the redirect. Only links
 * Kayoi stored when it sent the message redirect (never a URL from the request): no open redirect.
 */
export function trackedLinkRoutes() {
  const app = newRouter();
  app.openAPIRegistry.registerPath(follow);
  app.get(follow.getRoutingPath(), async (c) => {
    const deps = c.get('deps');
    const tenantId = Uuid.safeParse(c.req.param('tenantId'));
    const token = Token.safeParse(c.req.param('token'));
    const notFound = () => c.text('This link is not valid. / このリンクは無効です。', 404);
    if (!tenantId.success || !token.success) return notFound();
    const url = await deps.store.forTenant(tenantId.data).campaigns.followLink(token.data, deps.clock());
    if (!url) return notFound();
    c.header('cache-control', 'no-store');
    c.header('referrer-policy', 'no-referrer');
    return c.redirect(url, 302);
  });
  return app;
}
