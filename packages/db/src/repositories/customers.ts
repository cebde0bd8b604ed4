import type { TimelineEntry } from '@kayoi/contracts';
import { erasedCustomerColumns, searchKey, type CustomerListFilter, type CustomerRepository } from '@kayoi/core';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Orm } from '../database.js';
import { consentEvents, customerAttributeValues, customerConsents, customers } from '../schema.js';
import { customerColumnsSql, toCustomerDetails, type CustomerRow } from './customerRows.js';
import {
  afterCursor,
  cursorFromRow,
  decodeCursor,
  escapeLike,
  guardConstraints,
  iso,
  newId,
  orderBy,
  sortKeyColumns,
  type SortKey,
} from './shared.js';
import { loadVisits } from './visits.js';

const HIGHEST = '\u{10FFFF}';
const sorts: Record<CustomerListFilter['sort'], SortKey[]> = {
  recent: [{ expr: sql`c.id`, dir: 'desc', cast: 'uuid' }],
  // Katakana in code-point order is gojūon order; "C" keeps both engines identical.
  kana: [
    { expr: sql`coalesce(c.family_name_kana, ${HIGHEST}) collate "C"`, dir: 'asc', cast: 'text' },
    { expr: sql`coalesce(c.given_name_kana, ${HIGHEST}) collate "C"`, dir: 'asc', cast: 'text' },
    { expr: sql`c.id`, dir: 'asc', cast: 'uuid' },
  ],
  lastVisit: [
    { expr: sql`coalesce(c.last_visit_at, '-infinity'::timestamptz)`, dir: 'desc', cast: 'timestamptz' },
    { expr: sql`c.id`, dir: 'desc', cast: 'uuid' },
  ],
  visitCount: [
    { expr: sql`c.visit_count`, dir: 'desc', cast: 'int' },
    { expr: sql`c.id`, dir: 'desc', cast: 'uuid' },
  ],
  revenue: [
    { expr: sql`c.revenue_total`, dir: 'desc', cast: 'int' },
    { expr: sql`c.id`, dir: 'desc', cast: 'uuid' },
  ],
};

function listConditions(tenantId: string, f: CustomerListFilter): SQL[] {
  const where: SQL[] = [sql`c.tenant_id = ${tenantId}`];
  if (!f.includeErased) where.push(sql`c.erased_at is null`);
  if (f.q) {
    const key = searchKey(f.q);
    if (key !== '') where.push(sql`c.search_text like ${`%${escapeLike(key)}%`}`);
  }
  if (f.tag) where.push(sql`c.tags @> array[${f.tag}]::text[]`);
  if (f.channelId) where.push(sql`c.acquisition_channel_id = ${f.channelId}`);
  if (f.gender) where.push(sql`c.gender = ${f.gender}`);
  if (f.birthdayMonth) where.push(sql`extract(month from c.birthday) = ${f.birthdayMonth}`);
  if (f.lastVisitFromInstant) where.push(sql`c.last_visit_at >= ${f.lastVisitFromInstant.toISOString()}::timestamptz`);
  if (f.lastVisitToInstant) where.push(sql`c.last_visit_at < ${f.lastVisitToInstant.toISOString()}::timestamptz`);
  if (f.storeId) {
    where.push(sql`exists (select 1 from visits v where v.tenant_id = c.tenant_id and v.customer_id = c.id
      and v.store_id = ${f.storeId} and v.status = 'completed')`);
  }
  return where;
}

/** Newest first; the entry id breaks ties between events of the same instant. */
const timelineOrder: SortKey[] = [
  { expr: sql`e.at`, dir: 'desc', cast: 'timestamptz' },
  { expr: sql`e.id`, dir: 'desc', cast: 'text' },
];

