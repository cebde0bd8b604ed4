import type { AttributeValue } from '@kayoi/contracts';
import { sql } from 'drizzle-orm';
import { rowsOf, type Orm } from '../database.js';

const uuids = (ids: readonly string[]) => sql`${sql.param([...ids])}::uuid[]`;

/** One customer's completed visits: local dates and the services (categories, else item ids) of each. */
export interface VisitHistoryRow {
  readonly customerId: string;
  readonly date: string;
  readonly serviceKeys: string[];
}

/**
 * What the journey worker's daily triggers read, per tenant: birthdays, date attributes,
 * visit histories for the due-by-cycle rule, the newest P(alive) scores, and each
 * entered-segment journey's snapshot of members.
 */
export function journeyDailyData(orm: Orm) {
  return {
    async birthdays(tenantId: string): Promise<{ customerId: string; birthday: string }[]> {
      const rows = await rowsOf<{ id: string; birthday: string }>(
        orm,
        sql`select id, birthday::text from customers
            where tenant_id = ${tenantId}::uuid and birthday is not null and erased_at is null`,
      );
      return rows.map((r) => ({ customerId: r.id, birthday: r.birthday }));
    },

    async dateAttributeValues(tenantId: string, attributeId: string): Promise<{ customerId: string; date: string }[]> {
      const rows = await rowsOf<{ customer_id: string; value: AttributeValue }>(
        orm,
        sql`select a.customer_id, a.value from customer_attribute_values a
            join customers c on c.tenant_id = a.tenant_id and c.id = a.customer_id and c.erased_at is null
            where a.tenant_id = ${tenantId}::uuid and a.attribute_id = ${attributeId}::uuid`,
      );
      return rows
        .filter((r): r is { customer_id: string; value: string } => typeof r.value === 'string')
        .filter((r) => /^\d{4}-\d{2}-\d{2}$/.test(r.value))
        .map((r) => ({ customerId: r.customer_id, date: r.value }));
    },

    async visitHistories(tenantId: string, timeZone: string): Promise<VisitHistoryRow[]> {
      return rowsOf<VisitHistoryRow>(
        orm,
        sql`select v.customer_id as "customerId", (v.started_at at time zone ${timeZone})::date::text as date,
                   coalesce((select array_agg(coalesce(li.category, li.item_id::text)) from visit_line_items li
                             where li.tenant_id = v.tenant_id and li.visit_id = v.id and li.kind = 'service'),
                            '{}') as "serviceKeys"
            from visits v join customers c on c.tenant_id = v.tenant_id and c.id = v.customer_id and c.erased_at is null
            where v.tenant_id = ${tenantId}::uuid and v.status = 'completed'
            order by v.customer_id, v.started_at`,
      );
    },

    /** The newest run's P(alive) with the one before it, and the run's id (a crossing enrols once per run). */
    async pAliveScores(
      tenantId: string,
    ): Promise<{ runId: string; customerId: string; pAlive: number | null; previous: number | null }[]> {
      return rowsOf(
        orm,
        sql`select s.run_id as "runId", s.customer_id as "customerId", s.p_alive as "pAlive",
                   s.p_alive_previous as previous
            from customer_scores s
            where s.tenant_id = ${tenantId}::uuid
              and s.run_id = (select id from model_runs where tenant_id = ${tenantId}::uuid and status = 'succeeded'
                              order by finished_at desc, id desc limit 1)`,
      );
    },

    async segmentSnapshot(tenantId: string, journeyId: string): Promise<Set<string>> {
      const rows = await rowsOf<{ customer_id: string }>(
        orm,
        sql`select customer_id from journey_segment_members
            where tenant_id = ${tenantId}::uuid and journey_id = ${journeyId}::uuid`,
      );
      return new Set(rows.map((r) => r.customer_id));
    },

    async replaceSegmentSnapshot(tenantId: string, journeyId: string, members: readonly string[], on: string) {
      await rowsOf(
        orm,
        sql`delete from journey_segment_members where tenant_id = ${tenantId}::uuid and journey_id = ${journeyId}::uuid`,
      );
      if (members.length > 0) {
        await rowsOf(
          orm,
          sql`insert into journey_segment_members (tenant_id, journey_id, customer_id)
              select ${tenantId}::uuid, ${journeyId}::uuid, m from unnest(${uuids(members)}) as m
              on conflict do nothing`,
        );
      }
      await rowsOf(
        orm,
        sql`update journeys set segment_snapshot_on = ${on}::date
            where tenant_id = ${tenantId}::uuid and id = ${journeyId}::uuid`,
      );
    },
  };
}

export type JourneyDailyData = ReturnType<typeof journeyDailyData>;
