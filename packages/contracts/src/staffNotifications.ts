import { z } from 'zod';
import { Cursor, Id, Instant, Limit, page } from './common.js';

/**
 * What a journey's "tell the staff" step leaves for the shop ("no visit 14 days after the
 * win-back message: consider a call"). Staff see them at the counter and mark them read.
 */

export const StaffNotification = z
  .object({
    id: Id,
    customerId: Id,
    customerName: z
      .string()
      .nullable()
      .meta({ description: 'Family and given name; null once erased, and for roles that see no personal data' }),
    journeyId: Id.nullable().meta({ description: 'The journey that raised it; null when it was deleted' }),
    journeyName: z.string().nullable(),
    message: z.string(),
    createdAt: Instant,
    readAt: Instant.nullable(),
  })
  .meta({ id: 'StaffNotification' });
export type StaffNotification = z.infer<typeof StaffNotification>;
export const StaffNotificationPage = page(StaffNotification, 'StaffNotificationPage');

export const StaffNotificationListQuery = z.object({
  unread: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .meta({ description: 'true: only those nobody has read yet' }),
  cursor: Cursor,
  limit: Limit,
});
export type StaffNotificationListQuery = z.infer<typeof StaffNotificationListQuery>;
