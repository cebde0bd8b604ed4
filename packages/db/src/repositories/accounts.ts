/** The business itself, its staff accounts and their sessions, and the audit log. */
import {
  AnalyticsSettings,
  MessagingSettings,
  type AuditAction,
  type AuditEvent,
  type Tenant,
  type User,
} from '@kayoi/contracts';
import type {
  AuditRepository,
  SessionRecord,
  SessionRepository,
  TenantDirectory,
  TenantRepository,
  UserRepository,
} from '@kayoi/core';
import { and, asc, desc, eq, gt, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { Orm } from '../database.js';
import { auditEvents, sessions, tenants, users } from '../schema.js';
import { decodeCursor, encodeCursor, guardConstraints, newId } from './shared.js';

type TenantRow = typeof tenants.$inferSelect;
export const toTenant = (r: TenantRow): Tenant => ({
  id: r.tenantId,
  name: r.name,
  timeZone: r.timeZone,
  currency: 'JPY',
  settings: {
    staffCanSeeContacts: r.settings.staffCanSeeContacts ?? false,
    // Rows written before analytics settings existed read as the defaults.
    analytics: AnalyticsSettings.parse(r.settings.analytics ?? {}),
    messaging: MessagingSettings.parse(r.settings.messaging ?? {}),
  },
  createdAt: r.createdAt.toISOString(),
});

export function tenantRepository(orm: Orm, tenantId: string): TenantRepository {
  return {
    async get() {
      const [row] = await orm.select().from(tenants).where(eq(tenants.tenantId, tenantId));
      if (!row) throw new Error(`tenant ${tenantId} vanished`);
      return toTenant(row);
    },
    async update(patch) {
      const [row] = await orm.update(tenants).set(patch).where(eq(tenants.tenantId, tenantId)).returning();
      if (!row) throw new Error(`tenant ${tenantId} vanished`);
      return toTenant(row);
    },
  };
}

export function tenantDirectory(orm: Orm): TenantDirectory {
  return {
    async create(input) {
      const [row] = await orm
        .insert(tenants)
        .values({ tenantId: newId(), name: input.name, timeZone: input.timeZone })
        .returning();
      return toTenant(row!);
    },
    async exists(tenantId) {
      const rows = await orm.select({ id: tenants.tenantId }).from(tenants).where(eq(tenants.tenantId, tenantId));
      return rows.length > 0;
    },
    async list() {
      return (await orm.select().from(tenants).orderBy(asc(tenants.createdAt))).map(toTenant);
    },
    async findLoginCandidates(email) {
      const rows = await orm
        .select({
          tenantId: users.tenantId,
          tenantName: tenants.name,
          userId: users.id,
          passwordHash: users.passwordHash,
        })
        .from(users)
        .innerJoin(tenants, eq(tenants.tenantId, users.tenantId))
        .where(and(sql`lower(${users.email}) = lower(${email})`, eq(users.active, true), isNotNull(users.passwordHash)))
        .limit(20);
      return rows.map((r) => ({ ...r, passwordHash: r.passwordHash ?? '' }));
    },
  };
}

type UserRow = typeof users.$inferSelect;
const toUser = (r: UserRow): User => ({
  id: r.id,
  email: r.email,
  name: r.name,
  nameKana: r.nameKana,
  role: r.role,
  canLogIn: r.passwordHash !== null && r.email !== null,
  active: r.active,
  storeIds: r.storeIds,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

export function userRepository(orm: Orm, tenantId: string): UserRepository {
  const scope = (id: string) => and(eq(users.tenantId, tenantId), eq(users.id, id));
  return {
    async list() {
      const rows = await orm.select().from(users).where(eq(users.tenantId, tenantId)).orderBy(asc(users.createdAt));
      return rows.map(toUser);
    },
    async findById(id) {
      const [row] = await orm.select().from(users).where(scope(id));
      return row ? toUser(row) : null;
    },
    async findCredentials(id) {
      const [row] = await orm.select().from(users).where(scope(id));
      return row ? { user: toUser(row), passwordHash: row.passwordHash } : null;
    },
    async insert(input) {
      const [row] = await guardConstraints(
        orm
          .insert(users)
          .values({ tenantId, id: newId(), ...input })
          .returning(),
      );
      return toUser(row!);
    },
    async update(id, patch) {
      const [row] = await guardConstraints(
        orm
          .update(users)
          .set({ ...patch, updatedAt: new Date() })
          .where(scope(id))
          .returning(),
      );
      return row ? toUser(row) : null;
    },
    async countActiveOwners() {
      const [row] = await orm
        .select({ n: sql<number>`count(*)::int` })
        .from(users)
        .where(and(eq(users.tenantId, tenantId), eq(users.role, 'owner'), eq(users.active, true)));
      return row?.n ?? 0;
    },
  };
}

type SessionRow = typeof sessions.$inferSelect;
const toSession = (r: SessionRow): SessionRecord => ({
  id: r.id,
  userId: r.userId,
  secretHash: r.secretHash,
  createdAt: r.createdAt,
  expiresAt: r.expiresAt,
  lastSeenAt: r.lastSeenAt,
  revokedAt: r.revokedAt,
  userAgent: r.userAgent,
});

export function sessionRepository(orm: Orm, tenantId: string): SessionRepository {
  const scope = (id: string) => and(eq(sessions.tenantId, tenantId), eq(sessions.id, id));
  return {
    async insert(session) {
      await orm.insert(sessions).values({ tenantId, ...session, lastSeenAt: session.createdAt });
    },
    async findById(id) {
      const [row] = await orm.select().from(sessions).where(scope(id));
      return row ? toSession(row) : null;
    },
    async listActiveForUser(userId, now) {
      const rows = await orm
        .select()
        .from(sessions)
        .where(
          and(
            eq(sessions.tenantId, tenantId),
            eq(sessions.userId, userId),
            isNull(sessions.revokedAt),
            gt(sessions.expiresAt, now),
          ),
        )
        .orderBy(desc(sessions.lastSeenAt));
      return rows.map(toSession);
    },
    async touch(id, at, expiresAt) {
      await orm.update(sessions).set({ lastSeenAt: at, expiresAt }).where(scope(id));
    },
    async revoke(id, at) {
      const rows = await orm
        .update(sessions)
        .set({ revokedAt: at })
        .where(and(scope(id), isNull(sessions.revokedAt)))
        .returning({ id: sessions.id });
      return rows.length > 0;
    },
    async revokeAllForUser(userId, at) {
      await orm
        .update(sessions)
        .set({ revokedAt: at })
        .where(and(eq(sessions.tenantId, tenantId), eq(sessions.userId, userId), isNull(sessions.revokedAt)));
    },
  };
}

type AuditRow = typeof auditEvents.$inferSelect;
const toAudit = (r: AuditRow): AuditEvent => ({
  id: r.id,
  at: r.at.toISOString(),
  actorUserId: r.actorUserId,
  action: r.action as AuditAction,
  targetType: r.targetType,
  targetId: r.targetId,
  details: r.details,
});

export function auditRepository(orm: Orm, tenantId: string): AuditRepository {
  return {
    async record(event) {
      await orm.insert(auditEvents).values({
        tenantId,
        id: newId(),
        actorUserId: event.actorUserId,
        action: event.action,
        targetType: event.targetType ?? null,
        targetId: event.targetId ?? null,
        details: event.details ?? {},
      });
    },
    async list(query) {
      const after = decodeCursor(query.cursor, 1);
      const rows = await orm
        .select()
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.tenantId, tenantId),
            query.action ? eq(auditEvents.action, query.action) : undefined,
            after ? lt(auditEvents.id, after[0]!) : undefined,
          ),
        )
        .orderBy(desc(auditEvents.id))
        .limit(query.limit + 1);
      const items = rows.slice(0, query.limit).map(toAudit);
      const last = items.at(-1);
      return { items, nextCursor: rows.length > query.limit && last ? encodeCursor([last.id]) : null };
    },
  };
}
