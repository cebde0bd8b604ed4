/**
 * Import benchmark: 1,000,000 visit rows from CSV into PostgreSQL and into PGlite.
 * Target (issue 2): ≥ 50,000 rows/s on PostgreSQL with flat memory.
 * Run: npm run bench -- importVisits   (ROWS=200000 for a shorter run, ENGINE=postgres|pglite for one
 * engine, PROFILE=file.cpuprofile for a CPU profile of the import)
 */
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { checkCustomerColumns } from '@kayoi/core';
import { createDataStore, schema, type Database } from '@kayoi/db';
import { openTestDatabase, staffMember } from '@kayoi/db/testing';
import { openDatabase, migrateDatabase } from '@kayoi/db';
import { runImport } from '../apps/server/src/imports/importRunner.js';

const ROWS = Number(process.env.ROWS ?? 1_000_000);
const CUSTOMERS = 20_000;
const dataDir = path.join(import.meta.dirname, '.data');
const file = path.join(dataDir, `visits-${ROWS}.csv`);

/** A POS-style export: receipts of 1–3 lines, Japanese headers, local dates and times. */
async function writeCsv(): Promise<void> {
  if (existsSync(file)) return;
  mkdirSync(dataDir, { recursive: true });
  const out = createWriteStream(file);
  const write = async (line: string) => {
    if (!out.write(line)) await once(out, 'drain');
  };
  await write('伝票番号,顧客番号,来店日,来店時間,店舗,担当,メニュー,数量,単価,割引,金額,支払方法\n');
  const menu = [
    ['カット', 5500],
    ['カラー', 7700],
    ['トリートメント', 3300],
    ['ヘッドスパ', 4400],
    ['シャンプー', 3080],
  ] as const;
  const pay = ['現金', 'カード', 'QR'];
  let rows = 0;
  let receipt = 0;
  let seed = 12345;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  while (rows < ROWS) {
    receipt++;
    const customer = `C${String(rand(CUSTOMERS)).padStart(6, '0')}`;
    const day = new Date(Date.UTC(2021, 0, 1) + rand(5 * 365) * 86400000).toISOString().slice(0, 10).replace(/-/g, '/');
    const time = `${10 + rand(9)}:${rand(2) ? '00' : '30'}`;
    const store = rand(2) ? '本店' : '吉祥寺店';
    const staff = `スタッフ${1 + rand(6)}`;
    const lines = Math.min(1 + rand(3), ROWS - rows);
    for (let l = 0; l < lines; l++) {
      const [name, price] = menu[rand(menu.length)]!;
      const discount = rand(10) === 0 ? 500 : 0;
      await write(
        `R${receipt},${customer},${day},${time},${store},${staff},${name},1,${price},${discount},${price - discount},${pay[rand(3)]}\n`,
      );
      rows++;
    }
  }
  out.end();
  await once(out, 'finish');
}

async function prepareTenant(db: Database): Promise<string> {
  const store = createDataStore(db);
  const tenant = await store.directory.create({ name: 'Bench', timeZone: 'Asia/Tokyo' });
  const repos = store.forTenant(tenant.id);
  await repos.stores.insert({ name: '本店' });
  await repos.stores.insert({ name: '吉祥寺店' });
  for (let i = 1; i <= 6; i++) {
    await repos.users.insert(staffMember(`スタッフ${i}`));
  }
  for (const [name, price] of [
    ['カット', 5500],
    ['カラー', 7700],
    ['トリートメント', 3300],
  ] as const) {
    await repos.catalog.insert({ kind: 'service', name, price, cost: 500 });
  }
  const rows = [];
  for (let i = 0; i < CUSTOMERS; i++) {
    const checked = checkCustomerColumns({ externalId: `C${String(i).padStart(6, '0')}`, familyName: `顧客${i}` });
    if (!checked.ok) throw new Error(checked.error.code);
    rows.push({ tenantId: tenant.id, id: crypto.randomUUID(), ...checked.value.merged });
    if (rows.length === 1000) await db.orm.insert(schema.customers).values(rows.splice(0));
  }
  if (rows.length > 0) await db.orm.insert(schema.customers).values(rows);
  return tenant.id;
}

/**
 * CPU time of the PostgreSQL backends serving this database, read from /proc (the server
 * runs on the same machine): with Node's own CPU time it shows which side is the limit.
 */
async function databaseCpuMeter(label: string, db: Database) {
  if (label !== 'postgres') return { read: async () => null };
  const ticks = async () => {
    const rows = await db.query<{ pid: number }>('select pid from pg_stat_activity where datname = current_database()');
    let sum = 0;
    for (const { pid } of rows) {
      try {
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        sum += Number(fields[11]) + Number(fields[12]);
      } catch {
        // A backend that ended between the query and the read.
      }
    }
    return sum;
  };
  const before = await ticks();
  return { read: async () => Number((((await ticks()) - before) / 100).toFixed(1)) };
}

