import { rolePermissions, type Permission, type PiiView, type Role, type TenantSettings } from '@kayoi/contracts';

export { permissions, type Permission } from '@kayoi/contracts';

const allowed: Record<Role, ReadonlySet<Permission>> = {
  owner: new Set(rolePermissions.owner),
  manager: new Set(rolePermissions.manager),
  staff: new Set(rolePermissions.staff),
  analyst: new Set(rolePermissions.analyst),
};

export function checkPermission(role: Role, permission: Permission): boolean {
  return allowed[role].has(permission);
}

/**
 * How much personal data a viewer sees.
 * - full: everything.
 * - contactsMasked: names yes, contact details partly hidden (phone, email, LINE id, postal code).
 * - none: no personal data at all (analysts).
 */
export type { PiiView } from '@kayoi/contracts';

export function piiViewFor(role: Role, settings: Pick<TenantSettings, 'staffCanSeeContacts'>): PiiView {
  switch (role) {
    case 'owner':
    case 'manager':
      return 'full';
    case 'staff':
      return settings.staffCanSeeContacts ? 'full' : 'contactsMasked';
    case 'analyst':
      return 'none';
  }
}
