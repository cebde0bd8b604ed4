/**
 * Broadcast benchmark (issue 6): a broadcast to 100,000 customers through SMTP to a local
 * mail server process, with ONE sending worker, on PostgreSQL. Target ≥ 1,000 messages/s.
 * Each message is rendered for its customer (name, last visit), its link is tracked, its
 * unsubscribe link signed, its row claimed and recorded, as in production.
 * Run: npm run bench -- broadcastSmtp   (CUSTOMERS=10000 for a shorter run)
 */
import { fork } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { createDataStore, openDatabase, rawQuery } from '@kayoi/db';
import { openTestDatabase } from '@kayoi/db/testing';
import { unsubscribeTokens } from '../apps/server/src/security/unsubscribeTokens.js';
import { buildDeliveryWorker } from '../apps/server/src/worker/delivery/buildDeliveryWorker.js';

const CUSTOMERS = Number(process.env.CUSTOMERS ?? 100_000);
const SMTP_CONNECTIONS = Number(process.env.SMTP_CONNECTIONS ?? 16);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 32);
const BATCH = Number(process.env.BATCH ?? 500);

type Counts = { type: 'counts'; messages: number; recipients: number; bytes: number };

async function main(): Promise<void> {
  console.log(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`,
  );
  const mail = fork(fileURLToPath(new URL('./support/countingSmtpServer.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve) => mail.once('message', (m: { port: number }) => resolve(m.port)));
  const counts = () =>
    new Promise<Counts>((resolve) => {
      mail.once('message', (m: Counts) => resolve(m));
      mail.send('counts');
    });

  const test = await openTestDatabase('postgres');
  const store = createDataStore(test.db);
  try {
    const loadStarted = performance.now();
    const tenant = await store.directory.create({ name: 'ベンチマーク美容室', timeZone: 'Asia/Tokyo' });
    const repos = store.forTenant(tenant.id);
    const shop = await repos.stores.insert({ name: '本店' });
    await rawQuery(
      test.db.orm,
      `update tenants set settings = '{"messaging": {"quietHours": null, "weeklyCap": 50}}' where tenant_id = $1`,
      [tenant.id],
    );
    await rawQuery(
      test.db.orm,
      `insert into customers (tenant_id, id, family_name, given_name, email, tags, visit_count, revenue_total,
                              first_visit_at, last_visit_at)
       select $1, gen_random_uuid(), '顧客' || n, '花子', 'c' || n || '@bench.example', '{bench}', 1, 6600,
              now() - interval '40 days', now() - interval '40 days'
         from generate_series(1, $2) as n`,
      [tenant.id, CUSTOMERS],
    );
    await rawQuery(
      test.db.orm,
      `insert into customer_consents (tenant_id, customer_id, channel, status, changed_at, source)
       select tenant_id, id, 'email', 'granted', now(), 'import' from customers where tenant_id = $1`,
      [tenant.id],
    );
    await rawQuery(
      test.db.orm,
      `insert into visits (tenant_id, id, customer_id, store_id, started_at, subtotal, total, source)
       select tenant_id, gen_random_uuid(), id, $2, now() - interval '40 days', 6600, 6600, 'import'
         from customers where tenant_id = $1`,
      [tenant.id, shop.id],
    );
    await rawQuery(
      test.db.orm,
      `insert into visit_line_items (tenant_id, visit_id, position, kind, name, quantity, unit_price, amount)
       select tenant_id, id, 0, 'service', 'カット', 1, 6600, 6600 from visits where tenant_id = $1`,
      [tenant.id],
    );
    await rawQuery(test.db.orm, 'analyze');
    await repos.email.saveSettings(
      {
        fromName: 'ベンチ',
        fromAddress: 'info@bench.example',
        replyTo: null,
        smtpHost: '127.0.0.1',
        smtpPort: port,
        smtpSecurity: 'none',
        smtpUsername: null,
        smtpPassword: null,
      },
      new Date(),
      null,
    );
    const template = await repos.templates.insert(
      {
        name: '秋のご案内',
        channel: 'email',
        ja: {
          subject: '{{ customer.family_name }}様へ 秋のご案内',
          body:
            '<p>{{ customer.name }}様</p><p>前回は{{ last_visit.date }}に{{ last_visit.service }}をご利用いただき、' +
            'ありがとうございました。</p><p><a href="https://salon.example.jp/autumn">秋のメニュー</a></p>',
        },
        en: null,
      },
      null,
    );
    const segment = await repos.segments.insert(
      { name: 'bench', description: null, rule: { type: 'tag', op: 'has', value: 'bench' } },
      null,
    );
    const campaign = await repos.campaigns.insert(
      {
        name: 'bench',
        segmentId: segment.id,
        templates: { email: template.id },
        variantB: null,
        channelOrder: null,
        holdoutPercent: 0,
        outcome: { kind: 'visit', days: 30 },
      },
      null,
    );
    await repos.campaigns.schedule(campaign.id, new Date(), null);
    console.log(
      `loaded ${CUSTOMERS} customers with a visit each in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s`,
    );

    // The worker's own pool, sized as a production process's (the test database's pool is small).
    const workerDb = await openDatabase({ databaseUrl: test.url!, poolSize: 10 });
    const worker = buildDeliveryWorker({
      db: workerDb,
      store: createDataStore(workerDb),
      clock: () => new Date(),
      log: (line) => console.log(`  ${line}`),
      unsubscribeTokens: unsubscribeTokens('benchmark-unsubscribe-key-of-at-least-32-bytes'),
      publicUrl: 'https://salon.example.jp',
      channels: { lineBaseUrl: 'http://127.0.0.1:9', smtpConnections: SMTP_CONNECTIONS },
      batchSize: BATCH,
      concurrency: CONCURRENCY,
    });
    let peakRss = 0;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
    const started = performance.now();
    const handled = await worker.drain();
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    await worker.stop();
    await workerDb.close();
    const received = await counts();
    const [status] = await rawQuery<{ sent: number }>(
      test.db.orm,
      `select count(*) filter (where status = 'sent')::int as sent from deliveries where tenant_id = $1`,
      [tenant.id],
    );
    console.log(
      `broadcast to ${CUSTOMERS}: ${handled} handled, ${status!.sent} recorded sent, ${received.messages} received ` +
        `(${received.recipients} distinct recipients, ${(received.bytes / 2 ** 20).toFixed(0)} MiB) ` +
        `in ${seconds.toFixed(1)} s (audience build included) = ${Math.round(received.messages / seconds)} messages/s; ` +
        `one worker, ${SMTP_CONNECTIONS} SMTP connections, ${CONCURRENCY} in flight, batches of ${BATCH}; ` +
        `peak RSS ${Math.round(peakRss / 2 ** 20)} MiB (target ≥ 1,000 messages/s)`,
    );
    if (received.messages !== CUSTOMERS || received.recipients !== CUSTOMERS) process.exitCode = 1;
  } finally {
    await test.drop();
    mail.kill();
  }
}

await main();
