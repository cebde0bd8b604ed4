import type { AnalyticsResults } from '@kayoi/contracts';
import { localDateOf, type DataStore, type EarlierRunSnapshot } from '@kayoi/core';
import { loadAnalyticsInput, modelRunQueue, writeRefresh, type ClaimedRun, type Database } from '@kayoi/db';
import { parseDay } from '@kayoi/stats';
import type { ComputeRefresh } from './computeRefresh.js';

export interface RefreshDeps {
  db: Database;
  store: DataStore;
  clock: () => Date;
  compute: ComputeRefresh;
  log: (line: string) => void;
  heartbeatMs: number;
}

/** Earlier runs' mean predicted CLV per monitoring group: the last point of each stored series. */
export function snapshotsOf(
  runs: { endDate: string; monitoring: AnalyticsResults['monitoring'] }[],
): EarlierRunSnapshot[] {
  return runs.map((r) => ({
    endDay: parseDay(r.endDate)!,
    clvByGroup: Object.fromEntries(
      r.monitoring.map((view) => [
        view.dimension,
        Object.fromEntries(
          view.groups
            .map((g) => [g.group, g.points.at(-1)?.averagePredictedClv1y ?? null] as const)
            .filter((e): e is readonly [string, number] => e[1] !== null),
        ),
      ]),
    ),
  }));
}

/**
 * One claimed refresh, start to end: read the tenant's data as of today in its zone,
 * compute on the worker thread, write. A heartbeat marks the run alive meanwhile, so a run
 * whose process died is picked up again by another worker.
 */
export async function runRefreshJob(deps: RefreshDeps, run: ClaimedRun): Promise<void> {
  const queue = modelRunQueue(deps.db.orm);
  const heartbeat = setInterval(() => void queue.heartbeat(run).catch(() => undefined), deps.heartbeatMs);
  const started = performance.now();
  try {
    const repos = deps.store.forTenant(run.tenantId);
    const tenant = await repos.tenant.get();
    const endDate = localDateOf(deps.clock(), tenant.timeZone);
    const since = new Date(Date.parse(`${endDate}T00:00:00Z`) - 40 * 86_400_000).toISOString().slice(0, 10);
    const earlierRuns = snapshotsOf(await repos.analytics.monitoringSince(since));
    // Rows an earlier attempt of this run left behind are replaced by writeRefresh.
    const input = await loadAnalyticsInput(deps.db, {
      tenantId: run.tenantId,
      timeZone: tenant.timeZone,
      endDate,
      settings: tenant.settings.analytics,
      earlierRuns,
    });
    const loaded = performance.now();
    const output = await deps.compute(input);
    const computed = performance.now();
    output.diagnostics.seconds.load = Number(((loaded - started) / 1000).toFixed(3));
    output.diagnostics.seconds.compute = Number(((computed - loaded) / 1000).toFixed(3));
    await writeRefresh(deps.db, run.tenantId, run.runId, output);
    deps.log(
      `analytics refresh ${run.runId} of ${tenant.name}: ${output.diagnostics.customers} customers, ` +
        `${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    clearInterval(heartbeat);
  }
}
