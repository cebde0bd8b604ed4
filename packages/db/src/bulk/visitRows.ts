import type { ItemKind, PaymentMethod, VisitSource } from '@kayoi/contracts';
import { rawQuery, type Orm } from '../database.js';
import { columnLiteral } from './arrayLiteral.js';

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

/**
 * One `insert … select from unnest(…) as u` whose array parameters start at `$first`
 * ($1 is the tenant); `where` filters the unnested rows `u`.
 */
interface BulkInsert {
  text: (first: number, where: string) => string;
  arrays: string[];
}

const placeholders = (first: number, types: string[]) => types.map((t, i) => `$${first + i}::${t}[]`).join(', ');

function visitInsert(rows: readonly VisitRow[]): BulkInsert {
  const types = ['uuid', 'uuid', 'uuid', 'uuid', 'timestamptz', 'int', 'int', 'int', 'text', 'text', 'text'];
  return {
    text: (first, where) =>
      `insert into visits (tenant_id, id, customer_id, store_id, staff_id, started_at, status, subtotal, discount,
                           total, note, external_id, source)
       select $1, u.id, u.customer_id, u.store_id, u.staff_id, u.started_at, 'completed', u.subtotal, u.discount,
              u.total, u.note, u.external_id, u.source
       from unnest(${placeholders(first, types)})
            as u(id, customer_id, store_id, staff_id, started_at, subtotal, discount, total, note, external_id, source)
       ${where}`,
    arrays: [
      columnLiteral(rows, (r) => r.id),
      columnLiteral(rows, (r) => r.customerId),
      columnLiteral(rows, (r) => r.storeId),
      columnLiteral(rows, (r) => r.staffId),
      columnLiteral(rows, (r) => r.startedAt),
      columnLiteral(rows, (r) => r.subtotal),
      columnLiteral(rows, (r) => r.discount),
      columnLiteral(rows, (r) => r.total),
      columnLiteral(rows, (r) => r.note),
      columnLiteral(rows, (r) => r.externalId),
      columnLiteral(rows, (r) => r.source),
    ],
  };
}

function lineItemInsert(rows: readonly LineItemRow[]): BulkInsert {
  const types = ['uuid', 'smallint', 'uuid', 'text', 'text', 'text', 'int', 'int', 'int', 'int', 'int'];
  return {
    text: (first, where) =>
      `insert into visit_line_items (tenant_id, visit_id, position, item_id, kind, name, category, quantity,
                                     unit_price, discount, amount, unit_cost)
       select $1, u.* from unnest(${placeholders(first, types)})
            as u(visit_id, position, item_id, kind, name, category, quantity, unit_price, discount, amount, unit_cost)
       ${where}`,
    arrays: [
      columnLiteral(rows, (r) => r.visitId),
      columnLiteral(rows, (r) => r.position),
      columnLiteral(rows, (r) => r.itemId),
      columnLiteral(rows, (r) => r.kind),
      columnLiteral(rows, (r) => r.name),
      columnLiteral(rows, (r) => r.category),
      columnLiteral(rows, (r) => r.quantity),
      columnLiteral(rows, (r) => r.unitPrice),
      columnLiteral(rows, (r) => r.discount),
      columnLiteral(rows, (r) => r.amount),
      columnLiteral(rows, (r) => r.unitCost),
    ],
  };
}

function paymentInsert(rows: readonly PaymentRow[]): BulkInsert {
  return {
    text: (first, where) =>
      `insert into visit_payments (tenant_id, visit_id, position, method, amount)
       select $1, u.* from unnest(${placeholders(first, ['uuid', 'smallint', 'text', 'int'])})
            as u(visit_id, position, method, amount)
       ${where}`,
    arrays: [
      columnLiteral(rows, (r) => r.visitId),
      columnLiteral(rows, (r) => r.position),
      columnLiteral(rows, (r) => r.method),
      columnLiteral(rows, (r) => r.amount),
    ],
  };
}

/** A statement built ahead of its turn: the text and parameters, ready to send. */
export interface BuiltStatement<T> {
  run(orm: Orm): Promise<T[]>;
}

