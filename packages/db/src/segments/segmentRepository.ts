import type { SavedSegment, SegmentPlan, SegmentRepository } from '@kayoi/core';
import { and, asc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Orm } from '../database.js';
import { customerColumnsSql, toCustomerDetails, type CustomerRow } from '../repositories/customerRows.js';
import {
  afterCursor,
  cursorFromRow,
  decodeCursor,
  guardConstraints,
  newId,
  orderBy,
  sortKeyColumns,
  type SortKey,
} from '../repositories/shared.js';
import { segments } from '../schema.js';
import { segmentPredicate } from './compileSegmentPlan.js';

type SegmentRow = typeof segments.$inferSelect;
const toSegment = (r: SegmentRow): SavedSegment => ({
  id: r.id,
  name: r.name,
  description: r.description,
  rule: r.rule,
  archived: r.archivedAt !== null,
  createdAt: r.createdAt.toISOString(),
  createdBy: r.createdBy,
  updatedAt: r.updatedAt.toISOString(),
  updatedBy: r.updatedBy,
});

/** Oldest record first: ids are time-ordered, and the primary key serves the order. */
const memberOrder: SortKey[] = [{ expr: sql`c.id`, dir: 'asc', cast: 'uuid' }];

/** Saved segments of one tenant, and the customers a plan selects among that tenant's only. */
export function segmentRepository(orm: Orm, tenantId: string): SegmentRepository {
  const scope = (id: string) => and(eq(segments.tenantId, tenantId), eq(segments.id, id));
  const members = (plan: SegmentPlan, extra: SQL[] = []) =>
    sql.join(
      [sql`c.tenant_id = ${tenantId}::uuid`, sql`c.erased_at is null`, segmentPredicate(tenantId, plan), ...extra],
      sql` and `,
    );

  return {
    async list({ includeArchived }) {
      const rows = await orm
        .select()
        .from(segments)
        .where(and(eq(segments.tenantId, tenantId), includeArchived ? undefined : isNull(segments.archivedAt)))
        .orderBy(asc(segments.name), asc(segments.id));
      return rows.map(toSegment);
    },
    async findById(id) {
      const [row] = await orm.select().from(segments).where(scope(id));
      return row ? toSegment(row) : null;
    },
    async insert(input, actorUserId) {
      const [row] = await guardConstraints(
        orm
          .insert(segments)
          .values({ tenantId, id: newId(), ...input, createdBy: actorUserId, updatedBy: actorUserId })
          .returning(),
      );
      return toSegment(row!);
    },
    async update(id, patch, actorUserId) {
      const { archived, ...fields } = patch;
      const [row] = await guardConstraints(
        orm
          .update(segments)
          .set({
            ...fields,
            ...(archived === undefined ? {} : { archivedAt: archived ? sql`coalesce(archived_at, now())` : null }),
            updatedAt: new Date(),
            updatedBy: actorUserId,
          })
          .where(scope(id))
          .returning(),
      );
      return row ? toSegment(row) : null;
    },
    async count(plan) {
      const [row] = await rowsOf<{ n: number }>(
        orm,
        sql`select count(*)::int as n from customers c where ${members(plan)}`,
      );
      return row?.n ?? 0;
    },
    async customers(plan, page) {
      const after = decodeCursor(page.cursor, memberOrder.length);
      const rows = await rowsOf<CustomerRow & Record<string, unknown>>(
        orm,
        sql`select ${customerColumnsSql}, ${sortKeyColumns(memberOrder)} from customers c
            where ${members(plan, after ? [afterCursor(memberOrder, after)] : [])}
            order by ${orderBy(memberOrder)} limit ${page.limit + 1}`,
      );
      const items = rows.slice(0, page.limit);
      const last = items.at(-1);
      return {
        items: await toCustomerDetails(orm, tenantId, items),
        nextCursor: rows.length > page.limit && last ? cursorFromRow(last, memberOrder) : null,
      };
    },
    async memberIds(plan, page) {
      const after = page.afterId === null ? [] : [sql`c.id > ${page.afterId}::uuid`];
      const rows = await rowsOf<{ id: string }>(
        orm,
        sql`select c.id from customers c where ${members(plan, after)} order by c.id limit ${page.limit}`,
      );
      return rows.map((r) => r.id);
    },
  };
}
