import { localDateOf, type DataStore } from '@kayoi/core';
import { modelRunQueue, type Database } from '@kayoi/db';
import type { ComputeRefresh } from './computeRefresh.js';
import { runRefreshJob } from './refreshJob.js';

export interface WorkerDeps {
  db: Database;
  store: DataStore;
  clock: () => Date;
  compute: ComputeRefresh;
  log: (line: string) => void;
  /** How often to look for queued runs when idle. */
  pollMs?: number;
  /** How often to check which tenants are due for their nightly refresh. */
  scheduleMs?: number;
  heartbeatMs?: number;
  /** A running run without a heartbeat for this long is taken over. */
  staleAfterSeconds?: number;
  maxAttempts?: number;
}

export interface KayoiWorker {
  start(): void;
  /** Finishes the run in progress, then stops. */
  stop(): Promise<void>;
  /** Queues due nightly runs and works through the queue until it is empty; for tests and the CLI. */
  drain(): Promise<number>;
}

/**
 * The background worker: nightly scheduling and the refresh queue. One process may run one
 * (with `kayoi start` it lives beside the API on the embedded database); on PostgreSQL any
 * number run side by side, the database handing each run to exactly one.
 */
export function buildWorker(deps: WorkerDeps): KayoiWorker {
  const queue = modelRunQueue(deps.db.orm);
  const pollMs = deps.pollMs ?? 5_000;
  const scheduleMs = deps.scheduleMs ?? 60_000;
  const staleAfterSeconds = deps.staleAfterSeconds ?? 120;
  const maxAttempts = deps.maxAttempts ?? 3;
  const jobDeps = { ...deps, heartbeatMs: deps.heartbeatMs ?? 10_000 };
  let running = false;
  let timer: NodeJS.Timeout | null = null;
  let busy: Promise<unknown> = Promise.resolve();
  let lastSchedule = 0;

  /** Queues today's nightly run of every tenant whose local hour has come; a second call is a no-op. */
  async function scheduleNightly(): Promise<void> {
    const now = deps.clock();
    for (const tenant of await deps.store.directory.list()) {
      const settings = tenant.settings.analytics;
      if (!settings.nightlyRefresh) continue;
      const hour = Number(
        new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone: tenant.timeZone }).format(now),
      );
      if (hour < settings.nightlyHour) continue;
      await deps.store
        .forTenant(tenant.id)
        .analytics.request({ trigger: 'nightly', requestedBy: null, nightlyDate: localDateOf(now, tenant.timeZone) });
    }
  }

  async function workOne(): Promise<boolean> {
    const run = await queue.claimNext(staleAfterSeconds, maxAttempts);
    if (!run) return false;
    try {
      await runRefreshJob(jobDeps, run);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      deps.log(`analytics refresh ${run.runId} failed (attempt ${run.attempts}): ${message}`);
      await queue.fail(run, message, run.attempts < maxAttempts);
    }
    return true;
  }

  async function drain(): Promise<number> {
    await scheduleNightly();
    let done = 0;
    while (await workOne()) done++;
    return done;
  }

  async function tick(): Promise<void> {
    if (!running) return;
    try {
      if (Date.now() - lastSchedule >= scheduleMs) {
        lastSchedule = Date.now();
        await scheduleNightly();
      }
      while (running && (await workOne()));
    } catch (err) {
      // The database may be briefly unreachable; the next tick tries again.
      deps.log(`analytics worker: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (running) timer = setTimeout(() => (busy = tick()), pollMs);
  }

  return {
    start() {
      if (running) return;
      running = true;
      busy = tick();
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      await busy;
    },
    drain,
  };
}
