import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import type { Role } from '@kayoi/contracts';
import { createTenantWithOwner, generateDemoDataset } from '@kayoi/core';
import { loadDemoDataset } from '@kayoi/db';
import { openTestDatabase, type TestDatabase } from '@kayoi/db/testing';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildApp } from '../../../server/src/app/buildApp.js';
import { defaultAppDeps, defaultWebRoot, type AppDeps } from '../../../server/src/app/deps.js';
import { hasWebApp } from '../../../server/src/http/webApp.js';
import { buildWorker, type KayoiWorker } from '../../../server/src/worker/buildWorker.js';
import { computeInline } from '../../../server/src/worker/computeRefresh.js';

export const PASSWORD = 'correct horse battery';
export const DEMO_END_DATE = '2026-11-20';
/** The demo's owner-stylist (seed 1), whom the login owner becomes. */
export const OWNER_NAME = '中村 亮介';
const screenshotDir = fileURLToPath(new URL('../../../../docs/screenshots/', import.meta.url));

export interface Account {
  email: string;
  password: string;
}

export interface BrowserApp {
  url: string;
  browser: Browser;
  deps: AppDeps;
  test: TestDatabase;
  tenantId: string;
  accounts: Record<Role, Account>;
  /** The background worker, polling as `kayoi start` runs it, so "Refresh now" really finishes. */
  worker: KayoiWorker;
  /** Queues a model refresh and waits until the worker has stored it; returns the run's id. */
  refreshAnalytics(): Promise<string>;
  close(): Promise<void>;
}

/**
 * A real Kayoi (built dashboard + API + embedded database with a small demo salon) on a
 * free port, and a headless Debian Chromium driven by playwright-core.
 */
export async function startBrowserApp(): Promise<BrowserApp> {
  if (!hasWebApp(defaultWebRoot)) throw new Error(`No built dashboard in ${defaultWebRoot}: run npm run build`);
  const test = await openTestDatabase('pglite');
  const deps = defaultAppDeps(test.db);
  const { tenant, owner } = await createTenantWithOwner(deps.store, deps.hasher, {
    name: 'デモサロン 通い',
    timeZone: 'Asia/Tokyo',
    ownerEmail: 'owner@salon.example',
    ownerPassword: PASSWORD,
    ownerName: OWNER_NAME,
  });
  const dataset = generateDemoDataset({
    seed: 1,
    customers: 300,
    years: 2,
    endDate: DEMO_END_DATE,
    timeZone: 'Asia/Tokyo',
  });
  await loadDemoDataset(test.db, tenant.id, dataset, { ownerUserId: owner.id, timeZone: 'Asia/Tokyo' });
  const repos = deps.store.forTenant(tenant.id);
  const accounts: Record<Role, Account> = {
    owner: { email: 'owner@salon.example', password: PASSWORD },
    manager: { email: 'manager@salon.example', password: PASSWORD },
    staff: { email: 'staff@salon.example', password: PASSWORD },
    analyst: { email: 'analyst@salon.example', password: PASSWORD },
  };
  const stores = await repos.stores.list();
  for (const role of ['manager', 'staff', 'analyst'] as const) {
    await repos.users.insert({
      name: { manager: '森 健太', staff: '小池 彩', analyst: '分析 担当' }[role],
      nameKana: null,
      email: accounts[role].email,
      passwordHash: await deps.hasher.hash(PASSWORD),
      role,
      active: true,
      storeIds: stores.map((s) => s.id),
    });
  }
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: buildApp(deps).fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: process.env.KAYOI_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    // Linux Chromium takes its UI language (date inputs, number formats) from the environment.
    env: { ...process.env, LANG: 'ja_JP.UTF-8', LANGUAGE: 'ja' },
    // Root in CI has no sandbox; the machine's network is closed, so background calls are switched off.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  // The worker's clock is the demo's last day, so every run observes the same history.
  const worker = buildWorker({
    db: test.db,
    store: deps.store,
    clock: () => new Date(`${DEMO_END_DATE}T06:00:00Z`),
    compute: computeInline,
    log: () => {},
    pollMs: 200,
  });
  worker.start();
  const refreshAnalytics = async () => {
    const requested = await repos.analytics.request({ trigger: 'manual', requestedBy: null });
    if (!requested) throw new Error('No analytics refresh could be queued');
    for (;;) {
      const run = await repos.analytics.get(requested.run.id);
      if (run?.status === 'succeeded') return run.id;
      if (run?.status === 'failed') throw new Error(`Analytics refresh failed: ${run.error}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  // The worker queues the day's nightly run as it starts (15:00 in Tokyo is past the nightly
  // hour); waiting for it here means every page, the karte's score card included, shows the
  // same analysed data in every run rather than whatever the race left.
  await refreshAnalytics();
  return {
    url,
    browser,
    deps,
    test,
    tenantId: tenant.id,
    accounts,
    worker,
    refreshAnalytics,
    async close() {
      await worker.stop();
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await test.drop();
    },
  };
}

export interface PageOptions {
  /** 375 × 740 is a phone at the counter; the default is a desktop. */
  viewport?: { width: number; height: number };
}

export const PHONE = { width: 375, height: 740 };
export const DESKTOP = { width: 1280, height: 860 };

export async function newPage(
  app: BrowserApp,
  options: PageOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await app.browser.newContext({
    baseURL: app.url,
    viewport: options.viewport ?? DESKTOP,
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { context, page };
}

export async function logIn(page: Page, account: Account): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(/メールアドレス|Email/).fill(account.email);
  await page.getByLabel(/パスワード|Password/).fill(account.password);
  await page.getByRole('button', { name: /ログイン|Log in/ }).click();
  await page.waitForURL(/\/customers/);
}

/** Saves docs/screenshots/<name>.png: the README shows the product with these. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: false });
}
