import type { RouteObject } from 'react-router';
import { RequirePermission } from '../settings/components/RequirePermission';
import { NotificationsPage } from './pages/NotificationsPage';

export { NotificationBell } from './NotificationBell';

/** Mounted under /notifications: staff read and mark them at the counter (customers.read). */
export const notificationRoutes: RouteObject[] = [
  {
    index: true,
    element: (
      <RequirePermission needs="customers.read">
        <NotificationsPage />
      </RequirePermission>
    ),
  },
];
