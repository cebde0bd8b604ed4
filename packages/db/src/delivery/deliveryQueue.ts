import type { DeliveryChannel } from '@kayoi/contracts';
import type { ClaimedDelivery, DeliveryQueuePort, DeliveryRecipient, DueCampaign } from '@kayoi/core';
import { sql } from 'drizzle-orm';
import { rowsOf, type Orm } from '../database.js';
import { customerColumnsSql, toCustomerDetails, type CustomerRow } from '../repositories/customerRows.js';
import { newId } from '../repositories/shared.js';
import type { campaigns } from '../schema.js';

type CampaignTemplates = (typeof campaigns.$inferSelect)['templates'];
const WEEK_MS = 7 * 86_400_000;
const uuids = (ids: readonly string[]) => sql`${sql.param([...ids])}::uuid[]`;

/**
 * The outbox across tenants, for the workers. Every claim is one UPDATE … FROM (SELECT … FOR
 * UPDATE SKIP LOCKED): concurrent workers never take the same row, and a row whose worker
 * died (lease lapsed) is taken again. Times come from the caller's clock, not now(), so tests
 * can move time and every worker judges leases alike.
 */
export function deliveryQueue(orm: Orm): DeliveryQueuePort {
  return {
    async claimDueCampaign(now, leaseSeconds) {
      const lease = new Date(now.getTime() + leaseSeconds * 1000);
      const [row] = await rowsOf<{
        tenant_id: string;
        id: string;
        segment_id: string | null;
        holdout_percent: number;
        templates: CampaignTemplates;
        variant_b: CampaignTemplates | null;
        channel_order: DeliveryChannel[] | null;
        send_at: Date | string;
      }>(
        orm,
        sql`update campaigns c set status = 'preparing', lease_until = ${lease},
                   started_at = coalesce(c.started_at, ${now}), updated_at = ${now}
            from (select tenant_id, id from campaigns
                  where kind = 'broadcast'
                    and ((status = 'scheduled' and send_at <= ${now})
                         or (status = 'preparing' and lease_until < ${now}))
                  order by send_at limit 1 for update skip locked) due
            where c.tenant_id = due.tenant_id and c.id = due.id
            returning c.tenant_id, c.id, c.segment_id, c.holdout_percent, c.templates, c.variant_b,
                      c.channel_order, c.send_at`,
      );
      // Broadcasts always have a segment (journeys, which have none, are never scheduled).
      if (!row?.segment_id) return null;
      const campaign: DueCampaign = {
        tenantId: row.tenant_id,
        id: row.id,
        segmentId: row.segment_id,
        holdoutPercent: row.holdout_percent,
        hasVariantB: row.variant_b !== null,
        templates: row.templates,
        variantB: row.variant_b,
        channelOrder: row.channel_order,
        sendAt: new Date(row.send_at),
      };
      return campaign;
    },

    async queueDeliveries(tenantId, campaignId, rows) {
      if (rows.length === 0) return;
      await rowsOf(
        orm,
        sql`insert into deliveries (tenant_id, id, campaign_id, customer_id, idempotency_key, arm, status, reason, not_before,
                                    templates)
            select ${tenantId}::uuid, r.id, ${campaignId}::uuid, r.customer_id, r.key, r.arm, r.status, r.reason, r.not_before,
                   r.templates
            from unnest(${uuids(rows.map(() => newId()))}, ${uuids(rows.map((r) => r.customerId))},
                        ${sql.param(rows.map((r) => r.idempotencyKey))}::text[], ${sql.param(rows.map((r) => r.arm))}::text[],
                        ${sql.param(rows.map((r) => r.status))}::text[], ${sql.param(rows.map((r) => r.reason))}::text[],
                        ${sql.param(rows.map((r) => r.notBefore.toISOString()))}::timestamptz[],
                        ${sql.param(rows.map((r) => (r.templates ? JSON.stringify(r.templates) : null)))}::jsonb[])
                 as r(id, customer_id, key, arm, status, reason, not_before, templates)
            on conflict (tenant_id, idempotency_key) do nothing`,
      );
    },

    async finishPreparing(tenantId, campaignId) {
      await rowsOf(
        orm,
        sql`update campaigns set status = 'sending', lease_until = null
            where tenant_id = ${tenantId}::uuid and id = ${campaignId}::uuid and status = 'preparing'`,
      );
    },

    async claimDeliveries(now, limit, leaseSeconds) {
      const lease = new Date(now.getTime() + leaseSeconds * 1000);
      const rows = await rowsOf<{
        tenant_id: string;
        id: string;
        campaign_id: string;
        customer_id: string;
        idempotency_key: string;
        arm: ClaimedDelivery['arm'];
        attempts: number;
        templates: CampaignTemplates | null;
      }>(
        orm,
        sql`update deliveries d set status = 'sending', lease_until = ${lease}, attempts = d.attempts + 1,
                   updated_at = ${now}
            from (select tenant_id, id from deliveries
                  where status in ('queued', 'sending') and not_before <= ${now}
                    and (status = 'queued' or lease_until < ${now})
                  order by not_before limit ${limit} for update skip locked) next
            where d.tenant_id = next.tenant_id and d.id = next.id
            returning d.tenant_id, d.id, d.campaign_id, d.customer_id, d.idempotency_key, d.arm, d.attempts, d.templates`,
      );
      return rows.map((r) => ({
        tenantId: r.tenant_id,
        id: r.id,
        campaignId: r.campaign_id,
        customerId: r.customer_id,
        idempotencyKey: r.idempotency_key,
        arm: r.arm,
        attempts: r.attempts,
        templates: r.templates,
      }));
    },

    async recipients(tenantId, customerIds, now) {
      const out = new Map<string, DeliveryRecipient>();
      if (customerIds.length === 0) return out;
      const ids = uuids(customerIds);
      // One after another: inside a transaction they would share one connection.
      const customerRows = await rowsOf<CustomerRow>(
        orm,
        sql`select ${customerColumnsSql} from customers c where c.tenant_id = ${tenantId}::uuid and c.id = any(${ids})`,
      );
      const details = await toCustomerDetails(orm, tenantId, customerRows);
      const suppressions = await rowsOf<{ customer_id: string; channel: DeliveryChannel }>(
        orm,
        sql`select customer_id, channel from channel_suppressions where tenant_id = ${tenantId}::uuid and customer_id = any(${ids})`,
      );
      const recent = await rowsOf<{ customer_id: string; n: number }>(
        orm,
        sql`select customer_id, count(*)::int as n from deliveries
            where tenant_id = ${tenantId}::uuid and customer_id = any(${ids})
              and status = 'sent' and sent_at > ${new Date(now.getTime() - WEEK_MS)}
            group by customer_id`,
      );
      const lastVisits = await rowsOf<{
        customer_id: string;
        started_at: Date | string;
        store_name: string | null;
        staff_name: string | null;
        services: string[] | null;
      }>(
        orm,
        sql`select distinct on (v.customer_id) v.customer_id, v.started_at, s.name as store_name, u.name as staff_name,
                   (select coalesce(array_agg(li.name order by li.position) filter (where li.kind = 'service'),
                                    array_agg(li.name order by li.position))
                      from visit_line_items li where li.tenant_id = v.tenant_id and li.visit_id = v.id) as services
            from visits v
            left join stores s on s.tenant_id = v.tenant_id and s.id = v.store_id
            left join users u on u.tenant_id = v.tenant_id and u.id = v.staff_id
            where v.tenant_id = ${tenantId}::uuid and v.customer_id = any(${ids}) and v.status = 'completed'
            order by v.customer_id, v.started_at desc`,
      );
      const scores = await rowsOf<{ customer_id: string; next_visit_from: string | null }>(
        orm,
        sql`select customer_id, next_visit_from::text from customer_scores
            where tenant_id = ${tenantId}::uuid and customer_id = any(${ids})
              and run_id = (select id from model_runs where tenant_id = ${tenantId}::uuid and status = 'succeeded'
                            order by finished_at desc, id desc limit 1)`,
      );
      const suppressed = new Map<string, DeliveryChannel[]>();
      for (const s of suppressions)
        suppressed.set(s.customer_id, [...(suppressed.get(s.customer_id) ?? []), s.channel]);
      const sent = new Map(recent.map((r) => [r.customer_id, r.n]));
      const visits = new Map(lastVisits.map((v) => [v.customer_id, v]));
      const next = new Map(scores.map((s) => [s.customer_id, s.next_visit_from]));
      for (const customer of details) {
        const visit = visits.get(customer.id);
        out.set(customer.id, {
          customer,
          erased: customer.erasedAt !== null,
          suppressed: suppressed.get(customer.id) ?? [],
          sentInLastWeek: sent.get(customer.id) ?? 0,
          lastVisit: visit
            ? {
                at: new Date(visit.started_at),
                storeName: visit.store_name,
                staffName: visit.staff_name,
                serviceNames: visit.services ?? [],
              }
            : null,
          nextVisitFrom: next.get(customer.id) ?? null,
        });
      }
      return out;
    },

    async campaigns(tenantId, campaignIds) {
      const rows = await rowsOf<{
        id: string;
        status: string;
        templates: CampaignTemplates;
        variant_b: CampaignTemplates | null;
        channel_order: DeliveryChannel[] | null;
      }>(
        orm,
        sql`select id, status, templates, variant_b, channel_order from campaigns
            where tenant_id = ${tenantId}::uuid and id = any(${uuids(campaignIds)})`,
      );
      return new Map(
        rows.map((r) => [
          r.id,
          { id: r.id, status: r.status, templates: r.templates, variantB: r.variant_b, channelOrder: r.channel_order },
        ]),
      );
    },

    async recordMany(outcomes) {
      const sent = outcomes.flatMap((o) => (o.result.status === 'sent' ? [{ d: o.delivery, r: o.result }] : []));
      if (sent.length > 0) {
        await rowsOf(
          orm,
          sql`update deliveries d set status = 'sent', channel = o.channel, provider_ref = o.ref, detail = o.detail,
                     sent_at = o.at, lease_until = null, updated_at = o.at
              from unnest(${sql.param(sent.map((s) => s.d.tenantId))}::uuid[], ${sql.param(sent.map((s) => s.d.id))}::uuid[],
                          ${sql.param(sent.map((s) => s.r.channel))}::text[], ${sql.param(sent.map((s) => s.r.providerRef))}::text[],
                          ${sql.param(sent.map((s) => s.r.detail))}::text[],
                          ${sql.param(sent.map((s) => s.r.at.toISOString()))}::timestamptz[])
                   as o(tenant_id, id, channel, ref, detail, at)
              where d.tenant_id = o.tenant_id and d.id = o.id and d.status = 'sending'`,
        );
      }
      // Everything else is rare (skips, failures, deferrals): one statement each.
      for (const { delivery, result } of outcomes) {
        const where = sql`tenant_id = ${delivery.tenantId}::uuid and id = ${delivery.id}::uuid and status = 'sending'`;
        if (result.status === 'sent') continue;
        if (result.status === 'queued') {
          await rowsOf(
            orm,
            sql`update deliveries set status = 'queued', not_before = ${result.notBefore}, channel = ${result.channel},
                       detail = ${result.detail}, lease_until = null, updated_at = now(),
                       attempts = attempts - ${result.countAttempt ? 0 : 1}
                where ${where}`,
          );
        } else if (result.status === 'cancelled') {
          await rowsOf(
            orm,
            sql`update deliveries set status = 'cancelled', lease_until = null, updated_at = now() where ${where}`,
          );
        } else {
          await rowsOf(
            orm,
            sql`update deliveries set status = ${result.status}, channel = ${result.channel}, reason = ${result.reason},
                       detail = ${result.detail}, lease_until = null, updated_at = now()
                where ${where}`,
          );
        }
      }
    },

    async suppress(tenantId, customerId, channel, reason, at) {
      await rowsOf(
        orm,
        sql`insert into channel_suppressions (tenant_id, customer_id, channel, reason, at)
            values (${tenantId}::uuid, ${customerId}::uuid, ${channel}, ${reason.slice(0, 500)}, ${at})
            on conflict (tenant_id, customer_id, channel) do nothing`,
      );
    },

    async saveLinks(tenantId, links) {
      if (links.length === 0) return;
      await rowsOf(
        orm,
        sql`insert into tracked_links (tenant_id, token, delivery_id, url)
            select ${tenantId}::uuid, t.token, t.delivery_id, t.url
            from unnest(${sql.param(links.map((l) => l.token))}::text[], ${uuids(links.map((l) => l.deliveryId))},
                        ${sql.param(links.map((l) => l.url))}::text[]) as t(token, delivery_id, url)
            on conflict (tenant_id, token) do nothing`,
      );
    },

    async finishDrainedCampaigns(now) {
      const rows = await rowsOf<{ id: string }>(
        orm,
        sql`update campaigns c set status = 'sent', finished_at = ${now}, updated_at = ${now}
            where c.status = 'sending' and not exists (
              select 1 from deliveries d where d.tenant_id = c.tenant_id and d.campaign_id = c.id
                and d.status in ('queued', 'sending'))
            returning c.id`,
      );
      return rows.length;
    },
  };
}
