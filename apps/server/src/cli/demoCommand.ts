import { randomBytes } from 'node:crypto';
import type { DataStore } from '@kayoi/core';
import { argon2Hasher } from '../security/argon2Hasher.js';
import { createDemoTenant, loadDemoIntoTenant } from '../demo/createDemoTenant.js';
import { CliError, ensureTenantOrThrow, withDatabase } from './withDatabase.js';

export interface DemoCommandOptions {
  tenant?: string;
  seed: string;
  customers: string;
  years: string;
  endDate?: string;
}

function integer(name: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new CliError(`--${name} must be a whole number from ${min} to ${max}`);
  return n;
}

/** New visits make the stored analytics stale: the next worker run (start or `kayoi worker`) redoes them. */
async function queueAnalysis(store: DataStore, tenantId: string): Promise<void> {
  await store.forTenant(tenantId).analytics.request({ trigger: 'cli', requestedBy: null });
  process.stderr.write(
    `Analytics refresh queued: \`kayoi start\` or \`kayoi worker\` runs it; \`kayoi analytics refresh --tenant ${tenantId}\` runs it now.\n`,
  );
}

/** The same seed and options always build the same salon. */
export function demoCommand(options: DemoCommandOptions): Promise<number> {
  const request = {
    seed: integer('seed', options.seed, 0, 2 ** 31 - 1),
    customers: integer('customers', options.customers, 1, 1_000_000),
    years: integer('years', options.years, 1, 20),
    ...(options.endDate ? { endDate: options.endDate } : {}),
    now: new Date(),
  };
  return withDatabase(async ({ db, store }) => {
    if (options.tenant) {
      await ensureTenantOrThrow(store, options.tenant);
      const tenant = await store.forTenant(options.tenant).tenant.get();
      // An existing business keeps its owner as they are; the demo's stylists join as accounts without login.
      const loaded = await loadDemoIntoTenant(db, tenant.id, { ...request, timeZone: tenant.timeZone });
      await queueAnalysis(store, tenant.id);
      process.stdout.write(`${JSON.stringify({ tenantId: tenant.id, ...loaded })}\n`);
      return 0;
    }
    const demo = await createDemoTenant(db, store, argon2Hasher(), {
      ...request,
      timeZone: 'Asia/Tokyo',
      ownerEmail: `owner+${randomBytes(3).toString('hex')}@demo.kayoi.example`,
    });
    await queueAnalysis(store, demo.tenantId);
    process.stdout.write(`${JSON.stringify(demo)}\n`);
    return 0;
  });
}
