import type { ErrorCode } from '@kayoi/contracts';
import { AppFailure } from '@kayoi/core';
import { sql, type SQL } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';

// uuid asks the system for 16 random bytes per id; imports make hundreds of thousands of
// ids, so the bytes are drawn 4 KiB at a time instead.
const pool = new Uint8Array(4096);
let poolOffset = pool.length;
// Given its own random bytes, uuid keeps no sequence, and ids made in one millisecond sort
// at random; lists ordered by id ("newest first") need them increasing, so the
// per-millisecond counter of RFC 9562 §6.2 (method 1) is kept here.
let lastMillis = -Infinity;
let sequence = 0;

/** Time-ordered ids (UUIDv7), increasing within this process: new rows land at the end of the index. */
export function newId(): string {
  if (poolOffset + 16 > pool.length) {
    crypto.getRandomValues(pool);
    poolOffset = 0;
  }
  const random = pool.subarray(poolOffset, poolOffset + 16);
  poolOffset += 16;
  const now = Date.now();
  if (now > lastMillis) {
    lastMillis = now;
    // A random start leaves 2^31 increments before the counter could wrap.
    sequence = ((random[6]! & 0x7f) << 24) | (random[7]! << 16) | (random[8]! << 8) | random[9]!;
  } else {
    sequence = (sequence + 1) | 0;
    if (sequence === 0) lastMillis++;
  }
  return uuidv7({ random, msecs: lastMillis, seq: sequence });
}

/** Raw SQL answers timestamps as text ("2026-01-02 03:04:05.6+00"); the query builder as Date. */
export function toDate(value: Date | string): Date {
  if (value instanceof Date) return value;
  const iso = value.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00');
  return new Date(iso);
}

export function iso(value: Date | string): string;
export function iso(value: Date | string | null): string | null;
export function iso(value: Date | string | null): string | null {
  return value === null ? null : toDate(value).toISOString();
}

const constraintCodes: Record<string, ErrorCode> = {
  users_tenant_email_key: 'EMAIL_TAKEN',
  customers_external_id_key: 'EXTERNAL_ID_TAKEN',
  customers_line_user_id_key: 'LINE_USER_ID_TAKEN',
  visits_external_id_key: 'EXTERNAL_ID_TAKEN',
  acquisition_channels_name_key: 'NAME_TAKEN',
  catalog_items_name_key: 'NAME_TAKEN',
  attribute_definitions_key_key: 'ATTRIBUTE_KEY_TAKEN',
  segments_name_key: 'NAME_TAKEN',
  message_templates_name_key: 'NAME_TAKEN',
  customers_acquisition_channel_fk: 'CHANNEL_NOT_FOUND',
  ad_spend_channel_fk: 'CHANNEL_NOT_FOUND',
  visits_customer_fk: 'CUSTOMER_NOT_FOUND',
  visits_store_fk: 'STORE_NOT_FOUND',
  visits_staff_fk: 'USER_NOT_FOUND',
  visit_line_items_item_fk: 'ITEM_NOT_FOUND',
  customer_attribute_values_attribute_fk: 'ATTRIBUTE_NOT_FOUND',
  customer_attribute_values_customer_fk: 'CUSTOMER_NOT_FOUND',
  customer_consents_customer_fk: 'CUSTOMER_NOT_FOUND',
  consent_events_customer_fk: 'CUSTOMER_NOT_FOUND',
  sessions_user_fk: 'USER_NOT_FOUND',
};

interface PgErrorLike {
  code?: unknown;
  constraint?: unknown;
  cause?: unknown;
}

/** The constraint a database error names, looking through drizzle's wrapper. */
export function violatedConstraint(err: unknown): string | null {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const e = current as PgErrorLike;
    if ((e.code === '23505' || e.code === '23503') && typeof e.constraint === 'string') return e.constraint;
    current = e.cause;
  }
  return null;
}

/**
 * Runs a write and turns a unique or foreign-key violation into the domain's error code.
 * The database is the final judge: two requests racing for one external id cannot both win.
 */
export async function guardConstraints<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    const constraint = violatedConstraint(err);
    const code = constraint ? constraintCodes[constraint] : undefined;
    if (code) throw new AppFailure({ code, details: { constraint } });
    throw err;
  }
}

/** Keyset paging: an opaque cursor holding the sort-key values of the last row. */
export interface SortKey {
  expr: SQL;
  dir: 'asc' | 'desc';
  cast: 'text' | 'timestamptz' | 'int' | 'uuid';
}

export function encodeCursor(values: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, length: number): string[] | null {
  if (!cursor) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === length && parsed.every((v) => typeof v === 'string')) {
      return parsed as string[];
    }
  } catch {
    // fall through: a damaged cursor is a validation error
  }
  throw new AppFailure({ code: 'VALIDATION_FAILED', details: { cursor: 'not a cursor from this list' } });
}

/** (k1, k2, …) strictly after the cursor, honouring each key's direction. */
export function afterCursor(keys: readonly SortKey[], values: readonly string[]): SQL {
  const bound = (i: number) => sql`${values[i]}::${sql.raw(keys[i]!.cast)}`;
  const branches = keys.map((key, i) => {
    const equalities = keys.slice(0, i).map((k, j) => sql`${k.expr} = ${bound(j)}`);
    const step = key.dir === 'asc' ? sql`${key.expr} > ${bound(i)}` : sql`${key.expr} < ${bound(i)}`;
    return sql.join([...equalities, step], sql` and `);
  });
  return sql`(${sql.join(
    branches.map((b) => sql`(${b})`),
    sql` or `,
  )})`;
}

export function orderBy(keys: readonly SortKey[]): SQL {
  return sql.join(
    keys.map((k) => sql`${k.expr} ${sql.raw(k.dir)}`),
    sql`, `,
  );
}

/** Selects each sort key as text, so the cursor holds exactly what the database compares. */
export function sortKeyColumns(keys: readonly SortKey[]): SQL {
  return sql.join(
    keys.map((k, i) => sql`(${k.expr})::text as ${sql.raw(`sk${i}`)}`),
    sql`, `,
  );
}

export function cursorFromRow(row: Record<string, unknown>, keys: readonly SortKey[]): string {
  return encodeCursor(keys.map((_, i) => String(row[`sk${i}`])));
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}
