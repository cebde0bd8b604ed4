import type { AnalyticsResults, ModelDiagnostics, ModelRun } from '@kayoi/contracts';
import { sql } from 'drizzle-orm';
import { rowsOf, type Orm } from '../database.js';
import { iso, newId } from '../repositories/shared.js';

interface RunRow {
  id: string;
  tenant_id: string;
  status: ModelRun['status'];
  trigger: ModelRun['trigger'];
  end_date: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  error: string | null;
  diagnostics: ModelDiagnostics | null;
  attempts: number;
}

const runColumns = sql.raw(`id, tenant_id, status, trigger, end_date, created_at::text as created_at,
  started_at::text as started_at, finished_at::text as finished_at, error, diagnostics, attempts`);

export const toModelRun = (r: RunRow): ModelRun => ({
  id: r.id,
  status: r.status,
  trigger: r.trigger,
  endDate: r.end_date,
  createdAt: iso(r.created_at),
  startedAt: iso(r.started_at),
  finishedAt: iso(r.finished_at),
  error: r.error,
  diagnostics: r.diagnostics,
});

export type ViewKey = keyof AnalyticsResults;

/** The runs of one tenant: asking for a refresh, reading runs and the newest results. */
export function modelRunRepository(orm: Orm, tenantId: string) {
  const latestSucceeded = sql`select ${runColumns} from model_runs
    where tenant_id = ${tenantId} and status = 'succeeded' order by finished_at desc, id desc limit 1`;
  return {
    /**
     * Queues a refresh unless one is already waiting or running (then that one is returned):
     * the unique index on active runs makes this hold across processes too. A nightly
     * request names its local date, and a second request for the same date changes nothing.
     */
    async request(input: {
      trigger: ModelRun['trigger'];
      requestedBy: string | null;
      nightlyDate?: string | undefined;
    }): Promise<{ run: ModelRun; created: boolean } | null> {
      const id = newId();
      // A nightly run is skipped when today is covered already: a refresh waiting or running,
      // or one that finished today (the manual "refresh now" of the afternoon counts).
      const nightlyCovered =
        input.nightlyDate === undefined
          ? sql`false`
          : sql`exists (select 1 from model_runs where tenant_id = ${tenantId}
                  and (status in ('queued', 'running') or (status = 'succeeded' and end_date >= ${input.nightlyDate})))`;
      const inserted = await rowsOf<RunRow>(
        orm,
        sql`insert into model_runs (tenant_id, id, status, trigger, requested_by, nightly_date)
            select ${tenantId}, ${id}, 'queued', ${input.trigger}, ${input.requestedBy}, ${input.nightlyDate ?? null}
             where not ${nightlyCovered}
            on conflict do nothing returning ${runColumns}`,
      );
      if (inserted[0]) return { run: toModelRun(inserted[0]), created: true };
      if (input.nightlyDate !== undefined) {
        const [done] = await rowsOf<RunRow>(
          orm,
          sql`select ${runColumns} from model_runs where tenant_id = ${tenantId} and nightly_date = ${input.nightlyDate}`,
        );
        if (done) return { run: toModelRun(done), created: false };
      }
      const [active] = await rowsOf<RunRow>(
        orm,
        sql`select ${runColumns} from model_runs where tenant_id = ${tenantId} and status in ('queued', 'running')`,
      );
      return active ? { run: toModelRun(active), created: false } : null;
    },

    async get(runId: string): Promise<ModelRun | null> {
      const [row] = await rowsOf<RunRow>(
        orm,
        sql`select ${runColumns} from model_runs where tenant_id = ${tenantId} and id = ${runId}`,
      );
      return row ? toModelRun(row) : null;
    },

    async list(limit: number): Promise<ModelRun[]> {
      const rows = await rowsOf<RunRow>(
        orm,
        sql`select ${runColumns} from model_runs where tenant_id = ${tenantId} order by created_at desc, id desc limit ${limit}`,
      );
      return rows.map(toModelRun);
    },

    async latestSucceeded(): Promise<ModelRun | null> {
      const [row] = await rowsOf<RunRow>(orm, latestSucceeded);
      return row ? toModelRun(row) : null;
    },

    /** One view of the newest succeeded run; only that part of the stored results is read. */
    async latestView<K extends ViewKey>(key: K): Promise<{ run: ModelRun; view: AnalyticsResults[K] } | null> {
      const [row] = await rowsOf<RunRow & { view: AnalyticsResults[K] }>(
        orm,
        sql`select ${runColumns}, results -> ${key} as view from model_runs
            where tenant_id = ${tenantId} and status = 'succeeded' order by finished_at desc, id desc limit 1`,
      );
      return row && row.view !== null ? { run: toModelRun(row), view: row.view } : null;
    },

    /** Monitoring views of succeeded runs that ended on or after `fromDate`, oldest first. */
    async monitoringSince(
      fromDate: string,
    ): Promise<{ endDate: string; monitoring: AnalyticsResults['monitoring'] }[]> {
      const rows = await rowsOf<{ end_date: string; monitoring: AnalyticsResults['monitoring'] | null }>(
        orm,
        sql`select end_date, results -> 'monitoring' as monitoring from model_runs
            where tenant_id = ${tenantId} and status = 'succeeded' and end_date >= ${fromDate}
            order by end_date, finished_at`,
      );
      return rows.filter((r) => r.monitoring !== null).map((r) => ({ endDate: r.end_date, monitoring: r.monitoring! }));
    },
  };
}
export type ModelRunRepository = ReturnType<typeof modelRunRepository>;

