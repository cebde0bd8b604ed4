import type { LineLinkCode } from '@kayoi/contracts';
import type { TenantRepos } from '../ports.js';
import type { Actor } from '../shared/actor.js';
import { failOrThrow, resultOf, type Result } from '../shared/result.js';

/** Long enough to walk to the counter and scan a QR code; short enough that guessing is pointless. */
export const LINE_LINK_CODE_TTL_MS = 10 * 60_000;
const COLLISION_ATTEMPTS = 5;

/** Random six-digit codes and their stored form; the server implements it with node:crypto. */
export interface LinkCodeSecrets {
  generate(): string;
  /** Bound to the tenant, so one business's hashes say nothing about another's codes. */
  hash(code: string): string;
}

export interface LinkCodeDeps {
  repos: TenantRepos;
  actor: Actor;
  now: Date;
  codes: LinkCodeSecrets;
}

/**
 * A one-time code a customer sends to the shop's LINE account to link it to their record.
 * Only its hash is stored; two live codes of one business never share a value, so a code
 * always names exactly one customer.
 */
export function issueLineLinkCode(deps: LinkCodeDeps, customerId: string): Promise<Result<LineLinkCode>> {
  return resultOf(async () => {
    const customer = await deps.repos.customers.findById(customerId);
    if (!customer) failOrThrow('CUSTOMER_NOT_FOUND', { id: customerId });
    if (customer.erasedAt) failOrThrow('CUSTOMER_ERASED', { id: customerId });
    if (!(await deps.repos.line.credentials())) failOrThrow('LINE_NOT_CONFIGURED');
    const expiresAt = new Date(deps.now.getTime() + LINE_LINK_CODE_TTL_MS);
    for (let attempt = 0; attempt < COLLISION_ATTEMPTS; attempt++) {
      const code = deps.codes.generate();
      const codeHash = deps.codes.hash(code);
      if (await deps.repos.line.checkLiveLinkCode(codeHash, deps.now)) continue;
      await deps.repos.line.insertLinkCode({ customerId, codeHash, expiresAt, createdBy: deps.actor.userId });
      return { code, expiresAt: expiresAt.toISOString() };
    }
    // A million codes and fewer than a few hundred live at once: reaching this means a broken generator.
    throw new Error('could not draw an unused LINE link code');
  });
}
