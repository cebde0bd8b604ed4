import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema.js';

export type Schema = typeof schema;
/** Both engines' drizzle databases share this type; transactions are of it too. */
export type Orm = PgDatabase<PgQueryResultHKT, Schema>;
export type Engine = 'pglite' | 'postgres';

export interface Database {
  readonly engine: Engine;
  readonly orm: Orm;
  /** Runs plain SQL with positional parameters; used by bulk paths and tests. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
  /** Only on the PostgreSQL engine: the pool, for the migration lock. */
  readonly pool?: pg.Pool;
}

export interface DatabaseConfig {
  /** postgres://… selects PostgreSQL; otherwise the embedded PGlite engine. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; undefined keeps the database in memory (tests). */
  dataDir?: string | undefined;
  poolSize?: number;
}

// node-postgres turns DATE into a JS Date at local midnight, which shifts days across
// zones; calendar dates stay strings. int8 (counts, sums) become numbers: yen sums stay
// far below 2^53.
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === pg.types.builtins.DATE) return (v: string) => v;
    if (oid === pg.types.builtins.INT8) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format);
  },
};

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.databaseUrl && /^postgres(ql)?:\/\//.test(config.databaseUrl)) {
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: config.poolSize ?? 10, types: pgTypes });
    // A server restart or a dropped connection must not crash the process.
    pool.on('error', (err) => console.error('PostgreSQL pool error:', err.message));
    await pool.query('select 1');
    const orm = drizzleNodePg(pool, { schema }) as unknown as Orm;
    return {
      engine: 'postgres',
      orm,
      pool,
      async query<T>(text: string, params: unknown[] = []) {
        return (await pool.query(text, params)).rows as T[];
      },
      close: () => pool.end(),
    };
  }
  const client = await PGlite.create({
    ...(config.dataDir ? { dataDir: config.dataDir } : {}),
    extensions: { pg_trgm },
  });
  const orm = drizzlePglite(client, { schema }) as unknown as Orm;
  return {
    engine: 'pglite',
    orm,
    async query<T>(text: string, params: unknown[] = []) {
      return (await client.query<T>(text, params)).rows;
    },
    close: () => client.close(),
  };
}

/** Rows of a drizzle `sql` query on either engine (both drivers answer with `.rows`). */
export async function rowsOf<T>(executor: Orm, query: SQL): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

interface DriverClient {
  query(text: string, params: unknown[]): Promise<{ rows: unknown[] }>;
}

function driverClientOf(orm: Orm): DriverClient {
  const client = (orm as unknown as { session?: { client?: DriverClient } }).session?.client;
  if (!client || typeof client.query !== 'function') throw new Error('drizzle internals changed: no session.client');
  return client;
}

/**
 * How bulk statements on this connection send array parameters: binary where the driver
 * is node-postgres (it sends a Buffer as a binary parameter), text on PGlite.
 */
export function arrayEncodingOf(orm: Orm): 'binary' | 'text' {
  const client = driverClientOf(orm);
  return client instanceof pg.Pool || client instanceof pg.Client ? 'binary' : 'text';
}

/**
 * Plain SQL on the connection behind a drizzle database or transaction. Bulk statements
 * use it because drizzle's query builder walks every element of array parameters, which
 * cost about a second per million values in the import profile. Both drivers keep their
 * client (pg Pool/PoolClient, PGlite/its Transaction) at `session.client`; the import
 * tests run this path on both engines, and a missing client fails loudly here.
 */
export async function rawQuery<T>(orm: Orm, text: string, params: unknown[] = []): Promise<T[]> {
  return (await driverClientOf(orm).query(text, params)).rows as T[];
}
