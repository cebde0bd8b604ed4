import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database, type Engine } from '../database.js';
import { migrateDatabase } from '../migrate.js';

/** The server tests run against; CI and this machine have it on 127.0.0.1:5432 (trust auth). */
export const testServerUrl = process.env.KAYOI_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const engines: readonly Engine[] = ['pglite', 'postgres'];

export interface TestDatabase {
  db: Database;
  url: string | undefined;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database: in-memory PGlite, or a new database on the PostgreSQL
 * server that is dropped afterwards, so test files never see each other's rows.
 */
export async function openTestDatabase(engine: Engine, options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const db = await openDatabase({});
    if (options.migrate !== false) await migrateDatabase(db);
    return { db, url: undefined, drop: () => db.close() };
  }
  const name = `kayoi_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testServerUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(testServerUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
  if (options.migrate !== false) await migrateDatabase(db);
  return {
    db,
    url: url.toString(),
    async drop() {
      await db.close();
      const cleanup = new pg.Client({ connectionString: testServerUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/** A staff member without login, as test and benchmark shops need them. */
export function staffMember(name: string) {
  return {
    name,
    nameKana: null,
    email: null,
    passwordHash: null,
    role: 'staff' as const,
    active: true,
    storeIds: [] as string[],
  };
}
