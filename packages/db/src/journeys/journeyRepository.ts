import type { Journey, JourneyDefinition, JourneyEnrollment, JourneyEndReason } from '@kayoi/contracts';
import type { ArmTotals, JourneyRepository } from '@kayoi/core';
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Orm } from '../database.js';
import { decodeCursor, encodeCursor, iso, newId } from '../repositories/shared.js';
import { staffNotificationQueries } from './staffNotificationQueries.js';

interface JourneyRow {
  id: string;
  name: string;
  status: Journey['status'];
  current_version: number;
  campaign_id: string;
  preset_key: string | null;
  created_at: Date | string;
  updated_at: Date | string;
  definition: JourneyDefinition;
  holdout_percent: number;
  outcome_kind: 'visit' | 'revenue';
  outcome_days: number;
  active_enrollments: number;
}

const toJourney = (r: JourneyRow): Journey => ({
  id: r.id,
  name: r.name,
  status: r.status,
  version: r.current_version,
  definition: r.definition,
  holdoutPercent: r.holdout_percent,
  outcome: { kind: r.outcome_kind, days: r.outcome_days },
  campaignId: r.campaign_id,
  presetKey: r.preset_key,
  activeEnrollments: r.active_enrollments,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
});

interface EnrollmentRow {
  id: string;
  customer_id: string;
  version: number;
  arm: 'a' | 'holdout';
  status: JourneyEnrollment['status'];
  step_id: string | null;
  wake_at: Date | string | null;
  entered_at: Date | string;
  ended_at: Date | string | null;
  end_reason: JourneyEndReason | null;
}

const toEnrollment = (r: EnrollmentRow): JourneyEnrollment => ({
  id: r.id,
  customerId: r.customer_id,
  version: r.version,
  arm: r.arm,
  status: r.status,
  stepId: r.step_id,
  wakeAt: iso(r.wake_at),
  enteredAt: iso(r.entered_at),
  endedAt: iso(r.ended_at),
  endReason: r.end_reason,
});

const emptyTotals: ArmTotals = { customers: 0, converted: 0, visits: 0, revenue: 0, revenueSquares: 0 };

