import { randomBytes } from 'node:crypto';
import {
  createTenantWithOwner,
  generateDemoDataset,
  localDateOf,
  type DataStore,
  type PasswordHasher,
} from '@kayoi/core';
import { loadDemoDataset, type Database, type DemoLoadResult } from '@kayoi/db';

export interface DemoRequest {
  seed: number;
  customers: number;
  years: number;
  timeZone: string;
  /** Last day of history; today in the shop's zone by default. */
  endDate?: string;
  ownerEmail: string;
  now: Date;
}

export interface DemoTenant extends DemoLoadResult {
  tenantId: string;
  ownerEmail: string;
  ownerPassword: string;
}

export const DEMO_SHOP_NAME = 'デモサロン 通い';

/** A fresh business holding the demo salon, with an owner login and a random password. */
export async function createDemoTenant(
  db: Database,
  store: DataStore,
  hasher: PasswordHasher,
  request: DemoRequest,
): Promise<DemoTenant> {
  const ownerPassword = randomBytes(12).toString('base64url');
  const { tenant, owner } = await createTenantWithOwner(store, hasher, {
    name: DEMO_SHOP_NAME,
    timeZone: request.timeZone,
    ownerEmail: request.ownerEmail,
    ownerPassword,
    ownerName: 'デモ オーナー',
  });
  const loaded = await loadDemoIntoTenant(db, tenant.id, { ...request, ownerUserId: owner.id });
  return { tenantId: tenant.id, ownerEmail: request.ownerEmail, ownerPassword, ...loaded };
}

export function loadDemoIntoTenant(
  db: Database,
  tenantId: string,
  request: Omit<DemoRequest, 'ownerEmail'> & { ownerUserId?: string },
): Promise<DemoLoadResult> {
  const dataset = generateDemoDataset({
    seed: request.seed,
    customers: request.customers,
    years: request.years,
    endDate: request.endDate ?? localDateOf(request.now, request.timeZone),
    timeZone: request.timeZone,
  });
  return loadDemoDataset(db, tenantId, dataset, {
    timeZone: request.timeZone,
    ...(request.ownerUserId ? { ownerUserId: request.ownerUserId } : {}),
  });
}
