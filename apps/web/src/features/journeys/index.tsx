import type { RouteObject } from 'react-router';
import { RequirePermission } from '../settings/components/RequirePermission';
import { JourneyPage } from './pages/JourneyPage';
import { JourneyPresetsPage } from './pages/JourneyPresetsPage';
import { JourneysListPage } from './pages/JourneysListPage';

const guarded = (element: React.ReactNode) => <RequirePermission needs="journeys.read">{element}</RequirePermission>;

/** Mounted under /journeys. Editing and status changes are checked inside (journeys.manage). */
export const journeyRoutes: RouteObject[] = [
  { index: true, element: guarded(<JourneysListPage />) },
  {
    path: 'presets',
    element: (
      <RequirePermission needs="journeys.manage">
        <JourneyPresetsPage />
      </RequirePermission>
    ),
  },
  { path: ':journeyId', element: guarded(<JourneyPage />) },
];
