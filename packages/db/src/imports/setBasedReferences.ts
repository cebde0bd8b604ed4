import { rawQuery, type Orm } from '../database.js';

/**
 * PostgreSQL checks a foreign key with a trigger per inserted row: a planned lookup of the
 * referenced row and a lock on it. In a visits import those triggers were 40 % of the
 * database's time (docs/benchmarks.md), checking, row by row, references the import has
 * already resolved itself. So inside the import's transaction the per-row triggers are
 * suspended (session_replication_role = replica, what pg_restore --disable-triggers does)
 * and the same guarantee is given once per set: every referenced row is locked FOR KEY
 * SHARE (the lock the trigger takes, so a concurrent delete waits for our commit) and
 * counted. The constraints stay declared; nothing else sees a difference.
 *
 * Suspending needs superuser or, on PostgreSQL 15+, `GRANT SET ON PARAMETER
 * session_replication_role`. Without it the triggers stay on: the import is slower, not
 * different.
 */
export async function trySuspendRowTriggers(orm: Orm): Promise<boolean> {
  await rawQuery(orm, 'savepoint kayoi_row_triggers');
  try {
    await rawQuery(orm, 'set local session_replication_role = replica');
  } catch {
    await rawQuery(orm, 'rollback to savepoint kayoi_row_triggers');
    return false;
  }
  await rawQuery(orm, 'release savepoint kayoi_row_triggers');
  return true;
}

/** Back to normal trigger firing for whatever the transaction does next. */
export async function resumeRowTriggers(orm: Orm): Promise<void> {
  await rawQuery(orm, 'set local session_replication_role = origin');
}

export type ReferencedTable = 'customers' | 'stores' | 'users' | 'catalog_items';

/**
 * Locks the tenant's rows with these ids as a foreign-key trigger would, and throws when
 * one is missing: the rows written so far refer to it, so the transaction must not commit.
 */
export async function lockReferencedRowsOrThrow(
  orm: Orm,
  tenantId: string,
  table: ReferencedTable,
  ids: Iterable<string>,
): Promise<void> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return;
  const [locked] = await rawQuery<{ n: number }>(
    orm,
    `select count(*)::int as n
       from (select 1 from ${table} where tenant_id = $1 and id = any($2::uuid[]) for key share) as referenced`,
    [tenantId, wanted],
  );
  const missing = wanted.length - (locked?.n ?? 0);
  if (missing !== 0) throw new Error(`${missing} referenced ${table} row(s) disappeared during the import`);
}
