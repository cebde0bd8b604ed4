import { Navigate, createBrowserRouter } from 'react-router';
import { LoginPage } from '../auth/LoginPage';
import { RequireAuth } from '../auth/RequireAuth';
import { analyticsRoutes } from '../features/analytics';
import { broadcastRoutes } from '../features/broadcasts';
import { CheckoutPage } from '../features/checkout';
import { CustomerPage, CustomersPage } from '../features/customers';
import { journeyRoutes } from '../features/journeys';
import { notificationRoutes } from '../features/notifications';
import { segmentRoutes } from '../features/segments';
import { settingsRoutes } from '../features/settings';
import { templateRoutes } from '../features/templates';
import { Shell } from '../layout/Shell';
import { NotFound } from './NotFound';

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <Shell />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <Navigate to="/customers" replace /> },
      { path: 'customers', element: <CustomersPage /> },
      { path: 'customers/:customerId', element: <CustomerPage /> },
      { path: 'checkout', element: <CheckoutPage /> },
      { path: 'analytics', children: analyticsRoutes },
      { path: 'segments', children: segmentRoutes },
      { path: 'templates', children: templateRoutes },
      { path: 'broadcasts', children: broadcastRoutes },
      { path: 'journeys', children: journeyRoutes },
      { path: 'notifications', children: notificationRoutes },
      { path: 'settings', children: settingsRoutes },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
