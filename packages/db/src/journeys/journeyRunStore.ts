import type { AttributeValue, JourneyDefinition, JourneyEnrollmentState, rfmSegments } from '@kayoi/contracts';
import type { CustomerFacts } from '@kayoi/core';
import { sql } from 'drizzle-orm';
import { rowsOf, type Orm } from '../database.js';
import { newId } from '../repositories/shared.js';

const uuids = (ids: readonly string[]) => sql`${sql.param([...ids])}::uuid[]`;

/** An enrollment a worker holds (leased) to advance, with what it needs to run. */
export interface ClaimedEnrollment {
  readonly tenantId: string;
  readonly id: string;
  readonly journeyId: string;
  readonly version: number;
  readonly customerId: string;
  readonly arm: 'a' | 'holdout';
  readonly campaignId: string;
  readonly timeZone: string;
  readonly definition: JourneyDefinition;
  readonly state: JourneyEnrollmentState;
  readonly leaseUntil: Date;
}

interface ClaimRow {
  tenant_id: string;
  id: string;
  journey_id: string;
  version: number;
  customer_id: string;
  arm: 'a' | 'holdout';
  status: JourneyEnrollmentState['status'];
  step_id: string | null;
  wake_at: Date | string | null;
  entered_at: Date | string;
  ended_at: Date | string | null;
  end_reason: JourneyEnrollmentState['endReason'];
  visited_step_ids: string[];
}

const isoOrNull = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

/**
 * The journey worker's queue across tenants: due enrollments of active journeys, claimed with
 * FOR UPDATE SKIP LOCKED and a lease (like the deliveries outbox); a worker that dies loses them
 * to the next when the lease lapses, and the idempotency keys keep its effects from repeating.
 */
