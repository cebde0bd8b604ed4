import { createDataStore, type Database } from '@kayoi/db';
import type { DataStore } from '@kayoi/core';
import { configFromEnv, type RuntimeConfig } from '../runtime/config.js';
import { openRuntimeDatabase } from '../runtime/runtimeDatabase.js';

export interface CliContext {
  config: RuntimeConfig;
  db: Database;
  store: DataStore;
}

/** Opens the configured database for one command and always closes it (and its lock). */
export async function withDatabase<T>(work: (ctx: CliContext) => Promise<T>): Promise<T> {
  const config = configFromEnv();
  const runtime = await openRuntimeDatabase(config);
  try {
    return await work({ config, db: runtime.db, store: createDataStore(runtime.db) });
  } finally {
    await runtime.close();
  }
}

export async function ensureTenantOrThrow(store: DataStore, tenantId: string): Promise<void> {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  if (!uuid.test(tenantId) || !(await store.directory.exists(tenantId))) {
    throw new CliError(`No business with id ${tenantId}. List them with: kayoi tenant list`);
  }
}

/** A failure the user can fix: printed without a stack trace, exit code 1. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
