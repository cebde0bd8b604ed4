import type { Permission } from '@kayoi/contracts';
import {
  IconBuilding,
  IconBrandLine,
  IconBuildingStore,
  IconChartDots,
  IconFileImport,
  IconForms,
  IconMail,
  IconScissors,
  IconSpeakerphone,
  IconUsers,
} from '@tabler/icons-react';

export type SettingsPath =
  'stores' | 'staff' | 'catalog' | 'attributes' | 'channels' | 'business' | 'analytics' | 'line' | 'email' | 'import';

export interface SettingsSection {
  path: SettingsPath;
  /** Key in the settings namespace. */
  label: string;
  icon: typeof IconUsers;
  /** Reading the page; changing things inside it may need more (checked by each page). */
  needs: Permission;
}

/** In the order a new salon fills them in: where, who, what is sold, what is recorded, where customers come from. */
export const settingsSections: SettingsSection[] = [
  { path: 'stores', label: 'nav.stores', icon: IconBuildingStore, needs: 'settings.read' },
  { path: 'staff', label: 'nav.staff', icon: IconUsers, needs: 'users.read' },
  { path: 'catalog', label: 'nav.catalog', icon: IconScissors, needs: 'settings.read' },
  { path: 'attributes', label: 'nav.attributes', icon: IconForms, needs: 'settings.read' },
  { path: 'channels', label: 'nav.channels', icon: IconSpeakerphone, needs: 'settings.read' },
  { path: 'business', label: 'nav.business', icon: IconBuilding, needs: 'tenant.manage' },
  // PATCH /tenant needs tenant.manage, so the analytics settings are the owner's, like the business's.
  { path: 'analytics', label: 'nav.analytics', icon: IconChartDots, needs: 'tenant.manage' },
  // GET/PUT /channels/line and /channels/email need tenant.manage: they hold the shop's credentials.
  { path: 'line', label: 'nav.line', icon: IconBrandLine, needs: 'tenant.manage' },
  { path: 'email', label: 'nav.email', icon: IconMail, needs: 'tenant.manage' },
  { path: 'import', label: 'nav.import', icon: IconFileImport, needs: 'imports.run' },
];
