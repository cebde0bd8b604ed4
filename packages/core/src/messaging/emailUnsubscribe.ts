import type { TenantRepos } from '../ports.js';

/** Who an unsubscribe link is for. The campaign key says which mail it came from, for the report. */
export interface UnsubscribeClaim {
  readonly tenantId: string;
  readonly customerId: string;
  readonly campaignKey?: string;
}

/**
 * Signed unsubscribe tokens; the server implements them with HMAC-SHA256. `verify` answers
 * null for anything not signed with the key, so a guessed or edited link changes nothing.
 */
export interface UnsubscribeTokens {
  sign(claim: UnsubscribeClaim): string;
  verify(token: string): UnsubscribeClaim | null;
}

export const EMAIL_UNSUBSCRIBE_SOURCE = 'email_unsubscribe';

export type UnsubscribeOutcome = 'withdrawn' | 'already_withdrawn' | 'unknown_customer';

export interface UnsubscribeDeps {
  /** Bound to the claim's tenant: a token can only ever touch the business that signed it. */
  repos: TenantRepos;
  now: Date;
}

/**
 * Withdraws email consent for the link's customer. Idempotent: a second click (or the mailbox
 * provider's one-click POST followed by the recipient's own) adds no second history entry.
 * An erased or removed customer is left alone; the answer to the recipient is the same.
 */
export async function unsubscribeEmail(deps: UnsubscribeDeps, claim: UnsubscribeClaim): Promise<UnsubscribeOutcome> {
  const customer = await deps.repos.customers.findById(claim.customerId);
  if (!customer || customer.erasedAt) return 'unknown_customer';
  if (customer.consents.email.status === 'withdrawn') return 'already_withdrawn';
  await deps.repos.customers.recordConsent(claim.customerId, {
    channel: 'email',
    status: 'withdrawn',
    source: EMAIL_UNSUBSCRIBE_SOURCE,
    at: deps.now,
    actorUserId: null,
  });
  return 'withdrawn';
}
