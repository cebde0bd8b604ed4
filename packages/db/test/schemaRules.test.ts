import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { migrateDatabase } from '@kayoi/db';
import { engines, openTestDatabase, type TestDatabase } from '@kayoi/db/testing';

for (const engine of engines) {
  describe(`migrations and schema rules on ${engine}`, () => {
    let t: TestDatabase;
    before(async () => {
      t = await openTestDatabase(engine, { migrate: false });
    });
    after(() => t.drop());

    it('migrates an empty database, and a second run changes nothing', async () => {
      await migrateDatabase(t.db);
      const tables = async () =>
        (
          await t.db.query<{ name: string }>(
            `select tablename as name from pg_tables where schemaname = 'public' order by 1`,
          )
        ).map((r) => r.name);
      const first = await tables();
      assert.ok(first.includes('customers') && first.includes('visits') && first.includes('audit_events'));
      await migrateDatabase(t.db);
      assert.deepEqual(await tables(), first);
    });

    it('has tenant_id in every table, leading every primary key', async () => {
      const rows = await t.db.query<{ table: string; first: string | null }>(`
        select c.relname as table,
               (select a.attname from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
                 where i.indrelid = c.oid and i.indisprimary) as first
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r'`);
      assert.ok(rows.length >= 15);
      for (const r of rows) assert.equal(r.first, 'tenant_id', `primary key of ${r.table}`);
    });

    it('leads every foreign key with tenant_id on both sides', async () => {
      const rows = await t.db.query<{ name: string; local: string; remote: string }>(`
        select con.conname as name,
               (select attname from pg_attribute where attrelid = con.conrelid and attnum = con.conkey[1]) as local,
               (select attname from pg_attribute where attrelid = con.confrelid and attnum = con.confkey[1]) as remote
        from pg_constraint con join pg_namespace n on n.oid = con.connamespace
        where n.nspname = 'public' and con.contype = 'f'`);
      assert.ok(rows.length >= 20);
      for (const r of rows) {
        assert.equal(r.local, 'tenant_id', r.name);
        assert.equal(r.remote, 'tenant_id', r.name);
      }
    });

    it('leads every unique index with tenant_id', async () => {
      const rows = await t.db.query<{ name: string; first: string | null }>(`
        select ic.relname as name, a.attname as first
        from pg_index i
        join pg_class ic on ic.oid = i.indexrelid
        join pg_class tc on tc.oid = i.indrelid
        join pg_namespace n on n.oid = tc.relnamespace
        left join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
        where n.nspname = 'public' and i.indisunique`);
      for (const r of rows) assert.equal(r.first, 'tenant_id', r.name);
    });
  });
}
