import type { ClaimedWebhookCall, WebhookOutboxPort } from '@kayoi/core';
import { sql } from 'drizzle-orm';
import { rowsOf, type Orm } from '../database.js';
import { newId } from '../repositories/shared.js';

/** The webhook outbox across tenants: claimed with SKIP LOCKED and a lease, like deliveries. */
export function webhookOutbox(orm: Orm): WebhookOutboxPort {
  return {
    async emit(tenantId, events, at) {
      if (events.length === 0) return;
      // One statement: each event crossed with the endpoints that want it; ids made here, one per pair.
      const endpoints = await rowsOf<{ id: string; events: string[] }>(
        orm,
        sql`select id, events from webhook_endpoints where tenant_id = ${tenantId}::uuid and active`,
      );
      const rows = endpoints.flatMap((e) =>
        events.filter((ev) => e.events.includes(ev.type)).map((ev) => ({ endpointId: e.id, ...ev })),
      );
      if (rows.length === 0) return;
      await rowsOf(
        orm,
        sql`insert into webhook_events (tenant_id, id, endpoint_id, event_type, source_key, payload, not_before)
            select ${tenantId}::uuid, r.id, r.endpoint_id, r.type, r.key, r.payload, ${at}
            from unnest(${sql.param(rows.map(() => newId()))}::uuid[], ${sql.param(rows.map((r) => r.endpointId))}::uuid[],
                        ${sql.param(rows.map((r) => r.type))}::text[], ${sql.param(rows.map((r) => r.sourceKey))}::text[],
                        ${sql.param(rows.map((r) => JSON.stringify(r.payload)))}::jsonb[])
                 as r(id, endpoint_id, type, key, payload)
            on conflict (tenant_id, endpoint_id, event_type, source_key) do nothing`,
      );
    },

    async claim(now, limit, leaseSeconds) {
      const lease = new Date(now.getTime() + leaseSeconds * 1000);
      const rows = await rowsOf<{
        tenant_id: string;
        id: string;
        url: string;
        secret: string;
        event_type: string;
        payload: Record<string, unknown>;
        attempts: number;
        created_at: Date | string;
      }>(
        orm,
        sql`with next as (
              select tenant_id, id from webhook_events
              where status in ('queued', 'sending') and not_before <= ${now}
                and (status = 'queued' or lease_until < ${now})
              order by not_before limit ${limit} for update skip locked)
            update webhook_events w set status = 'sending', lease_until = ${lease}, attempts = w.attempts + 1
            from next, webhook_endpoints e
            where w.tenant_id = next.tenant_id and w.id = next.id
              and e.tenant_id = w.tenant_id and e.id = w.endpoint_id
            returning w.tenant_id, w.id, e.url, e.secret, w.event_type, w.payload, w.attempts, w.created_at`,
      );
      return rows.map((r): ClaimedWebhookCall => ({
        tenantId: r.tenant_id,
        id: r.id,
        url: r.url,
        secret: r.secret,
        eventType: r.event_type,
        payload: r.payload,
        attempts: r.attempts,
        createdAt: new Date(r.created_at),
      }));
    },

    async record(call, result) {
      const where = sql`tenant_id = ${call.tenantId}::uuid and id = ${call.id}::uuid and status = 'sending'`;
      if (result.status === 'sent') {
        await rowsOf(
          orm,
          sql`update webhook_events set status = 'sent', response_status = ${result.responseStatus}, sent_at = ${result.at},
                     lease_until = null, last_error = null where ${where}`,
        );
      } else if (result.status === 'failed') {
        await rowsOf(
          orm,
          sql`update webhook_events set status = 'failed', response_status = ${result.responseStatus},
                     last_error = ${result.error.slice(0, 1000)}, lease_until = null where ${where}`,
        );
      } else {
        await rowsOf(
          orm,
          sql`update webhook_events set status = 'queued', response_status = ${result.responseStatus},
                     last_error = ${result.error.slice(0, 1000)}, not_before = ${result.notBefore}, lease_until = null
              where ${where}`,
        );
      }
    },
  };
}
