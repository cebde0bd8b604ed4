import type { RouteObject } from 'react-router';
import { RequirePermission } from '../settings/components/RequirePermission';
import { BroadcastPage } from './pages/BroadcastPage';
import { BroadcastsListPage } from './pages/BroadcastsListPage';

const guarded = (element: React.ReactNode) => <RequirePermission needs="broadcasts.read">{element}</RequirePermission>;

/** Mounted under /broadcasts. Editing and sending are checked inside (broadcasts.manage). */
export const broadcastRoutes: RouteObject[] = [
  { index: true, element: guarded(<BroadcastsListPage />) },
  {
    path: 'new',
    element: (
      <RequirePermission needs="broadcasts.manage">
        <BroadcastPage />
      </RequirePermission>
    ),
  },
  { path: ':broadcastId', element: guarded(<BroadcastPage />) },
];
