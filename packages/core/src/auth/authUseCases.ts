import type { LoginRequest, Tenant, User } from '@kayoi/contracts';
import type { DataStore, SessionRecord } from '../ports.js';
import { fail, ok, type Result } from '../shared/result.js';
import type { PasswordHasher } from './passwords.js';
import { SESSION_TOUCH_INTERVAL_MS, formatSessionToken, parseSessionToken, sessionExpiry } from './sessionTokens.js';

export interface SessionSecrets {
  newId(): string;
  newSecret(): string;
  hashSecret(secret: string): string;
  /** Constant-time comparison of two secret hashes. */
  sameHash(a: string, b: string): boolean;
}

export interface AuthDeps {
  store: DataStore;
  hasher: PasswordHasher;
  secrets: SessionSecrets;
  now: Date;
}

export interface Authenticated {
  user: User;
  tenant: Tenant;
  session: SessionRecord;
}

export interface LoggedIn extends Authenticated {
  token: string;
}

/**
 * Checks the password against every active account with this email (one per business).
 * When several businesses match, the caller must say which one: the list holds only
 * businesses whose password matched, so it reveals nothing to someone without it.
 */
export async function logIn(
  deps: AuthDeps,
  request: LoginRequest,
  userAgent: string | null,
): Promise<Result<LoggedIn>> {
  const candidates = (await deps.store.directory.findLoginCandidates(request.email)).filter(
    (c) => request.tenantId === undefined || c.tenantId === request.tenantId,
  );
  const matched = [];
  for (const candidate of candidates) {
    if (await deps.hasher.verify(candidate.passwordHash, request.password)) matched.push(candidate);
  }
  if (candidates.length === 0) {
    // Spend the same time as a real check so response times do not reveal which emails exist.
    await deps.hasher.verify(DUMMY_HASH, request.password).catch(() => false);
  }
  if (matched.length === 0) return fail('INVALID_CREDENTIALS');
  if (matched.length > 1) {
    return fail('TENANT_REQUIRED', { tenants: matched.map((m) => ({ id: m.tenantId, name: m.tenantName })) });
  }
  const [chosen] = matched;
  if (!chosen) return fail('INVALID_CREDENTIALS');
  const repos = deps.store.forTenant(chosen.tenantId);
  const session = {
    id: deps.secrets.newId(),
    userId: chosen.userId,
    secretHash: '',
    createdAt: deps.now,
    expiresAt: sessionExpiry(deps.now, deps.now),
    userAgent: userAgent?.slice(0, 300) ?? null,
  };
  const secret = deps.secrets.newSecret();
  session.secretHash = deps.secrets.hashSecret(secret);
  await repos.sessions.insert(session);
  const [user, tenant] = await Promise.all([repos.users.findById(chosen.userId), repos.tenant.get()]);
  if (!user) return fail('INVALID_CREDENTIALS');
  return ok({
    user,
    tenant,
    session: { ...session, lastSeenAt: deps.now, revokedAt: null },
    token: formatSessionToken({ tenantId: chosen.tenantId, sessionId: session.id, secret }),
  });
}

/** Finds the live session behind a token; slides its expiry forward at most hourly. */
export async function authenticate(deps: AuthDeps, token: string): Promise<Result<Authenticated>> {
  const parsed = parseSessionToken(token);
  if (!parsed) return fail('UNAUTHENTICATED');
  if (!(await deps.store.directory.exists(parsed.tenantId))) return fail('UNAUTHENTICATED');
  const repos = deps.store.forTenant(parsed.tenantId);
  const session = await repos.sessions.findById(parsed.sessionId);
  if (!session || session.revokedAt || session.expiresAt <= deps.now) return fail('UNAUTHENTICATED');
  if (!deps.secrets.sameHash(session.secretHash, deps.secrets.hashSecret(parsed.secret))) {
    return fail('UNAUTHENTICATED');
  }
  const user = await repos.users.findById(session.userId);
  if (!user || !user.active || !user.canLogIn) return fail('UNAUTHENTICATED');
  if (deps.now.getTime() - session.lastSeenAt.getTime() > SESSION_TOUCH_INTERVAL_MS) {
    const expiresAt = sessionExpiry(session.createdAt, deps.now);
    await repos.sessions.touch(session.id, deps.now, expiresAt);
    session.lastSeenAt = deps.now;
    session.expiresAt = expiresAt;
  }
  return ok({ user, tenant: await repos.tenant.get(), session });
}

// An Argon2id hash of a random password, used only to equalise timing.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo';
