import { localDateOf, type DataStore } from '@kayoi/core';
import { journeyScanStore, type Database } from '@kayoi/db';
import { errorText, pollingLoop } from '../pollingLoop.js';
import { runDueEnrollments } from './runDueEnrollments.js';
import { daysToScan, scanDailyTriggers } from './scanDailyTriggers.js';
import { scanNewVisits } from './scanVisits.js';

export interface JourneyWorkerDeps {
  db: Database;
  store: DataStore;
  clock: () => Date;
  log: (line: string) => void;
  batchSize?: number;
  leaseSeconds?: number;
  pollMs?: number;
}

export interface JourneyWorker {
  start(): void;
  stop(): Promise<void>;
  /** Scans triggers, then advances due enrollments until none is due now; answers enrollments advanced. */
  drain(): Promise<number>;
}

/**
 * The journey worker: enrols customers from new visits and the daily triggers, then runs due
 * enrollments, whose sends land in the deliveries outbox for the delivery worker. Any number
 * may run against one PostgreSQL database: scans are leased per tenant, enrollments per row.
 */
export function buildJourneyWorker(deps: JourneyWorkerDeps): JourneyWorker {
  const scans = journeyScanStore(deps.db.orm);
  const leaseSeconds = deps.leaseSeconds ?? 120;
  const batchSize = deps.batchSize ?? 200;

  async function scanTenant(tenantId: string): Promise<void> {
    const now = deps.clock();
    const cursor = await scans.claimScan(tenantId, now, leaseSeconds);
    if (!cursor) return;
    try {
      const journeys = await scans.activeJourneys(tenantId);
      await scanNewVisits(scans, cursor, journeys, now);
      const today = localDateOf(now, cursor.timeZone);
      if (cursor.lastDailyScanOn === null || cursor.lastDailyScanOn < today) {
        const days = daysToScan(cursor.lastDailyScanOn, today);
        const n = await scanDailyTriggers({
          store: scans,
          data: deps.store,
          tenantId,
          timeZone: cursor.timeZone,
          journeys,
          days,
          now,
        });
        await scans.saveScan(tenantId, { lastDailyScanOn: today });
        if (n > 0) deps.log(`journeys ${tenantId}: ${n} enrolled on ${today}`);
      }
    } finally {
      await scans.releaseScan(tenantId);
    }
  }

  async function drain(): Promise<number> {
    for (const tenantId of await scans.tenantsWithActiveJourneys()) await scanTenant(tenantId);
    let advanced = 0;
    for (;;) {
      const n = await runDueEnrollments(deps.db, deps.clock(), { batchSize, leaseSeconds });
      advanced += n;
      if (n === 0) return advanced;
    }
  }

  const loop = pollingLoop(drain, deps.pollMs ?? 5_000, (err) => deps.log(`journey worker: ${errorText(err)}`));
  return { start: loop.start, stop: loop.stop, drain };
}
