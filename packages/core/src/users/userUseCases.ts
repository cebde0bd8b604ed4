import type { User, UserCreate, UserPatch } from '@kayoi/contracts';
import type { PasswordHasher } from '../auth/passwords.js';
import type { TenantRepos, UserWrite } from '../ports.js';
import type { Actor } from '../shared/actor.js';
import { failOrThrow, resultOf, type Result } from '../shared/result.js';

export interface UserDeps {
  repos: TenantRepos;
  actor: Actor;
  hasher: PasswordHasher;
  now: Date;
}

/** Store ids are an array (no foreign key can check them), so each is looked up in the tenant. */
async function ensureStoresExist(repos: TenantRepos, storeIds: readonly string[]): Promise<void> {
  const known = new Set((await repos.stores.list()).map((s) => s.id));
  const unknown = storeIds.filter((id) => !known.has(id));
  if (unknown.length > 0) failOrThrow('STORE_NOT_FOUND', { ids: unknown });
}

export function createUser(deps: UserDeps, input: UserCreate): Promise<Result<User>> {
  return resultOf(async () => {
    await ensureStoresExist(deps.repos, input.storeIds);
    const user = await deps.repos.users.insert({
      name: input.name,
      nameKana: input.nameKana ?? null,
      email: input.email ?? null,
      passwordHash: input.password ? await deps.hasher.hash(input.password) : null,
      role: input.role,
      active: true,
      storeIds: input.storeIds,
    });
    await deps.repos.audit.record({
      actorUserId: deps.actor.userId,
      action: 'users.created',
      targetType: 'user',
      targetId: user.id,
      details: { role: user.role },
    });
    return user;
  });
}

/**
 * Changes a staff account. The business always keeps an active owner; a role change and a
 * deactivation are audited; a new password or a deactivation ends the user's sessions.
 */
export function updateUser(deps: UserDeps, id: string, patch: UserPatch): Promise<Result<User>> {
  return resultOf(async () => {
    const { repos } = deps;
    const current = await repos.users.findById(id);
    if (!current) failOrThrow('USER_NOT_FOUND', { id });
    const losesOwner =
      current.role === 'owner' && current.active && ((patch.role && patch.role !== 'owner') || patch.active === false);
    if (losesOwner && (await repos.users.countActiveOwners()) <= 1) failOrThrow('LAST_OWNER');
    if (patch.storeIds) await ensureStoresExist(repos, patch.storeIds);

    const write: Partial<UserWrite> = {};
    if (patch.name !== undefined) write.name = patch.name;
    if (patch.nameKana !== undefined) write.nameKana = patch.nameKana;
    if (patch.email !== undefined) write.email = patch.email;
    if (patch.role !== undefined) write.role = patch.role;
    if (patch.active !== undefined) write.active = patch.active;
    if (patch.storeIds !== undefined) write.storeIds = patch.storeIds;
    if (patch.password !== undefined) {
      write.passwordHash = patch.password === null ? null : await deps.hasher.hash(patch.password);
    }
    const updated = await repos.users.update(id, write);
    if (!updated) failOrThrow('USER_NOT_FOUND', { id });

    if (patch.role !== undefined && patch.role !== current.role) {
      await repos.audit.record({
        actorUserId: deps.actor.userId,
        action: 'users.role_changed',
        targetType: 'user',
        targetId: id,
        details: { from: current.role, to: patch.role },
      });
    }
    if (patch.active === false && current.active) {
      await repos.audit.record({
        actorUserId: deps.actor.userId,
        action: 'users.deactivated',
        targetType: 'user',
        targetId: id,
      });
    }
    if (patch.password !== undefined || patch.active === false) {
      await repos.sessions.revokeAllForUser(id, deps.now);
    }
    return updated;
  });
}
