import {
  deliveryStatuses,
  type Broadcast,
  type Delivery,
  type DeliveryChannel,
  type DeliveryCounts,
  type DeliveryReason,
} from '@kayoi/contracts';
import type { ArmTotals, BroadcastWrite, CampaignRepository } from '@kayoi/core';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Orm } from '../database.js';
import { decodeCursor, encodeCursor, guardConstraints, iso, newId } from '../repositories/shared.js';
import { campaigns } from '../schema.js';
import { segmentPredicate } from '../segments/compileSegmentPlan.js';

type CampaignRow = typeof campaigns.$inferSelect;

const zeroCounts = (): DeliveryCounts => Object.fromEntries(deliveryStatuses.map((s) => [s, 0])) as DeliveryCounts;

const toBroadcast = (r: CampaignRow, counts: DeliveryCounts): Broadcast => ({
  id: r.id,
  name: r.name,
  // Only broadcasts are read here, and a broadcast always has its segment.
  segmentId: r.segmentId ?? '',
  templates: r.templates,
  variantB: r.variantB,
  channelOrder: (r.channelOrder as DeliveryChannel[] | null) ?? null,
  holdoutPercent: r.holdoutPercent,
  outcome: { kind: r.outcomeKind, days: r.outcomeDays },
  status: r.status,
  sendAt: r.sendAt?.toISOString() ?? null,
  startedAt: r.startedAt?.toISOString() ?? null,
  finishedAt: r.finishedAt?.toISOString() ?? null,
  counts,
  createdAt: r.createdAt.toISOString(),
  createdBy: r.createdBy,
  updatedAt: r.updatedAt.toISOString(),
});

const columnsOf = (w: Partial<BroadcastWrite>) => ({
  ...(w.name !== undefined ? { name: w.name } : {}),
  ...(w.segmentId !== undefined ? { segmentId: w.segmentId } : {}),
  ...(w.templates !== undefined ? { templates: w.templates } : {}),
  ...(w.variantB !== undefined ? { variantB: w.variantB } : {}),
  ...(w.channelOrder !== undefined ? { channelOrder: w.channelOrder } : {}),
  ...(w.holdoutPercent !== undefined ? { holdoutPercent: w.holdoutPercent } : {}),
  ...(w.outcome !== undefined ? { outcomeKind: w.outcome.kind, outcomeDays: w.outcome.days } : {}),
});

interface DeliveryRow {
  id: string;
  campaign_id: string;
  campaign_name: string;
  customer_id: string;
  arm: Delivery['arm'];
  channel: DeliveryChannel | null;
  status: Delivery['status'];
  reason: DeliveryReason | null;
  detail: string | null;
  attempts: number;
  sent_at: Date | string | null;
  not_before: Date | string;
  created_at: Date | string;
  clicks: number;
}

const toDelivery = (r: DeliveryRow): Delivery => ({
  id: r.id,
  campaignId: r.campaign_id,
  campaignName: r.campaign_name,
  customerId: r.customer_id,
  arm: r.arm,
  channel: r.channel,
  status: r.status,
  reason: r.reason,
  detail: r.detail,
  attempts: r.attempts,
  sentAt: iso(r.sent_at),
  notBefore: iso(r.not_before),
  createdAt: iso(r.created_at),
  clicks: r.clicks,
});

