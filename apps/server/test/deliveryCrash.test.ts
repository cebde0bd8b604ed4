import assert from 'node:assert/strict';
import { fork, type ChildProcess } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { rawQuery } from '@kayoi/db';
import { unsubscribeTokens } from '../src/security/unsubscribeTokens.js';
import {
  connectChannels,
  createCustomer,
  draftBroadcast,
  lineUserIdOf,
  postJson,
  type MessagingScene,
} from './support/messaging.js';
import { seedBusiness, startTestApp, type Business, type TestApp } from './support/testApp.js';

const SECRET = 'crash-test-unsubscribe-key-of-32-bytes-or-more';
const LINE_CUSTOMERS = 240;
const EMAIL_CUSTOMERS = 60;
const entry = fileURLToPath(new URL('./support/deliveryWorkerProcess.ts', import.meta.url));

function startWorker(env: Record<string, string>): Promise<ChildProcess> {
  const child = fork(entry, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`worker exited early with ${code}`)));
  });
}

async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

// Several processes against one database: PostgreSQL only (the embedded database is one process's).
describe('a worker killed in the middle of a broadcast (three worker processes on PostgreSQL)', () => {
  let t: TestApp;
  let b: Business;
  let scene: MessagingScene;
  const workers: ChildProcess[] = [];
  let killed = 0;

  before(async () => {
    t = await startTestApp('postgres', { unsubscribeTokens: unsubscribeTokens(SECRET) });
    b = await seedBusiness(t, 'Crash');
    scene = await connectChannels(t, b);
    for (let i = 0; i < LINE_CUSTOMERS; i++) {
      await createCustomer(t, b, { name: `線${i}`, lineUserId: lineUserIdOf(1000 + i), line: 'granted' });
    }
    for (let i = 0; i < EMAIL_CUSTOMERS; i++) {
      await createCustomer(t, b, { name: `手紙${i}`, email: `crash${i}@example.com`, email_: 'granted' });
    }
    const env = {
      KAYOI_CRASH_DATABASE_URL: t.test.url!,
      KAYOI_CRASH_LINE_URL: scene.line.url,
      KAYOI_CRASH_UNSUBSCRIBE_SECRET: SECRET,
    };
    for (let i = 0; i < 3; i++) workers.push(await startWorker(env));
    const broadcast = await draftBroadcast(t, b);
    // Sent at 12:00 Tokyo time or not at all: quiet hours would defer it past the test.
    await rawQuery(
      t.test.db.orm,
      `update tenants set settings = jsonb_set(settings, '{messaging}', '{"quietHours": null}')`,
    );
    await postJson(t, b.tokens.owner, `/api/v1/broadcasts/${broadcast.id}/schedule`, {}, 200);
    // Kill one worker twice, each time once a third more of the messages are out, and start another.
    for (const share of [0.3, 0.6]) {
      await waitFor(() => scene.line.accepted.length >= LINE_CUSTOMERS * share, 60_000, `${share} of LINE sends`);
      const victim = workers.shift()!;
      victim.kill('SIGKILL');
      killed++;
      workers.push(await startWorker(env));
    }
    await waitFor(
      async () => {
        const [row] = await rawQuery<{ open: number }>(
          t.test.db.orm,
          `select count(*)::int as open from deliveries where status in ('queued', 'sending')`,
        );
        return row!.open === 0;
      },
      90_000,
      'every message to be settled',
    );
    await scene.smtp.waitForMessages(EMAIL_CUSTOMERS, 30_000);
  });
  after(async () => {
    for (const w of workers) w.kill('SIGTERM');
    await Promise.all(workers.map((w) => new Promise((r) => (w.exitCode === null ? w.once('exit', r) : r(null)))));
    await scene.close();
    await t.close();
  });

  it('hands the killed worker’s messages to another (their lease lapsed) and records each once', async () => {
    assert.equal(killed, 2);
    const rows = await rawQuery<{ status: string; n: number; retried: number }>(
      t.test.db.orm,
      `select status, count(*)::int as n, count(*) filter (where attempts > 1)::int as retried from deliveries group by status`,
    );
    assert.deepEqual(
      rows.map((r) => [r.status, r.n]),
      [['sent', LINE_CUSTOMERS + EMAIL_CUSTOMERS]],
    );
    assert.ok(rows[0]!.retried > 0, 'some messages were taken over after a kill');
  });

  it('LINE: every recipient got exactly one message (a resend under the same retry key is answered 409)', () => {
    const perUser = new Map<string, number>();
    for (const send of scene.line.accepted) for (const to of send.to) perUser.set(to, (perUser.get(to) ?? 0) + 1);
    assert.equal(perUser.size, LINE_CUSTOMERS);
    assert.deepEqual([...new Set(perUser.values())], [1]);
    const repeats = scene.line.log.filter((l) => l.status === 409).length;
    process.stdout.write(`# LINE: ${repeats} resend(s) after a kill answered 409 (already accepted)\n`);
  });

  it('email: every recipient got it, and any copy a kill caused carries the same Message-ID', () => {
    const ids = new Map<string, Set<string>>();
    for (const mail of scene.smtp.received) {
      const to = mail.rcptTo.join();
      ids.set(to, (ids.get(to) ?? new Set()).add(String(mail.parsed.messageId)));
    }
    assert.equal(ids.size, EMAIL_CUSTOMERS);
    for (const [to, set] of ids) assert.equal(set.size, 1, `${to} got different messages`);
    const copies = scene.smtp.received.length - EMAIL_CUSTOMERS;
    process.stdout.write(`# email: ${copies} duplicate transmission(s), each with the original Message-ID\n`);
  });
});
