import type { ItemKind, PaymentMethod } from '@kayoi/contracts';
import type { RowProblem, VisitImportLine } from '@kayoi/core';
import { sql } from 'drizzle-orm';
import { rawQuery, rowsOf, type Orm } from '../database.js';
import { insertLineItemRows, insertPaymentRows, type LineItemRow, type PaymentRow } from '../bulk/visitRows.js';
import { newId } from '../repositories/shared.js';
import { nameKey, type BatchOutcome, type RowIssue } from './batchProblems.js';
import { customerResolver } from './customerResolver.js';

/** The rows of one receipt, next to each other in the file. */
export interface VisitGroup {
  rows: number[];
  lines: VisitImportLine[];
}

interface PreparedVisit {
  group: VisitGroup;
  id: string;
  customerId: string;
  storeId: string;
  staffId: string | null;
  total: number;
}

async function referenceMaps(orm: Orm, tenantId: string) {
  // One after another: inside a transaction they share a connection, which takes one query at a time.
  const stores = await rowsOf<{ id: string; name: string }>(
    orm,
    sql`select id, name from stores where tenant_id = ${tenantId}`,
  );
  const staff = await rowsOf<{ id: string; name: string }>(
    orm,
    sql`select id, name from users where tenant_id = ${tenantId}`,
  );
  const items = await rowsOf<{ id: string; name: string; kind: ItemKind; cost: number; category: string | null }>(
    orm,
    sql`select id, name, kind, cost, category from catalog_items where tenant_id = ${tenantId}`,
  );
  return {
    stores: new Map(stores.map((s) => [nameKey(s.name), s.id])),
    onlyStore: stores.length === 1 ? stores[0]!.id : null,
    staff: new Map(staff.map((s) => [nameKey(s.name), s.id])),
    items: new Map(items.map((i) => [nameKey(i.name), i])),
  };
}

/**
 * Writes visits in batches with one statement per table (unnest arrays), inside the
 * import's transaction. Re-importing a receipt replaces its lines and payments; the
 * customer summaries are recomputed once at the end.
 */
