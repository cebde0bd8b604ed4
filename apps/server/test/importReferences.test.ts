import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TenantRepos } from '@kayoi/core';
import {
  createDataStore,
  lockReferencedRowsOrThrow,
  openDatabase,
  rawQuery,
  resumeRowTriggers,
  trySuspendRowTriggers,
  type Database,
} from '@kayoi/db';
import { engines, openTestDatabase, type TestDatabase, staffMember } from '@kayoi/db/testing';
import { runImport } from '../src/imports/importRunner.js';

/*
 * A visits import checks its foreign keys per set instead of per row when the database
 * lets it suspend row triggers (setBasedReferences.ts). These tests hold it to the same
 * guarantees the per-row triggers give: no orphan is ever written, referenced rows cannot
 * be deleted under a running import, and without the privilege the import still works.
 */

const header = '伝票番号,顧客番号,来店日,来店時間,店舗,担当,メニュー,数量,単価,金額,支払方法';
const visitLines = [
  'R1,C001,2025/01/05,14:00,本店,佐藤,カット,1,5500,5500,現金',
  'R1,C001,2025/01/05,14:00,本店,佐藤,シャンプー,1,3300,3300,カード',
  'R2,C002,2025/02/01,10:30,本店,,カット,1,5500,5500,カード',
];

async function* lines(rows: string[], pause?: Promise<void>, head = header): AsyncGenerator<string> {
  yield `${head}\n`;
  for (const row of rows) yield `${row}\n`;
  // Keeps the import's transaction open, with its rows written, until the test lets go.
  if (pause) await pause;
}

/** Rows that point at nothing, per foreign key of the visit tables (all must be 0). */
async function orphans(db: Database, tenantId: string) {
  const [row] = await db.query<Record<string, number>>(
    `select
       (select count(*)::int from visits v where v.tenant_id = $1
          and not exists (select 1 from customers c where c.tenant_id = v.tenant_id and c.id = v.customer_id)) as customers,
       (select count(*)::int from visits v where v.tenant_id = $1
          and not exists (select 1 from stores s where s.tenant_id = v.tenant_id and s.id = v.store_id)) as stores,
       (select count(*)::int from visits v where v.tenant_id = $1 and v.staff_id is not null
          and not exists (select 1 from users u where u.tenant_id = v.tenant_id and u.id = v.staff_id)) as staff,
       (select count(*)::int from visit_line_items l where l.tenant_id = $1
          and not exists (select 1 from visits v where v.tenant_id = l.tenant_id and v.id = l.visit_id)) as line_visits,
       (select count(*)::int from visit_line_items l where l.tenant_id = $1 and l.item_id is not null
          and not exists (select 1 from catalog_items i where i.tenant_id = l.tenant_id and i.id = l.item_id)) as items,
       (select count(*)::int from visit_payments p where p.tenant_id = $1
          and not exists (select 1 from visits v where v.tenant_id = p.tenant_id and v.id = p.visit_id)) as payments`,
    [tenantId],
  );
  return row;
}

async function seedShop(db: Database): Promise<TenantRepos> {
  const store = createDataStore(db);
  const tenant = await store.directory.create({ name: 'Salon', timeZone: 'Asia/Tokyo' });
  const repos = store.forTenant(tenant.id);
  await repos.stores.insert({ name: '本店' });
  await repos.users.insert(staffMember('佐藤 美穂'));
  await repos.catalog.insert({ kind: 'service', name: 'カット', price: 5500, cost: 600 });
  const customers = await runImport({
    db,
    tenantId: tenant.id,
    kind: 'customers',
    input: lines(['C001,山田 花子', 'C002,鈴木 一郎', 'C003,髙橋 美咲'], undefined, '顧客番号,氏名'),
    now: new Date('2026-01-01T00:00:00Z'),
  });
  assert.equal(customers.status, 'imported', JSON.stringify(customers.errors));
  return repos;
}

const importVisits = (db: Database, tenantId: string, input: AsyncIterable<string>) =>
  runImport({
    db,
    tenantId,
    kind: 'visits',
    input,
    // Named, so the first bytes are parsed at once instead of sniffed for an encoding.
    encoding: 'utf-8',
    now: new Date('2026-01-01T00:00:00Z'),
    batchRows: 1,
  });

