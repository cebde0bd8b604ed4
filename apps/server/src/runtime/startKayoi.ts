import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { buildApp } from '../app/buildApp.js';
import { defaultAppDeps } from '../app/deps.js';
import { unsubscribeTokens } from '../security/unsubscribeTokens.js';
import { createDemoTenant } from '../demo/createDemoTenant.js';
import { hasWebApp } from '../http/webApp.js';
import { buildWorker } from '../worker/buildWorker.js';
import { buildDeliveryWorker } from '../worker/delivery/buildDeliveryWorker.js';
import { buildJourneyWorker } from '../worker/journeys/buildJourneyWorker.js';
import { computeOnWorkerThread } from '../worker/computeRefresh.js';
import { describeDatabase, type RuntimeConfig } from './config.js';
import { openRuntimeDatabase } from './runtimeDatabase.js';

export const FIRST_START_DEMO_EMAIL = 'owner@demo.kayoi.example';

/** `npm install` builds the dashboard; an install that skipped scripts gets it on first start. */
function ensureWebAppBuilt(webRoot: string | undefined, log: (line: string) => void): void {
  if (!webRoot || hasWebApp(webRoot)) return;
  log('Building the web dashboard (first start)…');
  const root = path.resolve(webRoot, '..', '..', '..');
  const result = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build', '--silent'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, KAYOI_SKIP_WEB_BUILD: '0' },
  });
  if (result.status !== 0) log('The web dashboard could not be built; the API runs without it.');
}

export interface RunningKayoi {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * One process: database (migrated), the demo salon on first start, the HTTP API and the
 * analytics worker. In production the same pieces run as separate processes (`kayoi start`
 * with KAYOI_WORKER=0 for API-only processes, and `kayoi worker`).
 */
export async function startKayoi(
  config: RuntimeConfig,
  log: (line: string) => void = console.log,
): Promise<RunningKayoi> {
  const runtime = await openRuntimeDatabase(config);
  try {
    const deps = defaultAppDeps(runtime.db, {
      trustProxy: config.trustProxy,
      ...(config.unsubscribeSecret ? { unsubscribeTokens: unsubscribeTokens(config.unsubscribeSecret) } : {}),
    });
    if (config.demoOnFirstStart && (await deps.store.directory.list()).length === 0) {
      log('First start: creating the demo salon (3,000 customers, 3 years of visits)…');
      const demo = await createDemoTenant(runtime.db, deps.store, deps.hasher, {
        seed: 1,
        customers: 3000,
        years: 3,
        timeZone: 'Asia/Tokyo',
        ownerEmail: FIRST_START_DEMO_EMAIL,
        now: new Date(),
      });
      const lines = [
        `Demo salon ready: ${demo.customers} customers, ${demo.visits} visits.`,
        `  Owner login  email: ${demo.ownerEmail}`,
        `               password: ${demo.ownerPassword}`,
      ];
      // Queued now so the 分析 pages have numbers minutes after a first start, not after 03:00.
      await deps.store.forTenant(demo.tenantId).analytics.request({ trigger: 'manual', requestedBy: null });
      lines.push(
        config.worker
          ? 'Analysing the demo salon in the background (about a minute); the 分析 pages fill in when it is done.'
          : 'The demo salon is queued for analysis; run `kayoi worker` to analyse it.',
      );
      lines.forEach((l) => log(l));
      if (!config.databaseUrl) {
        // The password is shown once; keep a copy beside the embedded data for a local trial.
        writeFileSync(path.join(config.dataDir, 'demo-login.txt'), `${lines.slice(1, 3).join('\n')}\n`, {
          mode: 0o600,
        });
      }
    }
    ensureWebAppBuilt(deps.webRoot, log);
    const app = buildApp(deps);
    const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
      s.once('error', reject);
    });
    const worker = config.worker
      ? buildWorker({ db: runtime.db, store: deps.store, clock: deps.clock, compute: computeOnWorkerThread, log })
      : null;
    worker?.start();
    const port = (server.address() as AddressInfo).port;
    const url = `http://${config.host === '127.0.0.1' || config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
    const sender = config.worker
      ? buildDeliveryWorker({
          db: runtime.db,
          store: deps.store,
          clock: deps.clock,
          log,
          unsubscribeTokens: deps.unsubscribeTokens,
          publicUrl: config.publicUrl ?? url,
          channels: { lineBaseUrl: config.lineApiUrl, smtpConnections: 8 },
          webhookTargets: config.webhookPrivateTargets ? 'any' : 'public',
        })
      : null;
    sender?.start();
    const journeys = config.worker
      ? buildJourneyWorker({ db: runtime.db, store: deps.store, clock: deps.clock, log })
      : null;
    journeys?.start();
    log(`Kayoi is running at ${url} (${describeDatabase(config)}). API docs: ${url}/api/docs`);
    let stopping: Promise<void> | null = null;
    return {
      url,
      port,
      stop() {
        stopping ??= new Promise<void>((resolve) => server.close(() => resolve()))
          .then(() => Promise.all([worker?.stop(), sender?.stop(), journeys?.stop()]))
          .then(() => runtime.close());
        return stopping;
      },
    };
  } catch (err) {
    await runtime.close();
    throw err;
  }
}
