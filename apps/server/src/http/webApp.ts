import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';

/** Only our own scripts; Mantine sets inline styles, so styles allow them. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

export function hasWebApp(webRoot: string | undefined): webRoot is string {
  return webRoot !== undefined && existsSync(path.join(webRoot, 'index.html'));
}

/**
 * Serves the built dashboard: hashed assets cached for a year, every other non-API path
 * answered with index.html so the browser's router can take it (deep links, reloads).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any Hono env can host the web app
export function mountWebApp(app: Hono<any>, webRoot: string): void {
  app.use('/assets/*', async (c, next) => {
    await next();
    if (c.res.status === 200) c.header('cache-control', 'public, max-age=31536000, immutable');
  });
  app.use('*', async (c, next) => {
    if (c.req.path.startsWith('/api')) return next();
    return serveStatic({ root: webRoot })(c, next);
  });
  app.get('*', (c, next) => {
    if (c.req.path.startsWith('/api')) return next();
    // Read per request: a rebuild while the server runs is picked up (it is small).
    const html = readFileSync(path.join(webRoot, 'index.html'), 'utf8');
    c.header('cache-control', 'no-cache');
    c.header('content-security-policy', CONTENT_SECURITY_POLICY);
    return c.html(html);
  });
}
