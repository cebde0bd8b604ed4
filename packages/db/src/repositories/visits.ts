import type { LineItem, Payment, Visit, VisitSource } from '@kayoi/contracts';
import type { VisitRepository, VisitWrite } from '@kayoi/core';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Orm } from '../database.js';
import { visitLineItems, visitPayments, visits } from '../schema.js';
import {
  afterCursor,
  cursorFromRow,
  decodeCursor,
  guardConstraints,
  iso,
  newId,
  orderBy,
  sortKeyColumns,
  type SortKey,
} from './shared.js';

interface VisitRow {
  id: string;
  customer_id: string;
  store_id: string;
  staff_id: string | null;
  started_at: string;
  status: 'completed' | 'voided';
  subtotal: number;
  discount: number;
  total: number;
  note: string | null;
  external_id: string | null;
  source: VisitSource;
  voided_at: string | null;
  void_reason: string | null;
  created_at: string;
  updated_at: string;
}

const visitColumns = sql.raw(`v.id, v.customer_id, v.store_id, v.staff_id, v.started_at::text as started_at,
  v.status, v.subtotal, v.discount, v.total, v.note, v.external_id, v.source, v.voided_at::text as voided_at,
  v.void_reason, v.created_at::text as created_at, v.updated_at::text as updated_at`);

/** Visits with their line items and payments, in the order of `rows`: three queries in all. */
async function withLines(orm: Orm, tenantId: string, rows: VisitRow[]): Promise<Visit[]> {
  if (rows.length === 0) return [];
  const ids = sql.param(rows.map((r) => r.id));
  // One after another: inside a transaction they share a connection, which takes one query at a time.
  const items = await rowsOf<LineItem & { visitId: string }>(
    orm,
    sql`select visit_id as "visitId", item_id as "itemId", kind, name, category, quantity,
                 unit_price as "unitPrice", discount, amount, unit_cost as "unitCost"
          from visit_line_items where tenant_id = ${tenantId} and visit_id = any(${ids}::uuid[])
          order by visit_id, position`,
  );
  const payments = await rowsOf<Payment & { visitId: string }>(
    orm,
    sql`select visit_id as "visitId", method, amount from visit_payments
          where tenant_id = ${tenantId} and visit_id = any(${ids}::uuid[]) order by visit_id, position`,
  );
  const group = <T extends { visitId: string }>(list: T[]) => {
    const map = new Map<string, Omit<T, 'visitId'>[]>();
    for (const { visitId, ...rest } of list) map.set(visitId, [...(map.get(visitId) ?? []), rest]);
    return map;
  };
  const itemsByVisit = group(items);
  const paymentsByVisit = group(payments);
  return rows.map((r) => ({
    id: r.id,
    customerId: r.customer_id,
    storeId: r.store_id,
    staffId: r.staff_id,
    startedAt: iso(r.started_at),
    status: r.status,
    subtotal: r.subtotal,
    discount: r.discount,
    total: r.total,
    items: itemsByVisit.get(r.id) ?? [],
    payments: paymentsByVisit.get(r.id) ?? [],
    note: r.note,
    externalId: r.external_id,
    source: r.source,
    voidedAt: iso(r.voided_at),
    voidReason: r.void_reason,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  }));
}

