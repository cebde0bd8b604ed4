import type { Tenant, TenantCreate, TenantPatch, User } from '@kayoi/contracts';
import type { PasswordHasher } from '../auth/passwords.js';
import type { DataStore, TenantRepos } from '../ports.js';
import type { Actor } from '../shared/actor.js';
import { resultOf, type Result } from '../shared/result.js';

/** A new business with its first owner, who can log in straight away. */
export async function createTenantWithOwner(
  store: DataStore,
  hasher: PasswordHasher,
  input: TenantCreate,
): Promise<{ tenant: Tenant; owner: User }> {
  const passwordHash = await hasher.hash(input.ownerPassword);
  const tenant = await store.directory.create({ name: input.name, timeZone: input.timeZone });
  const owner = await store.transaction(tenant.id, (repos) =>
    repos.users.insert({
      name: input.ownerName,
      nameKana: null,
      email: input.ownerEmail,
      passwordHash,
      role: 'owner',
      active: true,
      storeIds: [],
    }),
  );
  return { tenant, owner };
}

export function updateTenant(repos: TenantRepos, actor: Actor, patch: TenantPatch): Promise<Result<Tenant>> {
  return resultOf(async () => {
    const current = await repos.tenant.get();
    const updated = await repos.tenant.update({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.timeZone !== undefined ? { timeZone: patch.timeZone } : {}),
      ...(patch.settings !== undefined
        ? {
            settings: {
              staffCanSeeContacts: patch.settings.staffCanSeeContacts ?? current.settings.staffCanSeeContacts,
              analytics: { ...current.settings.analytics, ...patch.settings.analytics },
              messaging: { ...current.settings.messaging, ...patch.settings.messaging },
            },
          }
        : {}),
    });
    await repos.audit.record({
      actorUserId: actor.userId,
      action: 'tenant.settings_changed',
      targetType: 'tenant',
      targetId: current.id,
      details: { before: { name: current.name, timeZone: current.timeZone, settings: current.settings }, patch },
    });
    return updated;
  });
}
