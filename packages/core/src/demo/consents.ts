import type { ConsentChannel } from '@kayoi/contracts';
import { categorical, type Rng } from '@kayoi/stats';
import type { PreferredContact } from './attributes.js';

export type DemoConsents = Partial<Record<ConsentChannel, 'granted' | 'withdrawn'>>;

/**
 * LINE is how Japanese salons keep in touch: most customers add the shop as a friend at the
 * counter, younger ones more readily. Customers who stopped coming are the ones who later
 * block the account or unsubscribe, so withdrawals follow churn. SMS is never granted.
 */
export function drawConsents(rng: Rng, age: number, hasEmail: boolean, churned: boolean): DemoConsents {
  const consents: DemoConsents = {};
  const lineShare = age < 40 ? 0.74 : age < 55 ? 0.68 : 0.55;
  const withdrawShare = churned ? 0.1 : 0.02;
  if (rng.next() < lineShare) consents.line = rng.next() < withdrawShare ? 'withdrawn' : 'granted';
  if (hasEmail && rng.next() < 0.59) consents.email = rng.next() < withdrawShare ? 'withdrawn' : 'granted';
  return consents;
}

/** What the customer said when asked how to be contacted, consistent with what they allowed. */
export function preferredContact(
  rng: Rng,
  consents: DemoConsents,
  hasEmail: boolean,
  hasPhone: boolean,
): PreferredContact | null {
  const options: { value: PreferredContact; weight: number }[] = [];
  if (consents.line === 'granted') options.push({ value: 'line', weight: 8 });
  if (hasEmail && consents.email === 'granted') options.push({ value: 'email', weight: 3 });
  if (hasPhone) options.push({ value: 'phone', weight: 1 });
  if (options.length === 0) return null;
  return (
    options[
      categorical(
        rng,
        options.map((o) => o.weight),
      )
    ]?.value ?? null
  );
}
