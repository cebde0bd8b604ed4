import type { RouteObject } from 'react-router';
import { RequirePermission } from '../settings/components/RequirePermission';
import { SegmentBuilderPage } from './pages/SegmentBuilderPage';
import { SegmentsListPage } from './pages/SegmentsListPage';

const guarded = (element: React.ReactNode) => <RequirePermission needs="segments.read">{element}</RequirePermission>;

/** Mounted under /segments. Saving is checked inside the editor (segments.manage). */
export const segmentRoutes: RouteObject[] = [
  { index: true, element: guarded(<SegmentsListPage />) },
  { path: 'new', element: guarded(<SegmentBuilderPage />) },
  { path: ':segmentId', element: guarded(<SegmentBuilderPage />) },
];
