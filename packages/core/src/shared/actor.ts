import type { Role, TenantSettings } from '@kayoi/contracts';
import { piiViewFor, type PiiView } from '../auth/permissions.js';

/** Who is acting: every use case receives one, for auditing and for what they may see. */
export interface Actor {
  readonly userId: string | null;
  readonly role: Role;
  readonly piiView: PiiView;
}

export function actorFor(user: { id: string; role: Role }, settings: Pick<TenantSettings, 'staffCanSeeContacts'>): Actor {
  return { userId: user.id, role: user.role, piiView: piiViewFor(user.role, settings) };
}

/** The CLI and the demo act as the system: owner rights, no user behind them. */
export const systemActor: Actor = { userId: null, role: 'owner', piiView: 'full' };