export function customerRepository(orm: Orm, tenantId: string): CustomerRepository {
  const scope = (id: string) => and(eq(customers.tenantId, tenantId), eq(customers.id, id));

  async function findById(id: string) {
    const rows = await rowsOf<CustomerRow>(
      orm,
      sql`select ${customerColumnsSql} from customers c where c.tenant_id = ${tenantId} and c.id = ${id}`,
    );
    const [detail] = await toCustomerDetails(orm, tenantId, rows);
    return detail ?? null;
  }

  return {
    findById,
    async insert(columns) {
      const id = newId();
      await guardConstraints(orm.insert(customers).values({ tenantId, id, ...columns }));
      const created = await findById(id);
      if (!created) throw new Error('inserted customer not found');
      return created;
    },
    async update(id, columns) {
      const rows = await guardConstraints(
        orm
          .update(customers)
          .set({ ...columns, updatedAt: new Date() })
          .where(scope(id))
          .returning({ id: customers.id }),
      );
      return rows.length > 0 ? findById(id) : null;
    },
    async findMatches(keys) {
      const ors: SQL[] = [];
      if (keys.externalId) ors.push(sql`c.external_id = ${keys.externalId}`);
      if (keys.phone) ors.push(sql`c.phone = ${keys.phone}`);
      if (keys.email) ors.push(sql`c.email = ${keys.email}`);
      if (ors.length === 0) return [];
      const rows = await rowsOf<CustomerRow>(
        orm,
        sql`select ${customerColumnsSql} from customers c
            where c.tenant_id = ${tenantId} and c.erased_at is null and (${sql.join(ors, sql` or `)})
            order by c.id limit 20`,
      );
      return toCustomerDetails(orm, tenantId, rows);
    },
    async list(filter) {
      const keys = sorts[filter.sort];
      const where = listConditions(tenantId, filter);
      const after = decodeCursor(filter.cursor, keys.length);
      if (after) where.push(afterCursor(keys, after));
      const rows = await rowsOf<CustomerRow & Record<string, unknown>>(
        orm,
        sql`select ${customerColumnsSql}, ${sortKeyColumns(keys)} from customers c
            where ${sql.join(where, sql` and `)}
            order by ${orderBy(keys)} limit ${filter.limit + 1}`,
      );
      const page = rows.slice(0, filter.limit);
      const last = page.at(-1);
      return {
        items: await toCustomerDetails(orm, tenantId, page),
        nextCursor: rows.length > filter.limit && last ? cursorFromRow(last, keys) : null,
      };
    },
    async setAttributeValues(customerId, values) {
      for (const { attributeId, value } of values) {
        const key = and(
          eq(customerAttributeValues.tenantId, tenantId),
          eq(customerAttributeValues.customerId, customerId),
          eq(customerAttributeValues.attributeId, attributeId),
        );
        if (value === null) {
          await orm.delete(customerAttributeValues).where(key);
          continue;
        }
        await guardConstraints(
          orm
            .insert(customerAttributeValues)
            .values({ tenantId, customerId, attributeId, value })
            .onConflictDoUpdate({
              target: [
                customerAttributeValues.tenantId,
                customerAttributeValues.customerId,
                customerAttributeValues.attributeId,
              ],
              set: { value, updatedAt: new Date() },
            }),
        );
      }
    },
    async recordConsent(customerId, consent) {
      const state = { status: consent.status, changedAt: consent.at, source: consent.source };
      await guardConstraints(
        orm
          .insert(customerConsents)
          .values({ tenantId, customerId, channel: consent.channel, ...state })
          .onConflictDoUpdate({
            target: [customerConsents.tenantId, customerConsents.customerId, customerConsents.channel],
            set: state,
          }),
      );
      await orm.insert(consentEvents).values({
        tenantId,
        id: newId(),
        customerId,
        channel: consent.channel,
        status: consent.status,
        at: consent.at,
        source: consent.source,
        actorUserId: consent.actorUserId,
      });
    },
    async erase(id, at) {
      const rows = await orm
        .update(customers)
        .set({ ...erasedCustomerColumns, tags: [], erasedAt: at, updatedAt: at })
        .where(scope(id))
        .returning({ id: customers.id });
      if (rows.length === 0) return null;
      await orm
        .delete(customerAttributeValues)
        .where(and(eq(customerAttributeValues.tenantId, tenantId), eq(customerAttributeValues.customerId, id)));
      await orm.execute(
        sql`update visits set note = null where tenant_id = ${tenantId} and customer_id = ${id} and note is not null`,
      );
      return findById(id);
    },
    async timeline(customerId, query) {
      const after = decodeCursor(query.cursor, timelineOrder.length);
      const where = after ? sql`where ${afterCursor(timelineOrder, after)}` : sql``;
      const events = await rowsOf<{
        kind: TimelineEntry['kind'];
        at: string;
        id: string;
        detail: Record<string, unknown>;
        sk0: string;
        sk1: string;
      }>(
        orm,
        sql`select e.kind, e.at::text as at, e.id, e.detail, ${sortKeyColumns(timelineOrder)} from (
              select 'visit' as kind, started_at as at, id::text as id, '{}'::jsonb as detail
                from visits where tenant_id = ${tenantId} and customer_id = ${customerId}
              union all
              select 'consent', at, id::text, jsonb_build_object('channel', channel, 'status', status, 'source', source)
                from consent_events where tenant_id = ${tenantId} and customer_id = ${customerId}
              union all
              select 'created', created_at, 'created', '{}'::jsonb
                from customers where tenant_id = ${tenantId} and id = ${customerId}
              union all
              select 'erased', erased_at, 'erased', '{}'::jsonb
                from customers where tenant_id = ${tenantId} and id = ${customerId} and erased_at is not null
            ) e ${where}
            order by ${orderBy(timelineOrder)} limit ${query.limit + 1}`,
      );
      const page = events.slice(0, query.limit);
      const visitIds = page.flatMap((e) => (e.kind === 'visit' ? [e.id] : []));
      const visitsById = new Map((await loadVisits(orm, tenantId, visitIds)).map((v) => [v.id, v]));
      const last = page.at(-1);
      return {
        items: page.map((e): TimelineEntry => ({
          id: e.id,
          kind: e.kind,
          at: iso(e.at),
          visit: e.kind === 'visit' ? (visitsById.get(e.id) ?? null) : null,
          detail: e.detail,
        })),
        nextCursor: events.length > query.limit && last ? cursorFromRow(last, timelineOrder) : null,
      };
    },
    async listTags(limit) {
      return rowsOf<{ tag: string; customers: number }>(
        orm,
        sql`select tag, count(*)::int as customers from customers, unnest(tags) as tag
            where tenant_id = ${tenantId} and erased_at is null
            group by tag order by customers desc, tag limit ${limit}`,
      );
    },
    async refreshStats(ids) {
      if (ids !== 'all' && ids.length === 0) return;
      const only = ids === 'all' ? sql`` : sql`and c2.id = any(${sql.param(ids)}::uuid[])`;
      await orm.execute(sql`
        update customers c set
          first_visit_at = s.first_visit_at, last_visit_at = s.last_visit_at,
          visit_count = s.visit_count, revenue_total = s.revenue_total
        from (
          select c2.id, min(v.started_at) as first_visit_at, max(v.started_at) as last_visit_at,
                 count(v.id)::int as visit_count, coalesce(sum(v.total), 0)::int as revenue_total
          from customers c2
          left join visits v on v.tenant_id = c2.tenant_id and v.customer_id = c2.id and v.status = 'completed'
          where c2.tenant_id = ${tenantId} ${only}
          group by c2.id
        ) s
        where c.tenant_id = ${tenantId} and c.id = s.id`);
    },
  };
}
