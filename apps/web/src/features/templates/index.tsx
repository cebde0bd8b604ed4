import type { RouteObject } from 'react-router';
import { RequirePermission } from '../settings/components/RequirePermission';
import { TemplateEditorPage } from './pages/TemplateEditorPage';
import { TemplatesListPage } from './pages/TemplatesListPage';

const guarded = (element: React.ReactNode) => <RequirePermission needs="templates.read">{element}</RequirePermission>;

/** Mounted under /templates. Editing is checked inside the editor (templates.manage). */
export const templateRoutes: RouteObject[] = [
  { index: true, element: guarded(<TemplatesListPage />) },
  { path: 'new', element: guarded(<TemplateEditorPage />) },
  { path: ':templateId', element: guarded(<TemplateEditorPage />) },
];
