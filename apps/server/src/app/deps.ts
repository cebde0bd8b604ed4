import { fileURLToPath } from 'node:url';
import type { DataStore, PasswordHasher, SessionSecrets, UnsubscribeTokens } from '@kayoi/core';
import { createDataStore, type Database } from '@kayoi/db';
import { argon2Hasher } from '../security/argon2Hasher.js';
import { memoryLoginLimiter, type LoginLimiter } from '../security/loginLimiter.js';
import { sessionSecrets } from '../security/sessionSecrets.js';
import { ephemeralUnsubscribeTokens } from '../security/unsubscribeTokens.js';

/** Everything the HTTP app needs, passed in so tests and each deployment choose their own. */
export interface AppDeps {
  db: Database;
  store: DataStore;
  hasher: PasswordHasher;
  secrets: SessionSecrets;
  loginLimiter: LoginLimiter;
  /** Signs and verifies the /u/{token} links in email (one key for every process). */
  unsubscribeTokens: UnsubscribeTokens;
  clock: () => Date;
  /** Set the Secure flag on the session cookie; 'auto' follows the request's scheme. */
  secureCookies: boolean | 'auto';
  /** Trust X-Forwarded-For for the client address (behind a reverse proxy). */
  trustProxy: boolean;
  /** Built web app to serve at / (absent until it is built). */
  webRoot?: string | undefined;
}

/** Where `npm install` builds the dashboard (apps/web/dist). */
export const defaultWebRoot = fileURLToPath(new URL('../../../web/dist', import.meta.url));

export function defaultAppDeps(db: Database, overrides: Partial<AppDeps> = {}): AppDeps {
  return {
    db,
    store: createDataStore(db),
    hasher: argon2Hasher(),
    secrets: sessionSecrets(),
    loginLimiter: memoryLoginLimiter(),
    unsubscribeTokens: ephemeralUnsubscribeTokens(),
    clock: () => new Date(),
    secureCookies: 'auto',
    trustProxy: false,
    webRoot: defaultWebRoot,
    ...overrides,
  };
}
