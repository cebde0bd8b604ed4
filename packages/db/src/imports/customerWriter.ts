import type { ConsentChannel } from '@kayoi/contracts';
import {
  blankCustomerColumns,
  customerSearchText,
  type CustomerColumns,
  type CustomerImportRow,
  type RowProblem,
} from '@kayoi/core';
import { and, eq, sql } from 'drizzle-orm';
import { rowsOf, type Orm } from '../database.js';
import { newId } from '../repositories/shared.js';
import { acquisitionChannels, consentEvents, customerAttributeValues, customerConsents, customers } from '../schema.js';
import { nameKey, type BatchOutcome, type RowIssue } from './batchProblems.js';

export interface NumberedCustomerRow {
  row: number;
  data: CustomerImportRow;
}

interface ExistingCustomer extends Omit<CustomerColumns, 'searchText'> {
  id: string;
}

interface Target {
  id: string;
  isNew: boolean;
  columns: Omit<CustomerColumns, 'searchText'>;
  rows: NumberedCustomerRow[];
}

const { searchText: _unused, ...blank } = blankCustomerColumns;

/**
 * Writes customer rows: a customer number finds its customer; without one (or for a number
 * not yet known) phone, then email, finds a customer who has no number yet. Blank cells
 * never erase what the shop already recorded.
 */
