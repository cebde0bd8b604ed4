import type { ItemKind, PaymentMethod, VisitSource } from '@kayoi/contracts';
import { rawQuery, type Orm } from '../database.js';

/**
 * Bulk writes of visits and their lines: one statement per table whatever the row count,
 * with each column sent as one array parameter (unnest). Used by imports and the demo.
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

export async function insertVisitRows(orm: Orm, tenantId: string, rows: readonly VisitRow[]): Promise<void> {
  if (rows.length === 0) return;
  await rawQuery(
    orm,
    `insert into visits (tenant_id, id, customer_id, store_id, staff_id, started_at, status, subtotal, discount,
                         total, note, external_id, source)
     select $1, u.id, u.customer_id, u.store_id, u.staff_id, u.started_at, 'completed', u.subtotal, u.discount,
            u.total, u.note, u.external_id, u.source
     from unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::timestamptz[], $7::int[], $8::int[], $9::int[],
                 $10::text[], $11::text[], $12::text[])
          as u(id, customer_id, store_id, staff_id, started_at, subtotal, discount, total, note, external_id, source)`,
    [
      tenantId,
      rows.map((r) => r.id),
      rows.map((r) => r.customerId),
      rows.map((r) => r.storeId),
      rows.map((r) => r.staffId),
      rows.map((r) => r.startedAt.toISOString()),
      rows.map((r) => r.subtotal),
      rows.map((r) => r.discount),
      rows.map((r) => r.total),
      rows.map((r) => r.note),
      rows.map((r) => r.externalId),
      rows.map((r) => r.source),
    ],
  );
}

export async function insertLineItemRows(orm: Orm, tenantId: string, rows: readonly LineItemRow[]): Promise<void> {
  if (rows.length === 0) return;
  await rawQuery(
    orm,
    `insert into visit_line_items (tenant_id, visit_id, position, item_id, kind, name, category, quantity,
                                   unit_price, discount, amount, unit_cost)
     select $1, u.* from unnest($2::uuid[], $3::smallint[], $4::uuid[], $5::text[], $6::text[], $7::text[],
                                $8::int[], $9::int[], $10::int[], $11::int[], $12::int[]) as u`,
    [
      tenantId,
      rows.map((r) => r.visitId),
      rows.map((r) => r.position),
      rows.map((r) => r.itemId),
      rows.map((r) => r.kind),
      rows.map((r) => r.name),
      rows.map((r) => r.category),
      rows.map((r) => r.quantity),
      rows.map((r) => r.unitPrice),
      rows.map((r) => r.discount),
      rows.map((r) => r.amount),
      rows.map((r) => r.unitCost),
    ],
  );
}

export async function insertPaymentRows(orm: Orm, tenantId: string, rows: readonly PaymentRow[]): Promise<void> {
  if (rows.length === 0) return;
  await rawQuery(
    orm,
    `insert into visit_payments (tenant_id, visit_id, position, method, amount)
     select $1, u.* from unnest($2::uuid[], $3::smallint[], $4::text[], $5::int[]) as u`,
    [
      tenantId,
      rows.map((r) => r.visitId),
      rows.map((r) => r.position),
      rows.map((r) => r.method),
      rows.map((r) => r.amount),
    ],
  );
}
