import { fileURLToPath } from 'node:url';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { Database } from './database.js';

export const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));

// Any constant works; it only has to be the same in every Kayoi process.
const MIGRATION_LOCK_KEY = 7_382_910_441;

/**
 * Brings the schema up to date. On PostgreSQL several processes may start at once, so
 * the migration runs under a session advisory lock on one dedicated connection.
 */
export async function migrateDatabase(db: Database): Promise<void> {
  if (db.engine === 'pglite') {
    await migratePglite(db.orm as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  if (!db.pool) throw new Error('PostgreSQL engine without a pool');
  const client = await db.pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migrateNodePg(drizzleNodePg(client), { migrationsFolder });
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    client.release();
  }
}
