import type { WebhookCall, WebhookEndpoint, WebhookEventType } from '@kayoi/contracts';
import type { WebhookRepository } from '@kayoi/core';
import { and, desc, eq, sql } from 'drizzle-orm';
import { rowsOf, type Orm } from '../database.js';
import { decodeCursor, encodeCursor, iso, newId } from '../repositories/shared.js';
import { webhookEndpoints, webhookEvents } from '../schema.js';

type EndpointRow = typeof webhookEndpoints.$inferSelect;

const toEndpoint = (r: EndpointRow): WebhookEndpoint => ({
  id: r.id,
  url: r.url,
  description: r.description,
  events: r.events as WebhookEventType[],
  active: r.active,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

/** One tenant's webhook endpoints (never their secrets) and the calls made to them. */
export function webhookRepository(orm: Orm, tenantId: string): WebhookRepository {
  const scope = (id: string) => and(eq(webhookEndpoints.tenantId, tenantId), eq(webhookEndpoints.id, id));
  return {
    async list() {
      const rows = await orm
        .select()
        .from(webhookEndpoints)
        .where(eq(webhookEndpoints.tenantId, tenantId))
        .orderBy(desc(webhookEndpoints.createdAt), desc(webhookEndpoints.id));
      return rows.map(toEndpoint);
    },
    async findById(id) {
      const [row] = await orm.select().from(webhookEndpoints).where(scope(id));
      return row ? toEndpoint(row) : null;
    },
    async insert(input, actorUserId) {
      const [row] = await orm
        .insert(webhookEndpoints)
        .values({ tenantId, id: newId(), ...input, createdBy: actorUserId })
        .returning();
      return toEndpoint(row!);
    },
    async update(id, patch) {
      const [row] = await orm
        .update(webhookEndpoints)
        .set({ ...patch, updatedAt: new Date() })
        .where(scope(id))
        .returning();
      return row ? toEndpoint(row) : null;
    },
    async delete(id) {
      const rows = await orm.delete(webhookEndpoints).where(scope(id)).returning({ id: webhookEndpoints.id });
      return rows.length > 0;
    },
    async calls(endpointId, query) {
      const after = decodeCursor(query.cursor, 1);
      const rows = await rowsOf<{
        id: string;
        event_type: string;
        status: WebhookCall['status'];
        attempts: number;
        response_status: number | null;
        last_error: string | null;
        created_at: Date | string;
        sent_at: Date | string | null;
      }>(
        orm,
        sql`select id, event_type, status, attempts, response_status, last_error, created_at, sent_at
            from webhook_events
            where tenant_id = ${tenantId}::uuid and endpoint_id = ${endpointId}::uuid
              ${after ? sql`and id < ${after[0]}::uuid` : sql``}
            order by id desc limit ${query.limit + 1}`,
      );
      const items: WebhookCall[] = rows.slice(0, query.limit).map((r) => ({
        id: r.id,
        eventType: r.event_type,
        status: r.status,
        attempts: r.attempts,
        responseStatus: r.response_status,
        lastError: r.last_error,
        createdAt: iso(r.created_at),
        sentAt: iso(r.sent_at),
      }));
      const last = items.at(-1);
      return { items, nextCursor: rows.length > query.limit && last ? encodeCursor([last.id]) : null };
    },
    async queue(endpointId, type, sourceKey, payload, at) {
      await orm
        .insert(webhookEvents)
        .values({ tenantId, id: newId(), endpointId, eventType: type, sourceKey, payload, notBefore: at })
        .onConflictDoNothing();
    },
  };
}
