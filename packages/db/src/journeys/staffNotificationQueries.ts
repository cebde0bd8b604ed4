import type { StaffNotification, StaffNotificationListQuery } from '@kayoi/contracts';
import type { Page } from '@kayoi/core';
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Orm } from '../database.js';
import { decodeCursor, encodeCursor, iso } from '../repositories/shared.js';

interface NotificationRow {
  id: string;
  customer_id: string;
  family_name: string | null;
  given_name: string | null;
  journey_id: string | null;
  journey_name: string | null;
  message: string;
  created_at: Date | string;
  read_at: Date | string | null;
}

const toNotification = (r: NotificationRow): StaffNotification => {
  const name = [r.family_name, r.given_name].filter((part) => part).join(' ');
  return {
    id: r.id,
    customerId: r.customer_id,
    customerName: name === '' ? null : name,
    journeyId: r.journey_id,
    journeyName: r.journey_name,
    message: r.message,
    createdAt: iso(r.created_at),
    readAt: iso(r.read_at),
  };
};

const selectNotifications = (where: SQL) => sql`
  select n.id, n.customer_id, c.family_name, c.given_name, n.journey_id, j.name as journey_name, n.message,
         n.created_at, n.read_at
  from staff_notifications n
  join customers c on c.tenant_id = n.tenant_id and c.id = n.customer_id
  left join journeys j on j.tenant_id = n.tenant_id and j.id = n.journey_id
  where ${where}`;

/** One tenant's staff notifications (written by the journey worker's notify_staff steps). */
export function staffNotificationQueries(orm: Orm, tenantId: string) {
  return {
    async staffNotifications(
      query: Omit<StaffNotificationListQuery, 'limit'> & { limit: number },
    ): Promise<Page<StaffNotification>> {
      const after = decodeCursor(query.cursor, 2);
      const where: SQL[] = [sql`n.tenant_id = ${tenantId}::uuid`];
      if (query.unread) where.push(sql`n.read_at is null`);
      if (after) where.push(sql`(n.created_at, n.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
      const rows = await rowsOf<NotificationRow>(
        orm,
        sql`${selectNotifications(sql.join(where, sql` and `))}
            order by n.created_at desc, n.id desc limit ${query.limit + 1}`,
      );
      const items = rows.slice(0, query.limit).map(toNotification);
      const last = items.at(-1);
      return {
        items,
        nextCursor: rows.length > query.limit && last ? encodeCursor([last.createdAt, last.id]) : null,
      };
    },

    async markStaffNotificationRead(id: string, at: Date): Promise<StaffNotification | null> {
      await rowsOf(
        orm,
        sql`update staff_notifications set read_at = ${at}
            where tenant_id = ${tenantId}::uuid and id = ${id}::uuid and read_at is null`,
      );
      const [row] = await rowsOf<NotificationRow>(
        orm,
        selectNotifications(sql`n.tenant_id = ${tenantId}::uuid and n.id = ${id}::uuid`),
      );
      return row ? toNotification(row) : null;
    },
  };
}
