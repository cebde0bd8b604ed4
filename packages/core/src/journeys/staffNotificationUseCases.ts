import type { StaffNotification, StaffNotificationListQuery } from '@kayoi/contracts';
import type { Page, TenantRepos } from '../ports.js';
import type { Actor } from '../shared/actor.js';
import { failOrThrow, resultOf, type Result } from '../shared/result.js';

export interface StaffNotificationDeps {
  repos: TenantRepos;
  actor: Actor;
  now: Date;
}

/** A role that sees no personal data (the analyst) gets the note without the customer's name. */
function forActor(actor: Actor, notification: StaffNotification): StaffNotification {
  return actor.piiView === 'none' ? { ...notification, customerName: null } : notification;
}

/** Newest first; `unread` keeps only those nobody has marked read. */
export async function listStaffNotifications(
  deps: StaffNotificationDeps,
  query: StaffNotificationListQuery,
): Promise<Page<StaffNotification>> {
  const page = await deps.repos.journeys.staffNotifications(query);
  return { ...page, items: page.items.map((n) => forActor(deps.actor, n)) };
}

/** Marks a notification read for the whole shop; reading it again keeps the first time. */
export function markStaffNotificationRead(deps: StaffNotificationDeps, id: string): Promise<Result<StaffNotification>> {
  return resultOf(async () => {
    const notification = await deps.repos.journeys.markStaffNotificationRead(id, deps.now);
    if (!notification) failOrThrow('STAFF_NOTIFICATION_NOT_FOUND', { id });
    return forActor(deps.actor, notification);
  });
}