/**
 * Busy, idle and stolen clock ticks of the whole machine (all cores), from /proc/stat.
 * Steal is time the hypervisor gave another guest: identical runs differ with it.
 */
function machineTicks(): { busy: number; idle: number; steal: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const idle = fields[3]! + fields[4]!;
  return { busy: fields.slice(0, 8).reduce((a, b) => a + b, 0) - idle, idle, steal: fields[7]! };
}

/** PROFILE=file.cpuprofile: a V8 CPU profile of the import alone (open it in Chrome DevTools). */
async function startCpuProfile(file: string | undefined) {
  if (!file) return { stop: async () => undefined };
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    async stop() {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

async function measure(label: string, db: Database) {
  const tenantId = await prepareTenant(db);
  const samples: { rows: number; rssMiB: number; heapMiB: number }[] = [];
  let peakRss = 0;
  let peakHeap = 0;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 50);
  // Every run starts from a fresh checkpoint, so one run does not pay for the last one's WAL.
  if (label === 'postgres') await db.query('checkpoint');
  const databaseCpu = await databaseCpuMeter(label, db);
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  const machine0 = machineTicks();
  let nextSample = ROWS / 10;
  const profiler = await startCpuProfile(process.env.PROFILE);
  const report = await runImport({
    db,
    tenantId,
    kind: 'visits',
    // Read as `kayoi import` reads a file.
    input: createReadStream(file, { highWaterMark: 256 * 1024 }),
    encoding: 'utf-8',
    ...(process.env.BATCH ? { batchRows: Number(process.env.BATCH) } : {}),
    onProgress: ({ rows }) => {
      if (rows >= nextSample) {
        const m = process.memoryUsage();
        samples.push({ rows, rssMiB: Math.round(m.rss / 2 ** 20), heapMiB: Math.round(m.heapUsed / 2 ** 20) });
        nextSample += ROWS / 10;
      }
    },
  });
  const seconds = (performance.now() - started) / 1000;
  await profiler.stop();
  const cpu = process.cpuUsage(cpu0);
  const databaseCpuSeconds = await databaseCpu.read();
  const machine1 = machineTicks();
  const busy = machine1.busy - machine0.busy;
  clearInterval(sampler);
  if (report.status !== 'imported') throw new Error(`${label}: ${JSON.stringify(report.errors.slice(0, 5))}`);
  // What landed, checked against the file: every CSV row is one line item.
  const [stored] = await db.query<{ visits: number; lines: number; amount: number; paid: number }>(
    `select (select count(*)::int from visits where tenant_id = $1) as visits,
            (select count(*)::int from visit_line_items where tenant_id = $1) as lines,
            (select sum(amount)::int8 from visit_line_items where tenant_id = $1) as amount,
            (select sum(amount)::int8 from visit_payments where tenant_id = $1) as paid`,
    [tenantId],
  );
  if (stored?.lines !== report.rows || Number(stored.amount) !== Number(stored.paid))
    throw new Error(`${label}: stored ${JSON.stringify(stored)} for ${report.rows} rows`);
  return {
    engine: label,
    rows: report.rows,
    visits: stored.visits,
    seconds: Number(seconds.toFixed(1)),
    rowsPerSecond: Math.round(report.rows / seconds),
    nodeCpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(1)),
    databaseCpuSeconds,
    machineBusyPercent: Math.round((100 * busy) / (busy + machine1.idle - machine0.idle)),
    stealPercent: Math.round((100 * (machine1.steal - machine0.steal)) / (busy + machine1.idle - machine0.idle)),
    peakRssMiB: Math.round(peakRss / 2 ** 20),
    peakHeapMiB: Math.round(peakHeap / 2 ** 20),
    samples,
  };
}

async function main() {
  await writeCsv();
  console.log(`file: ${file} (${(statSync(file).size / 2 ** 20).toFixed(0)} MiB, ${ROWS} rows)`);
  console.log(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`,
  );
  const only = process.env.ENGINE;
  const results = [];
  if (!only || only === 'postgres') {
    const pgTest = await openTestDatabase('postgres');
    try {
      results.push(await measure('postgres', pgTest.db));
    } finally {
      await pgTest.drop();
    }
  }
  if (!only || only === 'pglite') {
    // On disk, as `kayoi start` runs it.
    const dir = path.join(dataDir, 'pglite');
    rmSync(dir, { recursive: true, force: true });
    const db = await openDatabase({ dataDir: dir });
    await migrateDatabase(db);
    try {
      results.push(await measure('pglite', db));
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  for (const r of results) console.log(JSON.stringify(r));
}

await main();
