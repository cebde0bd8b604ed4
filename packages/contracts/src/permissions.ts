import { z } from 'zod';
import type { Role } from './users.js';

/** What each role may do. The server enforces it; the web app uses it to hide what it would refuse. */
export const permissions = [
  'tenant.read',
  'tenant.manage',
  'users.read',
  'users.manage',
  'settings.read',
  'settings.manage',
  'customers.read',
  'customers.write',
  'customers.erase',
  'visits.read',
  'visits.write',
  'visits.void',
  'imports.run',
  'audit.read',
  'analytics.read',
  'analytics.refresh',
  'analytics.export',
  'segments.read',
  'segments.manage',
  'templates.read',
  'templates.manage',
  'broadcasts.read',
  'broadcasts.manage',
  'journeys.read',
  'journeys.manage',
] as const;
export const Permission = z.enum(permissions).meta({ id: 'Permission' });
export type Permission = z.infer<typeof Permission>;

export const rolePermissions: Record<Role, readonly Permission[]> = {
  owner: permissions,
  // Everything but the business's own settings and who works there.
  manager: permissions.filter((p) => p !== 'tenant.manage' && p !== 'users.manage'),
  // The counter: customers and visits; the rest only to pick from.
  staff: [
    'tenant.read',
    'users.read',
    'settings.read',
    'customers.read',
    'customers.write',
    'visits.read',
    'visits.write',
  ],
  // Read-only figures; personal data is removed before it is sent.
  analyst: [
    'tenant.read',
    'users.read',
    'settings.read',
    'customers.read',
    'visits.read',
    'analytics.read',
    'segments.read',
    'templates.read',
    'broadcasts.read',
    'journeys.read',
  ],
};
