import type { ItemKind, PaymentMethod, VisitSource } from '@kayoi/contracts';
import { arrayEncodingOf, rawQuery, type Orm } from '../database.js';
import { columnLiteral } from './arrayLiteral.js';
import { binaryArray, type ElementType, type ElementValue } from './binaryArray.js';

/**
 * Bulk writes of visits and their lines: one statement whatever the row count, with each
 * column sent as one array parameter (unnest). Used by imports and the demo.
 */
export interface VisitRow {
  id: string;
  customerId: string;
  storeId: string;
  staffId: string | null;
  startedAt: Date;
  subtotal: number;
  discount: number;
  total: number;
  note: string | null;
  externalId: string | null;
  source: VisitSource;
}

export interface LineItemRow {
  visitId: string;
  position: number;
  itemId: string | null;
  kind: ItemKind;
  name: string;
  category: string | null;
  quantity: number;
  unitPrice: number;
  discount: number;
  amount: number;
  unitCost: number;
}

export interface PaymentRow {
  visitId: string;
  position: number;
  method: PaymentMethod;
  amount: number;
}

/** How array parameters travel: binary to the PostgreSQL server, text to PGlite. */
export type ArrayEncoding = 'binary' | 'text';

interface Column<T> {
  name: string;
  type: ElementType;
  pick: (row: T) => ElementValue;
}

/**
 * One `insert … select from unnest(…) as u` whose array parameters start at `$first`
 * ($1 is the tenant); `where` filters the unnested rows `u`.
 */
interface BulkInsert {
  text: (first: number, where: string) => string;
  arrays: (string | Buffer)[];
}

export function arrayParam<T>(
  encoding: ArrayEncoding,
  type: ElementType,
  rows: readonly T[],
  pick: (row: T) => ElementValue,
): string | Buffer {
  return encoding === 'binary' ? binaryArray(type, rows, pick) : columnLiteral(rows, pick);
}

/** `insert into table (tenant_id, …columns) select $1, u.… from unnest(…) as u(…)`. */
function bulkInsert<T>(
  table: string,
  columns: readonly Column<T>[],
  rows: readonly T[],
  encoding: ArrayEncoding,
  constants: Record<string, string> = {},
): BulkInsert {
  const names = columns.map((c) => c.name);
  const targets = ['tenant_id', ...names, ...Object.keys(constants)].join(', ');
  const values = ['$1', ...names.map((n) => `u.${n}`), ...Object.values(constants)].join(', ');
  return {
    text: (first, where) =>
      `insert into ${table} (${targets})
       select ${values}
       from unnest(${columns.map((c, i) => `$${first + i}::${c.type}[]`).join(', ')}) as u(${names.join(', ')})
       ${where}`,
    arrays: columns.map((c) => arrayParam(encoding, c.type, rows, c.pick)),
  };
}

const visitColumns: readonly Column<VisitRow>[] = [
  { name: 'id', type: 'uuid', pick: (r) => r.id },
  { name: 'customer_id', type: 'uuid', pick: (r) => r.customerId },
  { name: 'store_id', type: 'uuid', pick: (r) => r.storeId },
  { name: 'staff_id', type: 'uuid', pick: (r) => r.staffId },
  { name: 'started_at', type: 'timestamptz', pick: (r) => r.startedAt },
  { name: 'subtotal', type: 'int4', pick: (r) => r.subtotal },
  { name: 'discount', type: 'int4', pick: (r) => r.discount },
  { name: 'total', type: 'int4', pick: (r) => r.total },
  { name: 'note', type: 'text', pick: (r) => r.note },
  { name: 'external_id', type: 'text', pick: (r) => r.externalId },
  { name: 'source', type: 'text', pick: (r) => r.source },
];

const lineItemColumns: readonly Column<LineItemRow>[] = [
  { name: 'visit_id', type: 'uuid', pick: (r) => r.visitId },
  { name: 'position', type: 'int2', pick: (r) => r.position },
  { name: 'item_id', type: 'uuid', pick: (r) => r.itemId },
  { name: 'kind', type: 'text', pick: (r) => r.kind },
  { name: 'name', type: 'text', pick: (r) => r.name },
  { name: 'category', type: 'text', pick: (r) => r.category },
  { name: 'quantity', type: 'int4', pick: (r) => r.quantity },
  { name: 'unit_price', type: 'int4', pick: (r) => r.unitPrice },
  { name: 'discount', type: 'int4', pick: (r) => r.discount },
  { name: 'amount', type: 'int4', pick: (r) => r.amount },
  { name: 'unit_cost', type: 'int4', pick: (r) => r.unitCost },
];

const paymentColumns: readonly Column<PaymentRow>[] = [
  { name: 'visit_id', type: 'uuid', pick: (r) => r.visitId },
  { name: 'position', type: 'int2', pick: (r) => r.position },
  { name: 'method', type: 'text', pick: (r) => r.method },
  { name: 'amount', type: 'int4', pick: (r) => r.amount },
];

const visitInsert = (rows: readonly VisitRow[], encoding: ArrayEncoding) =>
  bulkInsert('visits', visitColumns, rows, encoding, { status: "'completed'" });
const lineItemInsert = (rows: readonly LineItemRow[], encoding: ArrayEncoding) =>
  bulkInsert('visit_line_items', lineItemColumns, rows, encoding);
const paymentInsert = (rows: readonly PaymentRow[], encoding: ArrayEncoding) =>
  bulkInsert('visit_payments', paymentColumns, rows, encoding);