export interface ClaimedRun {
  tenantId: string;
  runId: string;
  attempts: number;
}

/**
 * The workers' side, across tenants. A run is claimed with FOR UPDATE SKIP LOCKED, so two
 * workers never take the same one; a running run whose worker stopped sending heartbeats
 * (it crashed, or the machine restarted) is claimed again, up to a number of attempts.
 */
export function modelRunQueue(orm: Orm) {
  return {
    async claimNext(staleAfterSeconds: number, maxAttempts: number): Promise<ClaimedRun | null> {
      // Runs that used up their attempts are closed first, so they stop being candidates.
      await rowsOf(
        orm,
        sql`update model_runs set status = 'failed', finished_at = now(),
              error = coalesce(error, 'the worker stopped while running it, ' || attempts || ' times')
            where status = 'running' and attempts >= ${maxAttempts}
              and heartbeat_at < now() - make_interval(secs => ${staleAfterSeconds})`,
      );
      const [row] = await rowsOf<{ tenant_id: string; id: string; attempts: number }>(
        orm,
        sql`update model_runs r set status = 'running', started_at = now(), heartbeat_at = now(),
              attempts = r.attempts + 1, error = null
            from (select tenant_id, id from model_runs
                  where status = 'queued'
                     or (status = 'running' and heartbeat_at < now() - make_interval(secs => ${staleAfterSeconds}))
                  order by created_at limit 1 for update skip locked) next
            where r.tenant_id = next.tenant_id and r.id = next.id
            returning r.tenant_id, r.id, r.attempts`,
      );
      return row ? { tenantId: row.tenant_id, runId: row.id, attempts: row.attempts } : null;
    },

    async heartbeat(run: ClaimedRun): Promise<void> {
      await rowsOf(
        orm,
        sql`update model_runs set heartbeat_at = now() where tenant_id = ${run.tenantId} and id = ${run.runId} and status = 'running'`,
      );
    },

    /** Records a failure: back to the queue while attempts remain, failed for good otherwise. */
    async fail(run: ClaimedRun, error: string, retry: boolean): Promise<void> {
      await rowsOf(
        orm,
        sql`update model_runs set status = ${retry ? 'queued' : 'failed'}, error = ${error.slice(0, 2000)},
              finished_at = ${retry ? null : sql`now()`}
            where tenant_id = ${run.tenantId} and id = ${run.runId}`,
      );
    },
  };
}
export type ModelRunQueue = ReturnType<typeof modelRunQueue>;