export function journeyRunStore(orm: Orm) {
  return {
    async claimDue(now: Date, limit: number, leaseSeconds: number): Promise<ClaimedEnrollment[]> {
      const lease = new Date(now.getTime() + leaseSeconds * 1000);
      const rows = await rowsOf<ClaimRow>(
        orm,
        sql`update journey_enrollments e set lease_until = ${lease}
            from (select x.tenant_id, x.id from journey_enrollments x
                  join journeys j on j.tenant_id = x.tenant_id and j.id = x.journey_id and j.status = 'active'
                  where x.status = 'active' and (x.wake_at is null or x.wake_at <= ${now})
                    and (x.lease_until is null or x.lease_until < ${now})
                  order by x.wake_at nulls first limit ${limit} for update of x skip locked) due
            where e.tenant_id = due.tenant_id and e.id = due.id
            returning e.tenant_id, e.id, e.journey_id, e.version, e.customer_id, e.arm, e.status, e.step_id, e.wake_at,
                      e.entered_at, e.ended_at, e.end_reason, e.visited_step_ids`,
      );
      if (rows.length === 0) return [];
      const extras = await rowsOf<{
        tenant_id: string;
        journey_id: string;
        version: number;
        definition: JourneyDefinition;
        campaign_id: string;
        time_zone: string;
      }>(
        orm,
        sql`select v.tenant_id, v.journey_id, v.version, v.definition, j.campaign_id, t.time_zone
            from journey_versions v
            join journeys j on j.tenant_id = v.tenant_id and j.id = v.journey_id
            join tenants t on t.tenant_id = v.tenant_id
            where (v.tenant_id, v.journey_id, v.version) in
                  (select * from unnest(${uuids(rows.map((r) => r.tenant_id))}, ${uuids(rows.map((r) => r.journey_id))},
                                        ${sql.param(rows.map((r) => r.version))}::int[]))`,
      );
      const byKey = new Map(extras.map((x) => [`${x.tenant_id}:${x.journey_id}:${x.version}`, x]));
      return rows.flatMap((r) => {
        const x = byKey.get(`${r.tenant_id}:${r.journey_id}:${r.version}`);
        if (!x) return [];
        return [
          {
            tenantId: r.tenant_id,
            id: r.id,
            journeyId: r.journey_id,
            version: r.version,
            customerId: r.customer_id,
            arm: r.arm,
            campaignId: x.campaign_id,
            timeZone: x.time_zone,
            definition: x.definition,
            leaseUntil: lease,
            state: {
              status: r.status,
              stepId: r.step_id,
              wakeAt: isoOrNull(r.wake_at),
              enteredAt: new Date(r.entered_at).toISOString(),
              endedAt: isoOrNull(r.ended_at),
              endReason: r.end_reason,
              visitedStepIds: r.visited_step_ids,
            },
          },
        ];
      });
    },

    /** Branch facts for a batch of customers of one tenant, from the newest succeeded scoring run. */
    async facts(tenantId: string, customerIds: readonly string[]): Promise<Map<string, CustomerFacts>> {
      const ids = uuids(customerIds);
      const customers = await rowsOf<{ id: string; tags: string[]; visit_count: number }>(
        orm,
        sql`select id, tags, visit_count from customers where tenant_id = ${tenantId}::uuid and id = any(${ids})`,
      );
      const attributes = await rowsOf<{ customer_id: string; attribute_id: string; value: AttributeValue }>(
        orm,
        sql`select customer_id, attribute_id, value from customer_attribute_values
            where tenant_id = ${tenantId}::uuid and customer_id = any(${ids})`,
      );
      const lastVisits = await rowsOf<{ customer_id: string; item_ids: string[] | null; categories: string[] | null }>(
        orm,
        sql`select distinct on (v.customer_id) v.customer_id,
                   (select array_agg(li.item_id) filter (where li.item_id is not null) from visit_line_items li
                      where li.tenant_id = v.tenant_id and li.visit_id = v.id) as item_ids,
                   (select array_agg(li.category) filter (where li.category is not null) from visit_line_items li
                      where li.tenant_id = v.tenant_id and li.visit_id = v.id) as categories
            from visits v where v.tenant_id = ${tenantId}::uuid and v.customer_id = any(${ids}) and v.status = 'completed'
            order by v.customer_id, v.started_at desc`,
      );
      const scores = await rowsOf<{
        customer_id: string;
        p_alive: number | null;
        clv_1y: number | null;
        segment: (typeof rfmSegments)[number];
      }>(
        orm,
        sql`select customer_id, p_alive, clv_1y, segment from customer_scores
            where tenant_id = ${tenantId}::uuid and customer_id = any(${ids})
              and run_id = (select id from model_runs where tenant_id = ${tenantId}::uuid and status = 'succeeded'
                            order by finished_at desc, id desc limit 1)`,
      );
      const attrs = new Map<string, Record<string, AttributeValue>>();
      for (const a of attributes) attrs.set(a.customer_id, { ...attrs.get(a.customer_id), [a.attribute_id]: a.value });
      const visits = new Map(lastVisits.map((v) => [v.customer_id, v]));
      const scored = new Map(scores.map((s) => [s.customer_id, s]));
      const out = new Map<string, CustomerFacts>();
      for (const c of customers) {
        const visit = visits.get(c.id);
        const score = scored.get(c.id);
        out.set(c.id, {
          attributes: attrs.get(c.id) ?? {},
          tags: c.tags,
          visitCount: c.visit_count,
          lastVisit: visit ? { itemIds: visit.item_ids ?? [], categories: visit.categories ?? [] } : null,
          pAlive: score?.p_alive ?? null,
          predictedClv: score?.clv_1y ?? null,
          rfmSegment: score?.segment ?? null,
        });
      }
      return out;
    },

    /** Stores the new state if this worker still holds the lease; false when another took it over. */
    async saveState(e: ClaimedEnrollment, state: JourneyEnrollmentState): Promise<boolean> {
      const rows = await rowsOf<{ id: string }>(
        orm,
        sql`update journey_enrollments set status = ${state.status}, step_id = ${state.stepId},
                   wake_at = ${state.wakeAt}::timestamptz, ended_at = ${state.endedAt}::timestamptz,
                   end_reason = ${state.endReason}, visited_step_ids = ${JSON.stringify(state.visitedStepIds)}::jsonb,
                   lease_until = null, updated_at = now()
            where tenant_id = ${e.tenantId}::uuid and id = ${e.id}::uuid and lease_until = ${e.leaseUntil}
            returning id`,
      );
      return rows.length > 0;
    },

    async addTag(tenantId: string, customerId: string, tag: string): Promise<void> {
      await rowsOf(
        orm,
        sql`update customers set tags = array_append(tags, ${tag}), updated_at = now()
            where tenant_id = ${tenantId}::uuid and id = ${customerId}::uuid and not (${tag} = any(tags))`,
      );
    },

    async notifyStaff(input: {
      tenantId: string;
      customerId: string;
      journeyId: string;
      sourceKey: string;
      message: string;
      at: Date;
    }): Promise<void> {
      await rowsOf(
        orm,
        sql`insert into staff_notifications (tenant_id, id, customer_id, journey_id, source_key, message, created_at)
            values (${input.tenantId}::uuid, ${newId()}::uuid, ${input.customerId}::uuid, ${input.journeyId}::uuid,
                    ${input.sourceKey}, ${input.message}, ${input.at})
            on conflict (tenant_id, source_key) do nothing`,
      );
    },
  };
}

export type JourneyRunStore = ReturnType<typeof journeyRunStore>;
