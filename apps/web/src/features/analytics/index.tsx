import type { ReactNode } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import { RequirePermission } from '../settings/components/RequirePermission';
import { AnalyticsLayout } from './AnalyticsLayout';
import { AtRiskPage } from './pages/AtRiskPage';
import { CohortsPage } from './pages/CohortsPage';
import { EconomicsPage } from './pages/EconomicsPage';
import { ForecastPage } from './pages/ForecastPage';
import { MonitoringPage } from './pages/MonitoringPage';
import { OverviewPage } from './pages/OverviewPage';
import { ParetoPage } from './pages/ParetoPage';
import { RfmPage } from './pages/RfmPage';
import { SegmentsPage } from './pages/SegmentsPage';
import { StaffPage } from './pages/StaffPage';
import { analyticsSections, type AnalyticsPath } from './sections';

const pages: Record<AnalyticsPath, ReactNode> = {
  overview: <OverviewPage />,
  cohorts: <CohortsPage />,
  rfm: <RfmPage />,
  segments: <SegmentsPage />,
  pareto: <ParetoPage />,
  economics: <EconomicsPage />,
  forecast: <ForecastPage />,
  staff: <StaffPage />,
  monitoring: <MonitoringPage />,
  'at-risk': <AtRiskPage />,
};

/** Mounted under /analytics; the section opens on the overview. */
export const analyticsRoutes: RouteObject[] = [
  {
    element: (
      <RequirePermission needs="analytics.read">
        <AnalyticsLayout />
      </RequirePermission>
    ),
    children: [
      { index: true, element: <Navigate to="overview" replace /> },
      ...analyticsSections.map((section) => ({ path: section.path, element: pages[section.path] })),
    ],
  },
];
