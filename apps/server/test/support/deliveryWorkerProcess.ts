/**
 * A sending worker in its own process, for the crash test: the parent kills it with SIGKILL
 * in the middle of a broadcast, as a machine failure would, and starts another.
 * Configured through the environment; says 'ready' over IPC once it runs.
 */
import { createDataStore, openDatabase } from '@kayoi/db';
import { unsubscribeTokens } from '../../src/security/unsubscribeTokens.js';
import { buildDeliveryWorker } from '../../src/worker/delivery/buildDeliveryWorker.js';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const db = await openDatabase({ databaseUrl: env('KAYOI_CRASH_DATABASE_URL'), poolSize: 4 });
const worker = buildDeliveryWorker({
  db,
  store: createDataStore(db),
  clock: () => new Date(),
  log: (line) => process.stderr.write(`[worker ${process.pid}] ${line}\n`),
  unsubscribeTokens: unsubscribeTokens(env('KAYOI_CRASH_UNSUBSCRIBE_SECRET')),
  publicUrl: 'https://salon.example.jp',
  channels: {
    lineBaseUrl: env('KAYOI_CRASH_LINE_URL'),
    smtpConnections: 2,
    // Slow enough that a kill lands in the middle of a batch.
    lineOptions: { rateLimits: { pushPerSecond: 60 } },
  },
  batchSize: 20,
  concurrency: 4,
  leaseSeconds: 2,
  pollMs: 50,
});
worker.start();
process.send?.('ready');
process.on(
  'SIGTERM',
  () =>
    void worker
      .stop()
      .then(() => db.close())
      .then(() => process.exit(0)),
);