/**
 * Builds the inserts as one statement (data-modifying WITH clauses). One round trip keeps
 * the database busy while Node parses the next batch: between separate statements it
 * would wait for Node's event loop. Foreign keys hold: their checks run at the end of the
 * statement, when every part is visible. `before` adds WITH clauses the inserts' `where`
 * may use, and `select` ends the statement instead of the last insert.
 */
function buildInserts<T>(
  tenantId: string,
  inserts: { insert: BulkInsert; where: string }[],
  around: { before: string[]; params: unknown[]; select: string } | null = null,
): BuiltStatement<T> {
  let next = 2 + (around?.params.length ?? 0);
  const parts = inserts.map(({ insert, where }) => {
    const text = insert.text(next, where);
    next += insert.arrays.length;
    return text;
  });
  if (parts.length === 0) return { run: async () => [] };
  const last = around ? around.select : parts.pop()!;
  const clauses = [...(around?.before ?? []), ...parts.map((p, i) => `w${i} as (${p})`)];
  const text = clauses.length === 0 ? last : `with ${clauses.join(',\n')}\n${last}`;
  const params = [tenantId, ...(around?.params ?? []), ...inserts.flatMap((i) => i.insert.arrays)];
  return { run: (orm) => rawQuery<T>(orm, text, params) };
}

const everyRow = (insert: BulkInsert) => [{ insert, where: '' }];

export async function insertVisitRows(orm: Orm, tenantId: string, rows: readonly VisitRow[]): Promise<void> {
  if (rows.length > 0) await buildInserts(tenantId, everyRow(visitInsert(rows))).run(orm);
}

export async function insertLineItemRows(orm: Orm, tenantId: string, rows: readonly LineItemRow[]): Promise<void> {
  if (rows.length > 0) await buildInserts(tenantId, everyRow(lineItemInsert(rows))).run(orm);
}

export async function insertPaymentRows(orm: Orm, tenantId: string, rows: readonly PaymentRow[]): Promise<void> {
  if (rows.length > 0) await buildInserts(tenantId, everyRow(paymentInsert(rows))).run(orm);
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
    graphInserts(graph, () => ''),
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
export function unstoredVisitGraphInsert(tenantId: string, graph: VisitGraph): BuiltStatement<StoredReceipt> {
  if (graph.visits.length === 0) return { run: async () => [] };
  // One index probe per key, whatever the statistics say: during a first large import
  // they still describe an empty table, and `external_id = any(…)` was planned as a scan
  // of the business's every visit, which grew with each batch (45 ms per batch at 300k).
  const stored = `stored as (
    select k.id, v.id as stored_id, v.written_now
    from unnest($2::uuid[], $3::text[]) as k(id, external_id)
    cross join lateral (
      select id, (created_at = now() or updated_at = now()) as written_now from visits
      where tenant_id = $1 and external_id = k.external_id limit 1
    ) as v
  )`;
  const statement = buildInserts<{ id: string; stored_id: string; written_now: boolean }>(
    tenantId,
    graphInserts(graph, (visitId) => `where not exists (select 1 from stored s where s.id = ${visitId})`),
    {
      before: [stored],
      params: [columnLiteral(graph.visits, (v) => v.id), columnLiteral(graph.visits, (v) => v.externalId)],
      select: 'select id, stored_id, written_now from stored',
    },
  );
  return {
    run: async (orm) =>
      (await statement.run(orm)).map((r) => ({ id: r.id, storedId: r.stored_id, writtenNow: r.written_now })),
  };
}

/** `where` filters each table's rows by the expression naming their visit's id. */
function graphInserts(graph: VisitGraph, where: (visitId: string) => string) {
  const inserts: { insert: BulkInsert; where: string }[] = [];
  if (graph.visits.length > 0) inserts.push({ insert: visitInsert(graph.visits), where: where('u.id') });
  if (graph.lines.length > 0) inserts.push({ insert: lineItemInsert(graph.lines), where: where('u.visit_id') });
  if (graph.payments.length > 0) inserts.push({ insert: paymentInsert(graph.payments), where: where('u.visit_id') });
  return inserts;
}
