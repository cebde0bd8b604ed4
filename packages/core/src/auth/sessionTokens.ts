/**
 * A session token is `kys1.<tenantId>.<sessionId>.<secret>`. The tenant and session ids
 * let the server find the session by its tenant-led primary key (no cross-tenant token
 * index, so sessions shard with their tenant); only a hash of the secret is stored.
 */
export interface ParsedToken {
  tenantId: string;
  sessionId: string;
  secret: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SECRET = /^[A-Za-z0-9_-]{32,128}$/;

export function formatSessionToken(t: ParsedToken): string {
  return `kys1.${t.tenantId}.${t.sessionId}.${t.secret}`;
}

export function parseSessionToken(token: string): ParsedToken | null {
  const parts = token.split('.');
  if (parts.length !== 4 || parts[0] !== 'kys1') return null;
  const [, tenantId = '', sessionId = '', secret = ''] = parts;
  if (!UUID.test(tenantId) || !UUID.test(sessionId) || !SECRET.test(secret)) return null;
  return { tenantId, sessionId, secret };
}

export const SESSION_IDLE_MS = 14 * 24 * 3600_000;
export const SESSION_ABSOLUTE_MS = 90 * 24 * 3600_000;
/** Extending a session on every request would write on every read; once an hour is enough. */
export const SESSION_TOUCH_INTERVAL_MS = 3600_000;

export function sessionExpiry(createdAt: Date, now: Date): Date {
  return new Date(Math.min(now.getTime() + SESSION_IDLE_MS, createdAt.getTime() + SESSION_ABSOLUTE_MS));
}
