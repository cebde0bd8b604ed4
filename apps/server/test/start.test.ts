import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { openTestDatabase } from '@kayoi/db/testing';
import { kayoiBin, runKayoi } from './support/cli.js';

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** Starts `kayoi start` on a free port and waits for "running at". */
function start(env: Record<string, string | undefined>): Promise<Started> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [kayoiBin, 'start'], {
      env: { ...process.env, NODE_OPTIONS: '', PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const timer = setTimeout(() => reject(new Error(`start timed out:\n${output}`)), 120_000);
    const onData = (d: Buffer) => {
      output += d.toString();
      const match = /running at (http:\/\/localhost:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!, output: () => output });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`exited ${code}:\n${output}`)));
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

async function checkDemoLogin(url: string, output: string) {
  const health = await fetch(`${url}/api/health`);
  assert.deepEqual(await health.json(), { status: 'ok' });
  const email = /email: (\S+)/.exec(output)?.[1];
  const password = /password: (\S+)/.exec(output)?.[1];
  assert.ok(email && password, output);
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  assert.equal(login.status, 200);
  const { token } = (await login.json()) as { token: string };
  const customers = await fetch(`${url}/api/v1/customers?limit=5`, { headers: { authorization: `Bearer ${token}` } });
  const page = (await customers.json()) as { items: unknown[]; nextCursor: string | null };
  assert.equal(page.items.length, 5);
  assert.ok(page.nextCursor);
  return token;
}

/** The first start queues the demo's analysis; the in-process worker must finish it. */
async function waitForDemoAnalytics(url: string, token: string) {
  const until = Date.now() + 120_000;
  for (;;) {
    const overview = await fetch(`${url}/api/v1/analytics/overview`, { headers: { authorization: `Bearer ${token}` } });
    if (overview.status === 200) {
      const { view } = (await overview.json()) as { view: { customers: number } };
      assert.equal(view.customers, 3000);
      return;
    }
    assert.equal(overview.status, 404, 'no analytics yet, or the numbers');
    if (Date.now() > until) assert.fail('the demo salon was not analysed within two minutes');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

describe('kayoi start', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kayoi-start-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('on the embedded database: creates the demo salon once, prints the login, holds the data directory, stops cleanly', async () => {
    const env = { KAYOI_DATA_DIR: path.join(dir, 'data') };
    const first = await start(env);
    assert.match(first.output(), /Demo salon ready: 3000 customers/);
    assert.match(first.output(), /Analysing the demo salon in the background/);
    await waitForDemoAnalytics(first.url, await checkDemoLogin(first.url, first.output()));
    const second = await runKayoi(['tenant', 'list'], env);
    assert.equal(second.code, 1);
    assert.match(second.stderr, /already running/);
    assert.equal(await stop(first.child), 0);
    assert.equal(existsSync(path.join(dir, 'data', 'kayoi.pid')), false);

    const again = await start(env);
    assert.doesNotMatch(again.output(), /Demo salon/);
    assert.equal(await stop(again.child), 0);
  });

  it('on PostgreSQL through DATABASE_URL: migrates and creates the demo salon there', async () => {
    const pg = await openTestDatabase('postgres', { migrate: false });
    try {
      const started = await start({ DATABASE_URL: pg.url, KAYOI_DATA_DIR: path.join(dir, 'unused') });
      assert.match(started.output(), /PostgreSQL 127\.0\.0\.1:5432/);
      await checkDemoLogin(started.url, started.output());
      assert.equal(await stop(started.child), 0);
      const [row] = await pg.db.query<{ n: number }>('select count(*)::int as n from customers');
      assert.equal(row?.n, 3000);
    } finally {
      await pg.drop();
    }
  });
});