export function journeyRepository(orm: Orm, tenantId: string): JourneyRepository {
  const select = async (where: SQL) =>
    (
      await rowsOf<JourneyRow>(
        orm,
        sql`select j.id, j.name, j.status, j.current_version, j.campaign_id, j.preset_key, j.created_at, j.updated_at,
                   v.definition, c.holdout_percent, c.outcome_kind, c.outcome_days,
                   (select count(*) from journey_enrollments e where e.tenant_id = j.tenant_id and e.journey_id = j.id
                      and e.status = 'active')::int as active_enrollments
            from journeys j
            join journey_versions v on v.tenant_id = j.tenant_id and v.journey_id = j.id and v.version = j.current_version
            join campaigns c on c.tenant_id = j.tenant_id and c.id = j.campaign_id
            where j.tenant_id = ${tenantId}::uuid and ${where}
            order by j.created_at desc, j.id desc`,
      )
    ).map(toJourney);
  const findById = async (id: string) => (await select(sql`j.id = ${id}::uuid`))[0] ?? null;
  // One after another: inside a transaction the statements share one connection.
  const exec = (query: SQL) => rowsOf(orm, query);

  return {
    ...staffNotificationQueries(orm, tenantId),

    list: () => select(sql`true`),
    findById,

    async insert(input, actor) {
      const id = newId();
      const campaignId = newId();
      await exec(
        sql`insert into campaigns (tenant_id, id, kind, name, templates, holdout_percent, outcome_kind, outcome_days,
                                   created_by, updated_by)
            values (${tenantId}::uuid, ${campaignId}::uuid, 'journey', ${input.name}, '{}'::jsonb,
                    ${input.holdoutPercent}, ${input.outcome.kind}, ${input.outcome.days}, ${actor}::uuid, ${actor}::uuid)`,
      );
      await exec(
        sql`insert into journeys (tenant_id, id, name, current_version, campaign_id, preset_key, created_by, updated_by)
            values (${tenantId}::uuid, ${id}::uuid, ${input.name}, 1, ${campaignId}::uuid, ${input.presetKey},
                    ${actor}::uuid, ${actor}::uuid)`,
      );
      await exec(
        sql`insert into journey_versions (tenant_id, journey_id, version, definition, created_by)
            values (${tenantId}::uuid, ${id}::uuid, 1, ${JSON.stringify(input.definition)}::jsonb, ${actor}::uuid)`,
      );
      return (await findById(id))!;
    },

    async update(id, patch, actor) {
      const [row] = await rowsOf<{ current_version: number; campaign_id: string }>(
        orm,
        sql`update journeys set name = coalesce(${patch.name ?? null}, name), updated_by = ${actor}::uuid,
                   updated_at = now(), current_version = current_version + ${patch.definition ? 1 : 0}
            where tenant_id = ${tenantId}::uuid and id = ${id}::uuid
            returning current_version, campaign_id`,
      );
      if (!row) return null;
      if (patch.definition) {
        await exec(
          sql`insert into journey_versions (tenant_id, journey_id, version, definition, created_by)
              values (${tenantId}::uuid, ${id}::uuid, ${row.current_version}, ${JSON.stringify(patch.definition)}::jsonb,
                      ${actor}::uuid)`,
        );
      }
      await exec(
        sql`update campaigns set name = coalesce(${patch.name ?? null}, name),
                   holdout_percent = coalesce(${patch.holdoutPercent ?? null}::smallint, holdout_percent),
                   outcome_kind = coalesce(${patch.outcome?.kind ?? null}, outcome_kind),
                   outcome_days = coalesce(${patch.outcome?.days ?? null}::smallint, outcome_days),
                   updated_by = ${actor}::uuid, updated_at = now()
            where tenant_id = ${tenantId}::uuid and id = ${row.campaign_id}::uuid`,
      );
      return findById(id);
    },

    async setStatus(id, status, actor) {
      const rows = await rowsOf<{ id: string }>(
        orm,
        sql`update journeys set status = ${status}, updated_by = ${actor}::uuid, updated_at = now()
            where tenant_id = ${tenantId}::uuid and id = ${id}::uuid returning id`,
      );
      return rows.length > 0 ? findById(id) : null;
    },

    async versions(id) {
      const rows = await rowsOf<{
        version: number;
        definition: JourneyDefinition;
        created_at: Date | string;
        created_by: string | null;
      }>(
        orm,
        sql`select version, definition, created_at, created_by from journey_versions
            where tenant_id = ${tenantId}::uuid and journey_id = ${id}::uuid order by version desc`,
      );
      return rows.map((r) => ({
        version: r.version,
        definition: r.definition,
        createdAt: iso(r.created_at),
        createdBy: r.created_by,
      }));
    },

    async enrollments(id, query) {
      const after = decodeCursor(query.cursor, 1);
      const where: SQL[] = [sql`tenant_id = ${tenantId}::uuid`, sql`journey_id = ${id}::uuid`];
      if (query.status) where.push(sql`status = ${query.status}`);
      if (after) where.push(sql`id < ${after[0]}::uuid`);
      const rows = await rowsOf<EnrollmentRow>(
        orm,
        sql`select id, customer_id, version, arm, status, step_id, wake_at, entered_at, ended_at, end_reason
            from journey_enrollments where ${sql.join(where, sql` and `)}
            order by id desc limit ${query.limit + 1}`,
      );
      const items = rows.slice(0, query.limit).map(toEnrollment);
      const last = items.at(-1);
      return { items, nextCursor: rows.length > query.limit && last ? encodeCursor([last.id]) : null };
    },

    async armTotals(id, days) {
      const rows = await rowsOf<
        { arm: 'a' | 'holdout'; last_entered_at: Date | string | null } & Record<keyof ArmTotals, number>
      >(
        orm,
        sql`select e.arm, count(*)::int as customers,
                   count(*) filter (where coalesce(v.visits, 0) > 0)::int as converted,
                   coalesce(sum(v.visits), 0)::int as visits,
                   coalesce(sum(v.revenue), 0)::float8 as revenue,
                   coalesce(sum(v.revenue::float8 * v.revenue::float8), 0)::float8 as "revenueSquares",
                   max(e.entered_at) as last_entered_at
            from journey_enrollments e
            left join lateral (
              select count(*) as visits, sum(x.total) as revenue from visits x
              where x.tenant_id = e.tenant_id and x.customer_id = e.customer_id and x.status = 'completed'
                and x.started_at > e.entered_at and x.started_at < e.entered_at + make_interval(days => ${days}::int)
            ) v on true
            where e.tenant_id = ${tenantId}::uuid and e.journey_id = ${id}::uuid
            group by e.arm`,
      );
      const totals = { a: emptyTotals, holdout: emptyTotals, lastEnteredAt: null as Date | null };
      for (const r of rows) {
        totals[r.arm] = {
          customers: r.customers,
          converted: r.converted,
          visits: r.visits,
          revenue: Number(r.revenue),
          revenueSquares: Number(r.revenueSquares),
        };
        const last = r.last_entered_at ? new Date(r.last_entered_at) : null;
        if (last && (!totals.lastEnteredAt || last > totals.lastEnteredAt)) totals.lastEnteredAt = last;
      }
      return totals;
    },

    async ensureScanCursor() {
      await exec(
        sql`insert into journey_scan_cursors (tenant_id, last_visit_created_at, last_visit_id)
            select ${tenantId}::uuid, v.created_at, v.id from (select 1) one
            left join lateral (select created_at, id from visits where tenant_id = ${tenantId}::uuid
                               order by created_at desc, id desc limit 1) v on true
            on conflict (tenant_id) do nothing`,
      );
    },
  };
}
