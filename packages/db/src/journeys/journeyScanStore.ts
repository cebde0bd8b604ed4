import type { JourneyDefinition } from '@kayoi/contracts';
import { sql } from 'drizzle-orm';
import { rowsOf, type Orm } from '../database.js';
import { newId } from '../repositories/shared.js';
import { journeyDailyData } from './journeyDailyData.js';

export type { VisitHistoryRow } from './journeyDailyData.js';

const uuids = (ids: readonly string[]) => sql`${sql.param([...ids])}::uuid[]`;

export interface ActiveJourney {
  readonly id: string;
  readonly version: number;
  readonly definition: JourneyDefinition;
  readonly holdoutPercent: number;
  readonly campaignId: string;
  readonly segmentSnapshotOn: string | null;
}

export interface ScanCursor {
  readonly tenantId: string;
  readonly timeZone: string;
  /** As PostgreSQL prints it: a Date would drop the microseconds and read the last visit again. */
  readonly lastVisitCreatedAt: string | null;
  readonly lastVisitId: string | null;
  readonly lastDailyScanOn: string | null;
}

export interface ScannedVisit {
  readonly id: string;
  readonly customerId: string;
  readonly startedAt: Date;
  readonly createdAt: string;
  readonly isFirstVisit: boolean;
  readonly itemIds: string[];
  readonly categories: string[];
}

/**
 * What the journey worker's scans read and write, per tenant. A tenant's scan is claimed with
 * a lease on its cursor row, so two workers never enrol from the same visits at once. The
 * visit scan and enrolments are here; what the daily triggers read is in journeyDailyData.ts.
 */
