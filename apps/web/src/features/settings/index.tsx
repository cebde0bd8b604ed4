import type { ReactNode } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import { AnalyticsSettingsPage } from './analytics/AnalyticsSettingsPage';
import { AttributesPage } from './attributes/AttributesPage';
import { BusinessPage } from './business/BusinessPage';
import { CatalogPage } from './catalog/CatalogPage';
import { ChannelsPage } from './channels/ChannelsPage';
import { EmailPage } from './email/EmailPage';
import { RequirePermission } from './components/RequirePermission';
import { ImportPage } from './import/ImportPage';
import { LinePage } from './line/LinePage';
import { settingsSections, type SettingsPath } from './sections';
import { SettingsLayout } from './SettingsLayout';
import { StaffPage } from './staff/StaffPage';
import { StoresPage } from './stores/StoresPage';

const pages: Record<SettingsPath, ReactNode> = {
  stores: <StoresPage />,
  staff: <StaffPage />,
  catalog: <CatalogPage />,
  attributes: <AttributesPage />,
  channels: <ChannelsPage />,
  business: <BusinessPage />,
  analytics: <AnalyticsSettingsPage />,
  line: <LinePage />,
  email: <EmailPage />,
  import: <ImportPage />,
};

/** Mounted under /settings. Every role may read stores, so the section opens there. */
export const settingsRoutes: RouteObject[] = [
  {
    element: <SettingsLayout />,
    children: [
      { index: true, element: <Navigate to="stores" replace /> },
      ...settingsSections.map((section) => ({
        path: section.path,
        element: <RequirePermission needs={section.needs}>{pages[section.path]}</RequirePermission>,
      })),
    ],
  },
];
