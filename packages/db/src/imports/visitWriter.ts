import type { ItemKind, PaymentMethod } from '@kayoi/contracts';
import type { RowProblem, VisitImportLine } from '@kayoi/core';
import { sql } from 'drizzle-orm';
import { arrayEncodingOf, rawQuery, rowsOf, type Orm } from '../database.js';
import {
  arrayParam,
  insertVisitGraph,
  unstoredVisitGraphInsert,
  type LineItemRow,
  type StoredReceipt,
  type PaymentRow,
  type VisitRow,
} from '../bulk/visitRows.js';
import { newId } from '../repositories/shared.js';
import { nameKey, type BatchOutcome, type RowIssue, type StagedBatch } from './batchProblems.js';
import { customerResolver, type CustomerRef, type Resolution } from './customerResolver.js';
import { lockReferencedRowsOrThrow, resumeRowTriggers, trySuspendRowTriggers } from './setBasedReferences.js';

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

/** Locked as a foreign-key trigger would lock them: none can be deleted before the import commits. */
async function referenceMaps(orm: Orm, tenantId: string) {
  // One after another: inside a transaction they share a connection, which takes one query at a time.
  const stores = await rowsOf<{ id: string; name: string }>(
    orm,
    sql`select id, name from stores where tenant_id = ${tenantId} for key share`,
  );
  const staff = await rowsOf<{ id: string; name: string }>(
    orm,
    sql`select id, name from users where tenant_id = ${tenantId} for key share`,
  );
  const items = await rowsOf<{ id: string; name: string; kind: ItemKind; cost: number; category: string | null }>(
    orm,
    sql`select id, name, kind, cost, category from catalog_items where tenant_id = ${tenantId} for key share`,
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
 * customer summaries are recomputed once at the end. Foreign keys are checked per set,
 * not per row, where the database allows it (setBasedReferences.ts):
 * `ensureReferencesBeforeCommit` must run
 * before the transaction commits.
 */
export async function visitImportWriter(orm: Orm, tenantId: string) {
  // One visits import per business at a time: a second one waits, then finds the first's
  // receipts stored and updates them instead of colliding with them.
  await rawQuery(orm, `select pg_advisory_xact_lock(hashtextextended('kayoi:visit-import:' || $1, 0))`, [tenantId]);
  const refs = await referenceMaps(orm, tenantId);
  const rowTriggersSuspended = await trySuspendRowTriggers(orm);
  const encoding = arrayEncodingOf(orm);
  const referenced = { stores: new Set<string>(), users: new Set<string>(), items: new Set<string>() };

  // Store, staff and item names repeat on nearly every row: each is normalised once.
  const nameKeys = new Map<string, string>();
  function cachedNameKey(name: string): string {
    let key = nameKeys.get(name);
    if (key === undefined) {
      if (nameKeys.size >= 10_000) nameKeys.clear();
      key = nameKey(name);
      nameKeys.set(name, key);
    }
    return key;
  }
  /** POS exports often give only the family name ("佐藤" for 佐藤 美穂): a unique prefix is enough. */
  function findStaff(name: string): string | null {
    const key = cachedNameKey(name);
    const exact = refs.staff.get(key);
    if (exact) return exact;
    const prefixed = [...refs.staff].filter(([staffName]) => staffName.startsWith(key));
    return prefixed.length === 1 ? prefixed[0]![1] : null;
  }
  const customers = customerResolver(orm, tenantId);
  const touchedCustomers = new Set<string>();
  let anyUpdated = false;

  function prepare(
    group: VisitGroup,
    issues: RowIssue[],
    resolveCustomer: (ref: CustomerRef) => Resolution,
  ): PreparedVisit | null {
    const first = group.lines[0]!;
    const row = group.rows[0]!;
    const problems: RowProblem[] = [];
    const customer = resolveCustomer(first.customer);
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
    const storeId = first.store === null ? refs.onlyStore : (refs.stores.get(cachedNameKey(first.store)) ?? null);
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

  const visitRow = (id: string, v: PreparedVisit): VisitRow => {
    const first = v.group.lines[0]!;
    return {
      id,
      customerId: v.customerId,
      storeId: v.storeId,
      staffId: v.staffId,
      startedAt: first.startedAt,
      subtotal: v.total,
      discount: 0,
      total: v.total,
      note: first.note,
      externalId: first.visitKey,
      source: 'import',
    };
  };

  async function updateVisits(visits: { id: string; prepared: PreparedVisit }[]) {
    if (visits.length === 0) return;
    const rows = visits.map(({ id, prepared }) => visitRow(id, prepared));
    await rawQuery(
      orm,
      `update visits v set customer_id = u.customer_id, store_id = u.store_id, staff_id = u.staff_id,
              started_at = u.started_at, subtotal = u.total, discount = 0, total = u.total, note = u.note,
              updated_at = now()
       from unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::timestamptz[], $7::int4[], $8::text[])
            as u(id, customer_id, store_id, staff_id, started_at, total, note)
       where v.tenant_id = $1 and v.id = u.id`,
      [
        tenantId,
        arrayParam(encoding, 'uuid', rows, (r) => r.id),
        arrayParam(encoding, 'uuid', rows, (r) => r.customerId),
        arrayParam(encoding, 'uuid', rows, (r) => r.storeId),
        arrayParam(encoding, 'uuid', rows, (r) => r.staffId),
        arrayParam(encoding, 'timestamptz', rows, (r) => r.startedAt),
        arrayParam(encoding, 'int4', rows, (r) => r.total),
        arrayParam(encoding, 'text', rows, (r) => r.note),
      ],
    );
  }

  function linesAndPayments(visits: { id: string; prepared: PreparedVisit }[]) {
    const lines: LineItemRow[] = visits.flatMap(({ id, prepared }) =>
      prepared.group.lines.map((line, position) => {
        const item = refs.items.get(cachedNameKey(line.item.name));
        if (item) referenced.items.add(item.id);
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
    const payments: PaymentRow[] = visits.flatMap(({ id, prepared }) => {
      const byMethod = new Map<PaymentMethod, number>();
      for (const line of prepared.group.lines) {
        byMethod.set(line.paymentMethod, (byMethod.get(line.paymentMethod) ?? 0) + line.item.amount);
      }
      return [...byMethod]
        .filter(([, amount]) => amount > 0)
        .map(([method, amount], position) => ({ visitId: id, position, method, amount }));
    });
    return { lines, payments };
  }

  /** Replaces receipts stored before; refuses those this import wrote already. */
  async function replaceStored(prepared: PreparedVisit[], stored: StoredReceipt[]): Promise<BatchOutcome> {
    if (stored.length === 0) return { issues: [], created: prepared.length, updated: 0 };
    const issues: RowIssue[] = [];
    const byId = new Map(prepared.map((p) => [p.id, p]));
    const replaced: { id: string; prepared: PreparedVisit }[] = [];
    for (const receipt of stored) {
      const p = byId.get(receipt.id)!;
      if (receipt.writtenNow) {
        // Written by an earlier batch of this same file: the receipt appears twice, far apart.
        issues.push({
          row: p.group.rows[0]!,
          problem: { field: 'visitExternalId', code: 'DUPLICATE_VISIT', value: p.group.lines[0]!.visitKey },
        });
      } else replaced.push({ id: receipt.storedId, prepared: p });
    }
    // The file is refused: what this batch wrote is rolled back with the rest.
    if (issues.length > 0) return { issues, created: 0, updated: 0 };
    anyUpdated = true;
    await updateVisits(replaced);
    const ids = sql.param(replaced.map((r) => r.id));
    await orm.execute(
      sql`delete from visit_line_items where tenant_id = ${tenantId} and visit_id = any(${ids}::uuid[])`,
    );
    await orm.execute(sql`delete from visit_payments where tenant_id = ${tenantId} and visit_id = any(${ids}::uuid[])`);
    await insertVisitGraph(orm, tenantId, { visits: [], ...linesAndPayments(replaced) });
    return { issues, created: prepared.length - replaced.length, updated: replaced.length };
  }

  return {
    /**
     * Checks one batch of whole receipts and (unless `validateOnly`) builds its insert.
     * Problems that need the database (unknown customer, store, staff) come back as row
     * issues now; a receipt repeated far apart in the file, when it is written.
     */
    async stageBatch(groups: VisitGroup[], validateOnly: boolean): Promise<StagedBatch> {
      const issues: RowIssue[] = [];
      const resolveCustomer = await customers.load(groups.map((g) => g.lines[0]!.customer));
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
        const visit = prepare(group, issues, resolveCustomer);
        if (visit) prepared.push(visit);
      }
      if (validateOnly || issues.length > 0 || prepared.length === 0) return { issues, write: null };

      for (const p of prepared) {
        touchedCustomers.add(p.customerId);
        referenced.stores.add(p.storeId);
        if (p.staffId) referenced.users.add(p.staffId);
      }
      const fresh = prepared.map((p) => ({ id: p.id, prepared: p }));
      // Receipts stored before are skipped by this statement and come back to be replaced.
      const insert = unstoredVisitGraphInsert(
        tenantId,
        { visits: fresh.map(({ id, prepared }) => visitRow(id, prepared)), ...linesAndPayments(fresh) },
        encoding,
      );
      return { issues, write: async () => replaceStored(prepared, await insert.run(orm)) };
    },

    /**
     * Proves every row the written visits refer to still exists, locked until commit, and
     * turns per-row triggers back on for the rest of the transaction.
     */
    async ensureReferencesBeforeCommit(): Promise<void> {
      if (!rowTriggersSuspended) return;
      await lockReferencedRowsOrThrow(orm, tenantId, 'customers', touchedCustomers);
      await lockReferencedRowsOrThrow(orm, tenantId, 'stores', referenced.stores);
      await lockReferencedRowsOrThrow(orm, tenantId, 'users', referenced.users);
      await lockReferencedRowsOrThrow(orm, tenantId, 'catalog_items', referenced.items);
      await resumeRowTriggers(orm);
    },

    /** Recomputes visit summaries; all customers when a re-import may have moved visits between them. */
    touchedCustomers: () => (anyUpdated ? ('all' as const) : [...touchedCustomers]),
  };
}