for (const engine of engines) {
  describe(`visit import foreign keys on ${engine}`, () => {
    let t: TestDatabase;
    let repos: TenantRepos;
    before(async () => {
      t = await openTestDatabase(engine);
      repos = await seedShop(t.db);
    });
    after(() => t.drop());

    it('suspends row triggers inside a transaction only, and resumes them', async () => {
      const modes = await t.db.orm.transaction(async (tx) => {
        const suspended = await trySuspendRowTriggers(tx);
        type Mode = { session_replication_role: string };
        const [during] = await rawQuery<Mode>(tx, 'show session_replication_role');
        await resumeRowTriggers(tx);
        const [resumed] = await rawQuery<Mode>(tx, 'show session_replication_role');
        return { suspended, during: during?.session_replication_role, resumed: resumed?.session_replication_role };
      });
      assert.deepEqual(modes, { suspended: true, during: 'replica', resumed: 'origin' });
      const [outside] = await t.db.query<{ session_replication_role: string }>('show session_replication_role');
      assert.equal(outside?.session_replication_role, 'origin');
    });

    it('refuses to commit when a referenced row is missing', async () => {
      const [customer] = await repos.customers.findMatches({ externalId: 'C001' });
      const ghost = '01900000-0000-7000-8000-000000000000';
      await assert.rejects(
        t.db.orm.transaction((tx) => lockReferencedRowsOrThrow(tx, repos.tenantId, 'customers', [customer!.id, ghost])),
        /1 referenced customers row\(s\) disappeared/,
      );
    });

    it('writes visits, lines and payments that all point at existing rows, and re-imports in place', async () => {
      const first = await importVisits(t.db, repos.tenantId, lines(visitLines));
      assert.equal(first.status, 'imported', JSON.stringify(first.errors));
      assert.deepEqual([first.created, first.updated], [2, 0]);
      const changed = [...visitLines.slice(0, 2), 'R2,C003,2025/02/01,10:30,本店,佐藤,カット,1,5500,5500,QR'];
      const second = await importVisits(t.db, repos.tenantId, lines(changed));
      assert.deepEqual([second.status, second.created, second.updated], ['imported', 0, 2]);
      assert.deepEqual(await orphans(t.db, repos.tenantId), {
        customers: 0,
        stores: 0,
        staff: 0,
        line_visits: 0,
        items: 0,
        payments: 0,
      });
      const [r2] = await t.db.query<{ external_id: string; customer: string; staff: string | null; lines: number }>(
        `select v.external_id, c.external_id as customer, u.name as staff,
                (select count(*)::int from visit_line_items l where l.tenant_id = v.tenant_id and l.visit_id = v.id) as lines
         from visits v join customers c on c.tenant_id = v.tenant_id and c.id = v.customer_id
         left join users u on u.tenant_id = v.tenant_id and u.id = v.staff_id
         where v.tenant_id = $1 and v.external_id = 'R2'`,
        [repos.tenantId],
      );
      assert.deepEqual(r2, { external_id: 'R2', customer: 'C003', staff: '佐藤 美穂', lines: 1 });
      const [c3] = await repos.customers.findMatches({ externalId: 'C003' });
      assert.equal(c3?.stats.visitCount, 1);
    });
  });
}

describe('visit import on PostgreSQL, next to other writers', () => {
  let t: TestDatabase;
  let repos: TenantRepos;
  before(async () => {
    t = await openTestDatabase('postgres');
    repos = await seedShop(t.db);
  });
  after(() => t.drop());

  it('holds the customers it refers to: deleting one waits until the import commits', async () => {
    const [c3] = await repos.customers.findMatches({ externalId: 'C003' });
    let release = () => undefined as void;
    const pause = new Promise<void>((resolve) => (release = resolve));
    // R9's receipt is written when R10 starts (one receipt per batch; the CSV parser hands
    // a record on once the next one begins); the file then stays open.
    const running = importVisits(
      t.db,
      repos.tenantId,
      lines(
        [
          'R9,C003,2025/03/01,10:00,本店,,カット,1,5500,5500,現金',
          'R10,C001,2025/03/02,10:00,本店,,カット,1,5500,5500,現金',
          'R11,C002,2025/03/03,10:00,本店,,カット,1,5500,5500,現金',
        ],
        pause,
      ),
    );
    const client = await t.db.pool!.connect();
    const lockedByImport = async (statement: string) => {
      await client.query('begin');
      try {
        await client.query(`set local lock_timeout = '100ms'`);
        await client.query(statement, [repos.tenantId, c3!.id]);
        return false;
      } catch (err) {
        if ((err as { code?: string }).code === '55P03') return true;
        throw err;
      } finally {
        await client.query('rollback');
      }
    };
    try {
      let locked = false;
      for (let i = 0; i < 100 && !locked; i++) {
        locked = await lockedByImport('select 1 from customers where tenant_id = $1 and id = $2 for update');
        if (!locked) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      assert.ok(locked, 'the import never locked the customer it refers to');
      assert.equal(await lockedByImport('delete from customers where tenant_id = $1 and id = $2'), true);
    } finally {
      client.release();
      release();
    }
    const report = await running;
    assert.equal(report.status, 'imported', JSON.stringify(report.errors));
    const [stillThere] = await repos.customers.findMatches({ externalId: 'C003' });
    assert.equal(stillThere?.stats.visitCount, 1);
  });

  it('without the right to suspend triggers, imports the same way with per-row checks', async () => {
    const role = `kayoi_limited_${Date.now()}`;
    await t.db.query(`create role ${role} login`);
    await t.db.query(`grant all on all tables in schema public to ${role}`);
    const url = new URL(t.url!);
    url.username = role;
    const limited = await openDatabase({ databaseUrl: url.toString(), poolSize: 2 });
    try {
      const suspended = await limited.orm.transaction((tx) => trySuspendRowTriggers(tx));
      assert.equal(suspended, false);
      const report = await importVisits(limited, repos.tenantId, lines(visitLines));
      assert.equal(report.status, 'imported', JSON.stringify(report.errors));
      assert.equal(report.created, 2);
      assert.deepEqual(Object.values((await orphans(t.db, repos.tenantId))!), [0, 0, 0, 0, 0, 0]);
    } finally {
      await limited.close();
      await t.db.query(`drop owned by ${role}`);
      await t.db.query(`drop role ${role}`);
    }
  });
});