/** Loads visits by id (any order in, input order out; missing ids are skipped). */
export async function loadVisits(orm: Orm, tenantId: string, ids: string[]): Promise<Visit[]> {
  if (ids.length === 0) return [];
  const rows = await rowsOf<VisitRow>(
    orm,
    sql`select ${visitColumns} from visits v where v.tenant_id = ${tenantId} and v.id = any(${sql.param(ids)}::uuid[])`,
  );
  const byId = new Map((await withLines(orm, tenantId, rows)).map((v) => [v.id, v]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

const listOrder: SortKey[] = [
  { expr: sql`v.started_at`, dir: 'desc', cast: 'timestamptz' },
  { expr: sql`v.id`, dir: 'desc', cast: 'uuid' },
];

export function visitRepository(orm: Orm, tenantId: string): VisitRepository {
  async function writeLines(visitId: string, visit: VisitWrite) {
    if (visit.items.length > 0) {
      await guardConstraints(
        orm
          .insert(visitLineItems)
          .values(visit.items.map((item, position) => ({ tenantId, visitId, position, ...item }))),
      );
    }
    if (visit.payments.length > 0) {
      await orm
        .insert(visitPayments)
        .values(
          visit.payments.map((p, position) => ({ tenantId, visitId, position, method: p.method, amount: p.amount })),
        );
    }
  }
  async function findById(id: string) {
    const [visit] = await loadVisits(orm, tenantId, [id]);
    return visit ?? null;
  }
  const columns = (v: VisitWrite) => ({
    customerId: v.customerId,
    storeId: v.storeId,
    staffId: v.staffId,
    startedAt: v.startedAt,
    status: v.status,
    subtotal: v.subtotal,
    discount: v.discount,
    total: v.total,
    note: v.note,
    externalId: v.externalId,
    source: v.source,
  });

  return {
    findById,
    async insert(visit) {
      const id = newId();
      await guardConstraints(orm.insert(visits).values({ tenantId, id, ...columns(visit) }));
      await writeLines(id, visit);
      const stored = await findById(id);
      if (!stored) throw new Error('inserted visit not found');
      return stored;
    },
    async replace(id, visit) {
      const scope = and(eq(visits.tenantId, tenantId), eq(visits.id, id));
      const rows = await guardConstraints(
        orm
          .update(visits)
          .set({ ...columns(visit), updatedAt: new Date() })
          .where(scope)
          .returning({ id: visits.id }),
      );
      if (rows.length === 0) return null;
      await orm
        .delete(visitLineItems)
        .where(and(eq(visitLineItems.tenantId, tenantId), eq(visitLineItems.visitId, id)));
      await orm.delete(visitPayments).where(and(eq(visitPayments.tenantId, tenantId), eq(visitPayments.visitId, id)));
      await writeLines(id, visit);
      return findById(id);
    },
    async markVoided(id, reason, at) {
      const rows = await orm
        .update(visits)
        .set({ status: 'voided', voidedAt: at, voidReason: reason, updatedAt: at })
        .where(and(eq(visits.tenantId, tenantId), eq(visits.id, id)))
        .returning({ id: visits.id });
      return rows.length > 0 ? findById(id) : null;
    },
    async list(filter) {
      const where: SQL[] = [sql`v.tenant_id = ${tenantId}`];
      if (filter.status !== 'all') where.push(sql`v.status = ${filter.status}`);
      if (filter.customerId) where.push(sql`v.customer_id = ${filter.customerId}`);
      if (filter.storeId) where.push(sql`v.store_id = ${filter.storeId}`);
      if (filter.staffId) where.push(sql`v.staff_id = ${filter.staffId}`);
      if (filter.fromInstant) where.push(sql`v.started_at >= ${filter.fromInstant.toISOString()}::timestamptz`);
      if (filter.toInstant) where.push(sql`v.started_at < ${filter.toInstant.toISOString()}::timestamptz`);
      const after = decodeCursor(filter.cursor, listOrder.length);
      if (after) where.push(afterCursor(listOrder, after));
      const rows = await rowsOf<VisitRow & Record<string, unknown>>(
        orm,
        sql`select ${visitColumns}, ${sortKeyColumns(listOrder)} from visits v where ${sql.join(where, sql` and `)}
            order by ${orderBy(listOrder)} limit ${filter.limit + 1}`,
      );
      const page = rows.slice(0, filter.limit);
      const last = page.at(-1);
      return {
        items: await withLines(orm, tenantId, page),
        nextCursor: rows.length > filter.limit && last ? cursorFromRow(last, listOrder) : null,
      };
    },
  };
}
