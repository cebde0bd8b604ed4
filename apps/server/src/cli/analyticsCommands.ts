import { ephemeralUnsubscribeTokens, unsubscribeTokens } from '../security/unsubscribeTokens.js';
import { buildWorker } from '../worker/buildWorker.js';
import { buildDeliveryWorker } from '../worker/delivery/buildDeliveryWorker.js';
import { buildJourneyWorker } from '../worker/journeys/buildJourneyWorker.js';
import { computeOnWorkerThread } from '../worker/computeRefresh.js';
import { CliError, ensureTenantOrThrow, withDatabase } from './withDatabase.js';

const log = (line: string) => process.stderr.write(`${line}\n`);

/**
 * `kayoi analytics refresh --tenant ID`: queues a refresh (or joins the one already queued)
 * and works the queue in this process until that run has ended. A worker elsewhere may take
 * it first; then this waits for that worker to finish it.
 */
export function analyticsRefreshCommand(options: { tenant: string }): Promise<number> {
  return withDatabase(async ({ db, store }) => {
    await ensureTenantOrThrow(store, options.tenant);
    const repos = store.forTenant(options.tenant);
    const requested = await repos.analytics.request({ trigger: 'cli', requestedBy: null });
    if (!requested) throw new CliError('The refresh could not be queued; try again.');
    const worker = buildWorker({ db, store, clock: () => new Date(), compute: computeOnWorkerThread, log });
    for (;;) {
      await worker.drain();
      const run = await repos.analytics.get(requested.run.id);
      if (run && (run.status === 'succeeded' || run.status === 'failed')) {
        process.stdout.write(`${JSON.stringify(run)}\n`);
        if (run.status === 'failed') throw new CliError(`The refresh failed: ${run.error ?? 'unknown error'}`);
        return 0;
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  });
}

/** `kayoi worker`: the analytics, journey and sending workers, without the API, until a stop signal. */
export function workerCommand(): Promise<number> {
  return withDatabase(async ({ db, store, config }) => {
    const stopRequested = new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    });
    const worker = buildWorker({ db, store, clock: () => new Date(), compute: computeOnWorkerThread, log });
    const sender = buildDeliveryWorker({
      db,
      store,
      clock: () => new Date(),
      log,
      unsubscribeTokens: config.unsubscribeSecret
        ? unsubscribeTokens(config.unsubscribeSecret)
        : ephemeralUnsubscribeTokens(),
      publicUrl: config.publicUrl ?? `http://localhost:${config.port}`,
      channels: { lineBaseUrl: config.lineApiUrl, smtpConnections: 8 },
      webhookTargets: config.webhookPrivateTargets ? 'any' : 'public',
    });
    const journeys = buildJourneyWorker({ db, store, clock: () => new Date(), log });
    worker.start();
    sender.start();
    journeys.start();
    log(
      `Kayoi worker running: analytics, journeys and sending (${config.databaseUrl ? 'PostgreSQL' : 'embedded database'}).`,
    );
    await stopRequested;
    await Promise.all([worker.stop(), sender.stop(), journeys.stop()]);
    return 0;
  });
}
