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

/** One `insert … select from unnest(…)` whose array parameters start at `$first` ($1 is the tenant). */
interface BulkInsert {
  text: (first: number) => string;
  arrays: string[];
}

const placeholders = (first: number, types: string[]) => types.map((t, i) => `$${first + i}::${t}[]`).join(', ');

function visitInsert(rows: readonly VisitRow[]): BulkInsert {
  const types = ['uuid', 'uuid', 'uuid', 'uuid', 'timestamptz', 'int', 'int', 'int', 'text', 'text', 'text'];
  return {
    text: (first) =>
      `insert into visits (tenant_id, id, customer_id, store_id, staff_id, started_at, status, subtotal, discount,
                           total, note, external_id, source)
       select $1, u.id, u.customer_id, u.store_id, u.staff_id, u.started_at, 'completed', u.subtotal, u.discount,
              u.total, u.note, u.external_id, u.source
       from unnest(${placeholders(first, types)})
            as u(id, customer_id, store_id, staff_id, started_at, subtotal, discount, total, note, external_id, source)`,
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
    text: (first) =>
      `insert into visit_line_items (tenant_id, visit_id, position, item_id, kind, name, category, quantity,
                                     unit_price, discount, amount, unit_cost)
       select $1, u.* from unnest(${placeholders(first, types)}) as u`,
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
    text: (first) =>
      `insert into visit_payments (tenant_id, visit_id, position, method, amount)
       select $1, u.* from unnest(${placeholders(first, ['uuid', 'smallint', 'text', 'int'])}) as u`,
    arrays: [
      columnLiteral(rows, (r) => r.visitId),
      columnLiteral(rows, (r) => r.position),
      columnLiteral(rows, (r) => r.method),
      columnLiteral(rows, (r) => r.amount),
    ],
  };
}

/**
 * Runs the inserts as one statement (data-modifying WITH clauses). One round trip keeps
 * the database busy while Node parses the next batch: between separate statements it
 * would wait for Node's event loop. Foreign keys hold: their checks run at the end of the
 * statement, when every part is visible.
 */
async function runInserts(orm: Orm, tenantId: string, inserts: BulkInsert[]): Promise<void> {
  let next = 2;
  const parts = inserts.map((insert) => {
    const text = insert.text(next);
    next += insert.arrays.length;
    return text;
  });
  if (parts.length === 0) return;
  const last = parts.pop()!;
  const text = parts.length === 0 ? last : `with ${parts.map((p, i) => `w${i} as (${p})`).join(',\n')}\n${last}`;
  await rawQuery(orm, text, [tenantId, ...inserts.flatMap((i) => i.arrays)]);
}

export async function insertVisitRows(orm: Orm, tenantId: string, rows: readonly VisitRow[]): Promise<void> {
  if (rows.length > 0) await runInserts(orm, tenantId, [visitInsert(rows)]);
}

export async function insertLineItemRows(orm: Orm, tenantId: string, rows: readonly LineItemRow[]): Promise<void> {
  if (rows.length > 0) await runInserts(orm, tenantId, [lineItemInsert(rows)]);
}

export async function insertPaymentRows(orm: Orm, tenantId: string, rows: readonly PaymentRow[]): Promise<void> {
  if (rows.length > 0) await runInserts(orm, tenantId, [paymentInsert(rows)]);
}

/** Visits with their line items and payments, in one statement. */
export async function insertVisitGraph(
  orm: Orm,
  tenantId: string,
  graph: { visits: readonly VisitRow[]; lines: readonly LineItemRow[]; payments: readonly PaymentRow[] },
): Promise<void> {
  const inserts: BulkInsert[] = [];
  if (graph.visits.length > 0) inserts.push(visitInsert(graph.visits));
  if (graph.lines.length > 0) inserts.push(lineItemInsert(graph.lines));
  if (graph.payments.length > 0) inserts.push(paymentInsert(graph.payments));
  await runInserts(orm, tenantId, inserts);
}
