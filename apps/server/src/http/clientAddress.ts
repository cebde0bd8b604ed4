import { getConnInfo } from '@hono/node-server/conninfo';
import type { AppContext } from './context.js';

export function clientAddress(c: AppContext): string {
  if (c.get('deps').trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // app.request() in tests has no socket behind it.
    return 'local';
  }
}