export async function visitImportWriter(orm: Orm, tenantId: string) {
  const refs = await referenceMaps(orm, tenantId);

  /** POS exports often give only the family name ("佐藤" for 佐藤 美穂): a unique prefix is enough. */
  function findStaff(name: string): string | null {
    const key = nameKey(name);
    const exact = refs.staff.get(key);
    if (exact) return exact;
    const prefixed = [...refs.staff].filter(([staffName]) => staffName.startsWith(key));
    return prefixed.length === 1 ? prefixed[0]![1] : null;
  }
  const customers = customerResolver(orm, tenantId);
  const touchedCustomers = new Set<string>();
  let anyUpdated = false;

  function prepare(group: VisitGroup, issues: RowIssue[]): PreparedVisit | null {
    const first = group.lines[0]!;
    const row = group.rows[0]!;
    const problems: RowProblem[] = [];
    const customer = customers.resolve(first.customer);
    if ('missing' in customer) {
      const field = first.customer.externalId
        ? 'customerExternalId'
        : first.customer.phone
          ? 'customerPhone'
          : 'customerEmail';
      problems.push({
        field,
        code: 'CUSTOMER_NOT_FOUND',
        value: first.customer.externalId ?? first.customer.phone ?? first.customer.email ?? '',
      });
    } else if ('ambiguous' in customer) {
      problems.push({ field: first.customer.phone ? 'customerPhone' : 'customerEmail', code: 'CUSTOMER_AMBIGUOUS' });
    }
    const storeId = first.store === null ? refs.onlyStore : (refs.stores.get(nameKey(first.store)) ?? null);
    if (storeId === null) {
      problems.push(
        first.store === null
          ? { field: 'store', code: 'STORE_REQUIRED' }
          : { field: 'store', code: 'STORE_NOT_FOUND', value: first.store },
      );
    }
    const staffId = first.staff === null ? null : findStaff(first.staff);
    if (first.staff !== null && staffId === null)
      problems.push({ field: 'staff', code: 'STAFF_NOT_FOUND', value: first.staff });
    for (const problem of problems) issues.push({ row, problem });
    if (problems.length > 0 || !('id' in customer) || storeId === null) return null;
    return {
      group,
      id: newId(),
      customerId: customer.id,
      storeId,
      staffId,
      total: group.lines.reduce((sum, l) => sum + l.item.amount, 0),
    };
  }

  async function upsertVisits(visits: PreparedVisit[]) {
    const first = (v: PreparedVisit) => v.group.lines[0]!;
    return rawQuery<{ id: string; external_id: string; inserted: boolean; created_now: boolean }>(
      orm,
      `insert into visits (tenant_id, id, customer_id, store_id, staff_id, started_at, status, subtotal,
                           discount, total, note, external_id, source, created_at, updated_at)
       select $1, u.id, u.customer_id, u.store_id, u.staff_id, u.started_at, 'completed', u.total,
              0, u.total, u.note, u.external_id, 'import', now(), now()
       from unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::timestamptz[], $7::int[], $8::text[], $9::text[])
            as u(id, customer_id, store_id, staff_id, started_at, total, note, external_id)
       on conflict (tenant_id, external_id) where external_id is not null do update set
         customer_id = excluded.customer_id, store_id = excluded.store_id, staff_id = excluded.staff_id,
         started_at = excluded.started_at, subtotal = excluded.subtotal, discount = excluded.discount,
         total = excluded.total, note = excluded.note, updated_at = now()
       returning id, external_id, (xmax = 0) as inserted, (created_at = now()) as created_now`,
      [
        tenantId,
        visits.map((v) => v.id),
        visits.map((v) => v.customerId),
        visits.map((v) => v.storeId),
        visits.map((v) => v.staffId),
        visits.map((v) => first(v).startedAt.toISOString()),
        visits.map((v) => v.total),
        visits.map((v) => first(v).note),
        visits.map((v) => first(v).visitKey),
      ],
    );
  }

  async function writeLines(visits: { id: string; prepared: PreparedVisit }[]) {
    const lines: LineItemRow[] = visits.flatMap(({ id, prepared }) =>
      prepared.group.lines.map((line, position) => {
        const item = refs.items.get(nameKey(line.item.name));
        return {
          visitId: id,
          position,
          itemId: item?.id ?? null,
          kind: line.item.kind ?? item?.kind ?? 'service',
          name: line.item.name,
          category: line.item.category ?? item?.category ?? null,
          quantity: line.item.quantity,
          unitPrice: line.item.unitPrice,
          discount: line.item.discount,
          amount: line.item.amount,
          unitCost: item?.cost ?? 0,
        };
      }),
    );
    await insertLineItemRows(orm, tenantId, lines);
    const payments: PaymentRow[] = visits.flatMap(({ id, prepared }) => {
      const byMethod = new Map<PaymentMethod, number>();
      for (const line of prepared.group.lines) {
        byMethod.set(line.paymentMethod, (byMethod.get(line.paymentMethod) ?? 0) + line.item.amount);
      }
      return [...byMethod]
        .filter(([, amount]) => amount > 0)
        .map(([method, amount], position) => ({ visitId: id, position, method, amount }));
    });
    await insertPaymentRows(orm, tenantId, payments);
  }

  return {
    /**
     * Checks and (unless `validateOnly`) writes one batch of whole receipts. Problems that
     * need the database (unknown customer, store, staff; a receipt repeated far apart) come
     * back as row issues.
     */
    async writeBatch(groups: VisitGroup[], validateOnly: boolean): Promise<BatchOutcome> {
      const issues: RowIssue[] = [];
      await customers.load(groups.map((g) => g.lines[0]!.customer));
      const seen = new Set<string>();
      const prepared: PreparedVisit[] = [];
      for (const group of groups) {
        const key = group.lines[0]!.visitKey;
        if (seen.has(key)) {
          issues.push({
            row: group.rows[0]!,
            problem: { field: 'visitExternalId', code: 'DUPLICATE_VISIT', value: key },
          });
          continue;
        }
        seen.add(key);
        const visit = prepare(group, issues);
        if (visit) prepared.push(visit);
      }
      if (validateOnly || issues.length > 0 || prepared.length === 0) return { issues, created: 0, updated: 0 };

      const returned = await upsertVisits(prepared);
      const byKey = new Map(prepared.map((p) => [p.group.lines[0]!.visitKey, p]));
      const written: { id: string; prepared: PreparedVisit }[] = [];
      const replaced: string[] = [];
      let created = 0;
      for (const r of returned) {
        const p = byKey.get(r.external_id)!;
        if (!r.inserted && r.created_now) {
          issues.push({
            row: p.group.rows[0]!,
            problem: { field: 'visitExternalId', code: 'DUPLICATE_VISIT', value: r.external_id },
          });
          continue;
        }
        if (r.inserted) created++;
        else replaced.push(r.id);
        written.push({ id: r.id, prepared: p });
        touchedCustomers.add(p.customerId);
      }
      if (issues.length > 0) return { issues, created: 0, updated: 0 };
      if (replaced.length > 0) {
        anyUpdated = true;
        const ids = sql.param(replaced);
        await orm.execute(
          sql`delete from visit_line_items where tenant_id = ${tenantId} and visit_id = any(${ids}::uuid[])`,
        );
        await orm.execute(
          sql`delete from visit_payments where tenant_id = ${tenantId} and visit_id = any(${ids}::uuid[])`,
        );
      }
      await writeLines(written);
      return { issues, created, updated: replaced.length };
    },

    /** Recomputes visit summaries; all customers when a re-import may have moved visits between them. */
    touchedCustomers: () => (anyUpdated ? ('all' as const) : [...touchedCustomers]),
  };
}