export async function customerImportWriter(orm: Orm, tenantId: string, source: string, now: Date) {
  const channelRows = await rowsOf<{ id: string; name: string }>(
    orm,
    sql`select id, name from acquisition_channels where tenant_id = ${tenantId}`,
  );
  const channels = new Map(channelRows.map((c) => [nameKey(c.name), c.id]));
  const createdChannels: string[] = [];

  async function channelId(name: string, validateOnly: boolean): Promise<string | null> {
    const key = nameKey(name);
    const known = channels.get(key);
    if (known) return known;
    if (validateOnly) return null;
    const id = newId();
    await orm.insert(acquisitionChannels).values({ tenantId, id, name: name.trim(), kind: 'other' });
    channels.set(key, id);
    createdChannels.push(name.trim());
    return id;
  }

  async function loadExisting(batch: NumberedCustomerRow[]): Promise<ExistingCustomer[]> {
    const keys = (pick: (r: CustomerImportRow) => string | null) =>
      sql.param([...new Set(batch.map((b) => pick(b.data)).filter((v): v is string => v !== null))]);
    return rowsOf<ExistingCustomer>(
      orm,
      sql`select id, external_id as "externalId", family_name as "familyName", given_name as "givenName",
                 family_name_kana as "familyNameKana", given_name_kana as "givenNameKana", email, phone,
                 line_user_id as "lineUserId", gender, birthday::text as birthday, birth_year as "birthYear",
                 postal_code as "postalCode", area, acquisition_channel_id as "acquisitionChannelId",
                 acquired_on::text as "acquiredOn", notes, tags
          from customers where tenant_id = ${tenantId} and erased_at is null and (
            external_id = any(${keys((r) => r.match.externalId)}::text[])
            or phone = any(${keys((r) => r.match.phone)}::text[])
            or email = any(${keys((r) => r.match.email)}::text[])
            or line_user_id = any(${keys((r) => r.columns.lineUserId ?? null)}::text[]))`,
    );
  }

  return {
    createdChannels: () => [...createdChannels],

    async writeBatch(batch: NumberedCustomerRow[], validateOnly: boolean): Promise<BatchOutcome> {
      const issues: RowIssue[] = [];
      const existing = await loadExisting(batch);
      const targets = new Map<string, Target>(
        existing.map((e) => [e.id, { id: e.id, isNew: false, columns: e, rows: [] }]),
      );
      const index = {
        x: new Map<string, string[]>(),
        p: new Map<string, string[]>(),
        e: new Map<string, string[]>(),
        l: new Map<string, string>(),
      };
      const remember = (t: Target) => {
        const add = (map: Map<string, string[]>, key: string | null) => {
          if (key !== null && !map.get(key)?.includes(t.id)) map.set(key, [...(map.get(key) ?? []), t.id]);
        };
        add(index.x, t.columns.externalId);
        add(index.p, t.columns.phone);
        add(index.e, t.columns.email);
        if (t.columns.lineUserId) index.l.set(t.columns.lineUserId, t.id);
      };
      targets.forEach(remember);

      for (const entry of batch) {
        const { match, columns } = entry.data;
        const problem = (p: RowProblem) => issues.push({ row: entry.row, problem: p });
        let candidates: string[] = match.externalId ? (index.x.get(match.externalId) ?? []) : [];
        if (candidates.length === 0) {
          const unnumbered = (ids: string[] | undefined) =>
            (ids ?? []).filter((id) => targets.get(id)!.columns.externalId === null);
          candidates = match.phone ? unnumbered(index.p.get(match.phone)) : [];
          if (candidates.length === 0 && match.email) candidates = unnumbered(index.e.get(match.email));
        }
        if (candidates.length > 1) {
          problem({ field: match.phone ? 'phone' : 'email', code: 'CUSTOMER_AMBIGUOUS' });
          continue;
        }
        const target: Target = candidates[0]
          ? targets.get(candidates[0])!
          : { id: newId(), isNew: true, columns: { ...blank }, rows: [] };
        const lineOwner = columns.lineUserId ? index.l.get(columns.lineUserId) : undefined;
        if (lineOwner !== undefined && lineOwner !== target.id) {
          problem({ field: 'lineUserId', code: 'LINE_USER_ID_TAKEN', value: columns.lineUserId ?? '' });
          continue;
        }
        if (entry.data.channelName !== null) {
          const id = await channelId(entry.data.channelName, validateOnly);
          if (id !== null) columns.acquisitionChannelId = id;
        }
        target.columns = { ...target.columns, ...columns, tags: columns.tags ?? target.columns.tags };
        target.rows.push(entry);
        targets.set(target.id, target);
        remember(target);
      }
      if (validateOnly || issues.length > 0) return { issues, created: 0, updated: 0 };

      const touched = [...targets.values()].filter((t) => t.rows.length > 0);
      const withSearch = (t: Target): CustomerColumns => ({ ...t.columns, searchText: customerSearchText(t.columns) });
      const fresh = touched.filter((t) => t.isNew);
      for (let i = 0; i < fresh.length; i += 500) {
        await orm
          .insert(customers)
          .values(
            fresh
              .slice(i, i + 500)
              .map((t) => ({ tenantId, id: t.id, ...withSearch(t), createdAt: now, updatedAt: now })),
          );
      }
      for (const t of touched.filter((x) => !x.isNew)) {
        await orm
          .update(customers)
          .set({ ...withSearch(t), updatedAt: now })
          .where(and(eq(customers.tenantId, tenantId), eq(customers.id, t.id)));
      }
      const attributes = touched.flatMap((t) =>
        t.rows.flatMap((r) => r.data.attributes.map((a) => ({ customerId: t.id, ...a }))),
      );
      for (const a of attributes) {
        const key = [
          customerAttributeValues.tenantId,
          customerAttributeValues.customerId,
          customerAttributeValues.attributeId,
        ];
        if (a.value === null) continue;
        await orm
          .insert(customerAttributeValues)
          .values({ tenantId, customerId: a.customerId, attributeId: a.attributeId, value: a.value, updatedAt: now })
          .onConflictDoUpdate({ target: key, set: { value: a.value, updatedAt: now } });
      }
      await writeConsents(
        touched.flatMap((t) => t.rows.flatMap((r) => r.data.consents.map((c) => ({ customerId: t.id, ...c })))),
      );
      return { issues, created: fresh.length, updated: touched.length - fresh.length };
    },
  };

  /** Records a consent only when it changes, so re-importing a file adds no history. */
  async function writeConsents(
    changes: { customerId: string; channel: ConsentChannel; status: 'granted' | 'withdrawn' }[],
  ) {
    if (changes.length === 0) return;
    const current = await rowsOf<{ customer_id: string; channel: string; status: string }>(
      orm,
      sql`select customer_id, channel, status from customer_consents where tenant_id = ${tenantId}
          and customer_id = any(${sql.param([...new Set(changes.map((c) => c.customerId))])}::uuid[])`,
    );
    const state = new Map(current.map((c) => [`${c.customer_id}|${c.channel}`, c.status]));
    for (const change of changes) {
      const key = `${change.customerId}|${change.channel}`;
      if (state.get(key) === change.status) continue;
      state.set(key, change.status);
      const values = { status: change.status, changedAt: now, source };
      await orm
        .insert(customerConsents)
        .values({ tenantId, customerId: change.customerId, channel: change.channel, ...values })
        .onConflictDoUpdate({
          target: [customerConsents.tenantId, customerConsents.customerId, customerConsents.channel],
          set: values,
        });
      await orm.insert(consentEvents).values({
        tenantId,
        id: newId(),
        customerId: change.customerId,
        channel: change.channel,
        status: change.status,
        at: now,
        source,
        actorUserId: null,
      });
    }
  }
}