export function journeyScanStore(orm: Orm) {
  return {
    ...journeyDailyData(orm),

    async tenantsWithActiveJourneys(): Promise<string[]> {
      const rows = await rowsOf<{ tenant_id: string }>(
        orm,
        sql`select distinct tenant_id from journeys where status = 'active'`,
      );
      return rows.map((r) => r.tenant_id);
    },

    async claimScan(tenantId: string, now: Date, leaseSeconds: number): Promise<ScanCursor | null> {
      const lease = new Date(now.getTime() + leaseSeconds * 1000);
      const [row] = await rowsOf<{
        time_zone: string;
        last_visit_created_at: string | null;
        last_visit_id: string | null;
        last_daily_scan_on: string | null;
      }>(
        orm,
        sql`update journey_scan_cursors c set lease_until = ${lease}
            from tenants t
            where c.tenant_id = ${tenantId}::uuid and t.tenant_id = c.tenant_id
              and (c.lease_until is null or c.lease_until < ${now})
            returning t.time_zone, c.last_visit_created_at::text, c.last_visit_id, c.last_daily_scan_on::text`,
      );
      if (!row) return null;
      return {
        tenantId,
        timeZone: row.time_zone,
        lastVisitCreatedAt: row.last_visit_created_at,
        lastVisitId: row.last_visit_id,
        lastDailyScanOn: row.last_daily_scan_on,
      };
    },

    async saveScan(
      tenantId: string,
      patch: { lastVisitCreatedAt?: string | null; lastVisitId?: string | null; lastDailyScanOn?: string },
    ): Promise<void> {
      await rowsOf(
        orm,
        sql`update journey_scan_cursors set
              last_visit_created_at = ${patch.lastVisitId ? sql`${patch.lastVisitCreatedAt}::timestamptz` : sql`last_visit_created_at`},
              last_visit_id = ${patch.lastVisitId ? sql`${patch.lastVisitId}::uuid` : sql`last_visit_id`},
              last_daily_scan_on = ${patch.lastDailyScanOn ? sql`${patch.lastDailyScanOn}::date` : sql`last_daily_scan_on`}
            where tenant_id = ${tenantId}::uuid`,
      );
    },

    async releaseScan(tenantId: string): Promise<void> {
      await rowsOf(orm, sql`update journey_scan_cursors set lease_until = null where tenant_id = ${tenantId}::uuid`);
    },

    async activeJourneys(tenantId: string): Promise<ActiveJourney[]> {
      const rows = await rowsOf<{
        id: string;
        current_version: number;
        definition: JourneyDefinition;
        holdout_percent: number;
        campaign_id: string;
        segment_snapshot_on: string | null;
      }>(
        orm,
        sql`select j.id, j.current_version, v.definition, c.holdout_percent, j.campaign_id,
                   j.segment_snapshot_on::text as segment_snapshot_on
            from journeys j
            join journey_versions v on v.tenant_id = j.tenant_id and v.journey_id = j.id and v.version = j.current_version
            join campaigns c on c.tenant_id = j.tenant_id and c.id = j.campaign_id
            where j.tenant_id = ${tenantId}::uuid and j.status = 'active'
            order by j.created_at, j.id`,
      );
      return rows.map((r) => ({
        id: r.id,
        version: r.current_version,
        definition: r.definition,
        holdoutPercent: r.holdout_percent,
        campaignId: r.campaign_id,
        segmentSnapshotOn: r.segment_snapshot_on,
      }));
    },

    /** Visits recorded after the cursor, oldest first; voided ones are skipped but move the cursor. */
    async visitsAfter(cursor: ScanCursor, limit: number): Promise<(ScannedVisit & { voided: boolean })[]> {
      const after =
        cursor.lastVisitCreatedAt && cursor.lastVisitId
          ? sql`and (v.created_at, v.id) > (${cursor.lastVisitCreatedAt}::timestamptz, ${cursor.lastVisitId}::uuid)`
          : sql``;
      const rows = await rowsOf<{
        id: string;
        customer_id: string;
        started_at: Date | string;
        created_at: string;
        status: string;
        earlier: number;
        item_ids: string[] | null;
        categories: string[] | null;
      }>(
        orm,
        sql`select v.id, v.customer_id, v.started_at, v.created_at::text as created_at, v.status,
                   (select count(*) from visits p where p.tenant_id = v.tenant_id and p.customer_id = v.customer_id
                      and p.status = 'completed' and p.started_at < v.started_at)::int as earlier,
                   (select array_agg(li.item_id) filter (where li.item_id is not null) from visit_line_items li
                      where li.tenant_id = v.tenant_id and li.visit_id = v.id) as item_ids,
                   (select array_agg(li.category) filter (where li.category is not null) from visit_line_items li
                      where li.tenant_id = v.tenant_id and li.visit_id = v.id) as categories
            from visits v where v.tenant_id = ${cursor.tenantId}::uuid ${after}
            order by v.created_at, v.id limit ${limit}`,
      );
      return rows.map((r) => ({
        id: r.id,
        customerId: r.customer_id,
        startedAt: new Date(r.started_at),
        createdAt: r.created_at,
        voided: r.status !== 'completed',
        isFirstVisit: r.earlier === 0,
        itemIds: r.item_ids ?? [],
        categories: r.categories ?? [],
      }));
    },

    /** The customer's latest enrollment in this journey, for the re-entry rule. */
    async latestEnrollment(
      tenantId: string,
      journeyId: string,
      customerId: string,
    ): Promise<{ status: 'active' | 'completed' | 'exited'; endedAt: Date | null } | null> {
      const [row] = await rowsOf<{ status: 'active' | 'completed' | 'exited'; ended_at: Date | string | null }>(
        orm,
        sql`select status, ended_at from journey_enrollments
            where tenant_id = ${tenantId}::uuid and journey_id = ${journeyId}::uuid and customer_id = ${customerId}::uuid
            order by (status = 'active') desc, entered_at desc limit 1`,
      );
      return row ? { status: row.status, endedAt: row.ended_at ? new Date(row.ended_at) : null } : null;
    },

    async insertEnrollment(input: {
      tenantId: string;
      journeyId: string;
      version: number;
      customerId: string;
      arm: 'a' | 'holdout';
      entryKey: string;
      stepId: string;
      enteredAt: Date;
    }): Promise<boolean> {
      const rows = await rowsOf<{ id: string }>(
        orm,
        sql`insert into journey_enrollments (tenant_id, id, journey_id, version, customer_id, arm, entry_key, status,
                                             step_id, entered_at)
            values (${input.tenantId}::uuid, ${newId()}::uuid, ${input.journeyId}::uuid, ${input.version},
                    ${input.customerId}::uuid, ${input.arm}, ${input.entryKey}, 'active', ${input.stepId}, ${input.enteredAt})
            on conflict (tenant_id, journey_id, customer_id, entry_key) do nothing
            returning id`,
      );
      return rows.length > 0;
    },

    /** Active enrollments of this customer in the given journeys, with their versions' definitions. */
    async activeEnrollmentsOf(
      tenantId: string,
      customerId: string,
      journeyIds: readonly string[],
    ): Promise<{ id: string; journeyId: string; definition: JourneyDefinition; enteredAt: Date }[]> {
      if (journeyIds.length === 0) return [];
      const rows = await rowsOf<{
        id: string;
        journey_id: string;
        definition: JourneyDefinition;
        entered_at: Date | string;
      }>(
        orm,
        sql`select e.id, e.journey_id, v.definition, e.entered_at from journey_enrollments e
            join journey_versions v on v.tenant_id = e.tenant_id and v.journey_id = e.journey_id and v.version = e.version
            where e.tenant_id = ${tenantId}::uuid and e.customer_id = ${customerId}::uuid and e.status = 'active'
              and e.journey_id = any(${uuids(journeyIds)})`,
      );
      return rows.map((r) => ({
        id: r.id,
        journeyId: r.journey_id,
        definition: r.definition,
        enteredAt: new Date(r.entered_at),
      }));
    },

    async endEnrollment(tenantId: string, id: string, endedAt: Date, reason: string): Promise<void> {
      await rowsOf(
        orm,
        sql`update journey_enrollments set status = 'exited', end_reason = ${reason}, ended_at = ${endedAt},
                   wake_at = null, updated_at = now()
            where tenant_id = ${tenantId}::uuid and id = ${id}::uuid and status = 'active'`,
      );
    },
  };
}

export type JourneyScanStore = ReturnType<typeof journeyScanStore>;