/** A statement built ahead of its turn: the text and parameters, ready to send. */
export interface BuiltStatement<T> {
  run(orm: Orm): Promise<T[]>;
}

/**
 * Builds the inserts as one statement (data-modifying WITH clauses). One round trip keeps
 * the database busy while Node parses the next batch: between separate statements it
 * would wait for Node's event loop. Foreign keys hold: their checks run at the end of the
 * statement, when every part is visible. `before` adds WITH clauses the inserts' `where`
 * may use (the first insert's arrays start at $2), and `select` ends the statement
 * instead of the last insert.
 */
function buildInserts<T>(
  tenantId: string,
  inserts: { insert: BulkInsert; where: string }[],
  around: { before: string; select: string } | null = null,
): BuiltStatement<T> {
  let next = 2;
  const parts = inserts.map(({ insert, where }) => {
    const text = insert.text(next, where);
    next += insert.arrays.length;
    return text;
  });
  if (parts.length === 0) return { run: async () => [] };
  const last = around ? around.select : parts.pop()!;
  const clauses = [...(around ? [around.before] : []), ...parts.map((p, i) => `w${i} as (${p})`)];
  const text = clauses.length === 0 ? last : `with ${clauses.join(',\n')}\n${last}`;
  const params = [tenantId, ...inserts.flatMap((i) => i.insert.arrays)];
  return { run: (orm) => rawQuery<T>(orm, text, params) };
}

const everyRow = (insert: BulkInsert) => [{ insert, where: '' }];

export async function insertVisitRows(orm: Orm, tenantId: string, rows: readonly VisitRow[]): Promise<void> {
  if (rows.length > 0) await buildInserts(tenantId, everyRow(visitInsert(rows, arrayEncodingOf(orm)))).run(orm);
}

export async function insertLineItemRows(orm: Orm, tenantId: string, rows: readonly LineItemRow[]): Promise<void> {
  if (rows.length > 0) await buildInserts(tenantId, everyRow(lineItemInsert(rows, arrayEncodingOf(orm)))).run(orm);
}

export async function insertPaymentRows(orm: Orm, tenantId: string, rows: readonly PaymentRow[]): Promise<void> {
  if (rows.length > 0) await buildInserts(tenantId, everyRow(paymentInsert(rows, arrayEncodingOf(orm)))).run(orm);
}

export interface VisitGraph {
  visits: readonly VisitRow[];
  lines: readonly LineItemRow[];
  payments: readonly PaymentRow[];
}

/** Visits with their line items and payments, in one statement. */
export async function insertVisitGraph(orm: Orm, tenantId: string, graph: VisitGraph): Promise<void> {
  await buildInserts(
    tenantId,
    graphInserts(graph, arrayEncodingOf(orm), () => ''),
  ).run(orm);
}

/** A visit of the graph whose receipt (external id) was already stored, under `storedId`. */
export interface StoredReceipt {
  id: string;
  storedId: string;
  /** Stored by this same transaction: the receipt came twice in one import. */
  writtenNow: boolean;
}

/**
 * Builds the insert of the visits whose external id is not stored yet, with their lines
 * and payments; it returns the others, written nothing of, for the caller to update or
 * refuse. One statement, so a first import (where nothing is stored) costs one round trip
 * per batch, and it can be built while the statement before it runs.
 */
export function unstoredVisitGraphInsert(
  tenantId: string,
  graph: VisitGraph,
  encoding: ArrayEncoding,
): BuiltStatement<StoredReceipt> {
  if (graph.visits.length === 0) return { run: async () => [] };
  // One index probe per key, whatever the statistics say: during a first large import
  // they still describe an empty table, and `external_id = any(…)` was planned as a scan
  // of the business's every visit, which grew with each batch (45 ms per batch at 300k).
  // written_now: now() is the transaction's start, which no other transaction's write shares.
  // The visits insert comes first, so its arrays start at $2: the lookup reads the ids and
  // receipt numbers from them instead of having them sent twice.
  const param = (name: string) => `$${2 + visitColumns.findIndex((c) => c.name === name)}`;
  const stored = `stored as (
    select k.id, v.id as stored_id, v.written_now
    from unnest(${param('id')}::uuid[], ${param('external_id')}::text[]) as k(id, external_id)
    cross join lateral (
      select id, (created_at = now() or updated_at = now()) as written_now from visits
      where tenant_id = $1 and external_id = k.external_id limit 1
    ) as v
  )`;
  const statement = buildInserts<{ id: string; stored_id: string; written_now: boolean }>(
    tenantId,
    graphInserts(graph, encoding, (visitId) => `where not exists (select 1 from stored s where s.id = ${visitId})`),
    { before: stored, select: 'select id, stored_id, written_now from stored' },
  );
  return {
    run: async (orm) =>
      (await statement.run(orm)).map((r) => ({ id: r.id, storedId: r.stored_id, writtenNow: r.written_now })),
  };
}

/** `where` filters each table's rows by the expression naming their visit's id. */
function graphInserts(graph: VisitGraph, encoding: ArrayEncoding, where: (visitId: string) => string) {
  const inserts: { insert: BulkInsert; where: string }[] = [];
  if (graph.visits.length > 0) inserts.push({ insert: visitInsert(graph.visits, encoding), where: where('u.id') });
  if (graph.lines.length > 0)
    inserts.push({ insert: lineItemInsert(graph.lines, encoding), where: where('u.visit_id') });
  if (graph.payments.length > 0)
    inserts.push({ insert: paymentInsert(graph.payments, encoding), where: where('u.visit_id') });
  return inserts;
}