/** One tenant's broadcasts, their delivery log and their outcome totals. */
export function campaignRepository(orm: Orm, tenantId: string): CampaignRepository {
  const scope = (id: string) => and(eq(campaigns.tenantId, tenantId), eq(campaigns.id, id));

  async function countsOf(ids: string[]): Promise<Map<string, DeliveryCounts>> {
    const out = new Map<string, DeliveryCounts>(ids.map((id) => [id, zeroCounts()]));
    if (ids.length === 0) return out;
    const rows = await rowsOf<{ campaign_id: string; status: Delivery['status']; n: number }>(
      orm,
      sql`select campaign_id, status, count(*)::int as n from deliveries
          where tenant_id = ${tenantId}::uuid
            and campaign_id in (${sql.join(
              ids.map((id) => sql`${id}::uuid`),
              sql`, `,
            )})
          group by campaign_id, status`,
    );
    for (const r of rows) out.get(r.campaign_id)![r.status] = r.n;
    return out;
  }

  async function withCounts(rows: CampaignRow[]): Promise<Broadcast[]> {
    const counts = await countsOf(rows.map((r) => r.id));
    return rows.map((r) => toBroadcast(r, counts.get(r.id)!));
  }

  async function one(rows: CampaignRow[]): Promise<Broadcast | null> {
    const [row] = rows;
    return row ? (await withCounts([row]))[0]! : null;
  }

  return {
    async list({ includeCancelled }) {
      const rows = await orm
        .select()
        .from(campaigns)
        .where(
          and(
            eq(campaigns.tenantId, tenantId),
            eq(campaigns.kind, 'broadcast'),
            includeCancelled ? undefined : sql`${campaigns.status} <> 'cancelled'`,
          ),
        )
        .orderBy(sql`${campaigns.createdAt} desc, ${campaigns.id} desc`);
      return withCounts(rows);
    },
    async findById(id) {
      return one(
        await orm
          .select()
          .from(campaigns)
          .where(and(scope(id), eq(campaigns.kind, 'broadcast'))),
      );
    },
    async insert(input, actorUserId) {
      const rows = await guardConstraints(
        orm
          .insert(campaigns)
          .values({
            tenantId,
            id: newId(),
            kind: 'broadcast',
            name: input.name,
            segmentId: input.segmentId,
            templates: input.templates,
            variantB: input.variantB,
            channelOrder: input.channelOrder,
            holdoutPercent: input.holdoutPercent,
            outcomeKind: input.outcome.kind,
            outcomeDays: input.outcome.days,
            createdBy: actorUserId,
            updatedBy: actorUserId,
          })
          .returning(),
      );
      return (await one(rows))!;
    },
    async updateDraft(id, patch, actorUserId) {
      const rows = await guardConstraints(
        orm
          .update(campaigns)
          .set({ ...columnsOf(patch), updatedAt: new Date(), updatedBy: actorUserId })
          .where(and(scope(id), eq(campaigns.status, 'draft')))
          .returning(),
      );
      return one(rows);
    },
    async schedule(id, sendAt, actorUserId) {
      const rows = await orm
        .update(campaigns)
        .set({ status: 'scheduled', sendAt, updatedAt: new Date(), updatedBy: actorUserId })
        .where(and(scope(id), eq(campaigns.status, 'draft')))
        .returning();
      return one(rows);
    },
    async cancel(id, actorUserId) {
      const rows = await orm
        .update(campaigns)
        .set({ status: 'cancelled', finishedAt: new Date(), updatedAt: new Date(), updatedBy: actorUserId })
        .where(and(scope(id), sql`${campaigns.status} not in ('sent', 'cancelled')`))
        .returning();
      if (rows.length === 0) return null;
      // A message a worker holds right now may still go out; every queued one stops here.
      await rowsOf(
        orm,
        sql`update deliveries set status = 'cancelled', updated_at = now()
            where tenant_id = ${tenantId}::uuid and campaign_id = ${id}::uuid and status = 'queued'`,
      );
      return one(rows);
    },
    async deliveries(filter, query) {
      const after = decodeCursor(query.cursor, 1);
      const where: SQL[] = [sql`d.tenant_id = ${tenantId}::uuid`];
      if (filter.campaignId) where.push(sql`d.campaign_id = ${filter.campaignId}::uuid`);
      if (filter.customerId) where.push(sql`d.customer_id = ${filter.customerId}::uuid`);
      if (query.status) where.push(sql`d.status = ${query.status}`);
      if (after) where.push(sql`d.id < ${after[0]}::uuid`);
      const rows = await rowsOf<DeliveryRow>(
        orm,
        sql`select d.id, d.campaign_id, c.name as campaign_name, d.customer_id, d.arm, d.channel, d.status,
                   d.reason, d.detail, d.attempts, d.sent_at, d.not_before, d.created_at,
                   coalesce((select sum(l.clicks) from tracked_links l
                             where l.tenant_id = d.tenant_id and l.delivery_id = d.id), 0)::int as clicks
            from deliveries d
            join campaigns c on c.tenant_id = d.tenant_id and c.id = d.campaign_id
            where ${sql.join(where, sql` and `)}
            order by d.id desc limit ${query.limit + 1}`,
      );
      const items = rows.slice(0, query.limit).map(toDelivery);
      const last = items.at(-1);
      return { items, nextCursor: rows.length > query.limit && last ? encodeCursor([last.id]) : null };
    },
    async armTotals(campaignId, from, days) {
      const to = new Date(from.getTime() + days * 86_400_000);
      // Customers no channel could reach were set aside while the audience was built (skipped with
      // no attempt), in every arm alike; skips when sending (a cap, a failed render) stay in: intent to treat.
      const rows = await rowsOf<{ arm: 'a' | 'b' | 'holdout' } & Record<keyof ArmTotals, number>>(
        orm,
        sql`select d.arm, count(*)::int as customers,
                   count(*) filter (where coalesce(v.visits, 0) > 0)::int as converted,
                   coalesce(sum(v.visits), 0)::int as visits,
                   coalesce(sum(v.revenue), 0)::float8 as revenue,
                   coalesce(sum(v.revenue::float8 * v.revenue::float8), 0)::float8 as "revenueSquares"
            from deliveries d
            left join lateral (
              select count(*) as visits, sum(x.total) as revenue from visits x
              where x.tenant_id = d.tenant_id and x.customer_id = d.customer_id and x.status = 'completed'
                and x.started_at >= ${from} and x.started_at < ${to}
            ) v on true
            where d.tenant_id = ${tenantId}::uuid and d.campaign_id = ${campaignId}::uuid
              and not (d.status = 'skipped' and d.attempts = 0)
            group by d.arm`,
      );
      const empty: ArmTotals = { customers: 0, converted: 0, visits: 0, revenue: 0, revenueSquares: 0 };
      const totals = { a: empty, b: empty, holdout: empty };
      for (const r of rows) {
        totals[r.arm] = {
          customers: r.customers,
          converted: r.converted,
          visits: r.visits,
          revenue: Number(r.revenue),
          revenueSquares: Number(r.revenueSquares),
        };
      }
      return totals;
    },
    async audienceBaseline(plan, since) {
      const [row] = await rowsOf<{ audience: number; visited: number }>(
        orm,
        sql`select count(*)::int as audience, count(*) filter (where c.last_visit_at >= ${since})::int as visited
            from customers c
            where c.tenant_id = ${tenantId}::uuid and c.erased_at is null and ${segmentPredicate(tenantId, plan)}`,
      );
      return { audience: row?.audience ?? 0, visited: row?.visited ?? 0 };
    },
    async followLink(token, at) {
      const [row] = await rowsOf<{ url: string }>(
        orm,
        sql`update tracked_links set clicks = clicks + 1, first_click_at = coalesce(first_click_at, ${at}),
                   last_click_at = ${at}
            where tenant_id = ${tenantId}::uuid and token = ${token}
            returning url`,
      );
      return row?.url ?? null;
    },
  };
}
