import { checkReentryAllowed, startEnrollment } from '@kayoi/core';
import type { ActiveJourney, JourneyScanStore } from '@kayoi/db';
import { isInHoldout } from '@kayoi/stats';

/**
 * Enrols one customer for one trigger occurrence (`entryKey`), if the re-entry rule allows.
 * The holdout arm comes from a hash of (journey, customer), as for broadcasts: the same answer
 * on every worker and every enrolment, so a customer stays in one arm of the journey.
 */
export async function enrolCustomer(
  store: JourneyScanStore,
  tenantId: string,
  journey: ActiveJourney,
  customerId: string,
  entryKey: string,
  now: Date,
): Promise<boolean> {
  const previous = await store.latestEnrollment(tenantId, journey.id, customerId);
  if (!checkReentryAllowed(journey.definition, previous, now)) return false;
  const share = journey.holdoutPercent / 100;
  const state = startEnrollment(journey.definition, now);
  return store.insertEnrollment({
    tenantId,
    journeyId: journey.id,
    version: journey.version,
    customerId,
    arm: share > 0 && isInHoldout(journey.id, customerId, share) ? 'holdout' : 'a',
    entryKey,
    stepId: state.stepId ?? journey.definition.entryStepId,
    enteredAt: now,
  });
}
