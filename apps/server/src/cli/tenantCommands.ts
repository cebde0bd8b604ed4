import { TenantCreate } from '@kayoi/contracts';
import { createTenantWithOwner } from '@kayoi/core';
import { argon2Hasher } from '../security/argon2Hasher.js';
import { CliError, withDatabase } from './withDatabase.js';

export async function tenantCreateCommand(options: {
  name: string;
  ownerEmail: string;
  ownerPassword: string;
  ownerName?: string;
  timezone?: string;
}): Promise<number> {
  const checked = TenantCreate.safeParse({
    name: options.name,
    ownerEmail: options.ownerEmail,
    ownerPassword: options.ownerPassword,
    ...(options.ownerName ? { ownerName: options.ownerName } : {}),
    ...(options.timezone ? { timeZone: options.timezone } : {}),
  });
  if (!checked.success) {
    throw new CliError(checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
  }
  return withDatabase(async ({ store }) => {
    const { tenant } = await createTenantWithOwner(store, argon2Hasher(), checked.data);
    process.stdout.write(`${JSON.stringify({ tenantId: tenant.id })}\n`);
    return 0;
  });
}

export function tenantListCommand(): Promise<number> {
  return withDatabase(async ({ store }) => {
    for (const t of await store.directory.list()) {
      process.stdout.write(`${JSON.stringify({ tenantId: t.id, name: t.name, timeZone: t.timeZone })}\n`);
    }
    return 0;
  });
}
