import { advanceEnrollment, type CustomerFacts, type JourneyEffect } from '@kayoi/core';
import { deliveryQueue, journeyRunStore, type ClaimedEnrollment, type Database, type Orm } from '@kayoi/db';

/** A step's delivery key: (journey, version, enrollment, step) is unique because a checked journey has no loops. */
export const journeyDeliveryKey = (e: ClaimedEnrollment, stepId: string) =>
  `journey:${e.journeyId}:v${e.version}:${e.id}:${stepId}`;

const noFacts: CustomerFacts = {
  attributes: {},
  tags: [],
  visitCount: 0,
  lastVisit: null,
  pAlive: null,
  predictedClv: null,
  rfmSegment: null,
};

class LeaseLost extends Error {}

async function applyEffects(tx: Orm, e: ClaimedEnrollment, effects: readonly JourneyEffect[], now: Date) {
  const run = journeyRunStore(tx);
  for (const effect of effects) {
    if (effect.type === 'send') {
      // Queued in the outbox: the delivery worker checks consent, quiet hours and the cap when it sends.
      await deliveryQueue(tx).queueDeliveries(e.tenantId, e.campaignId, [
        {
          customerId: e.customerId,
          idempotencyKey: journeyDeliveryKey(e, effect.stepId),
          arm: e.arm,
          status: e.arm === 'holdout' ? 'held_out' : 'queued',
          reason: null,
          notBefore: now,
          templates: effect.templates,
        },
      ]);
    } else if (effect.type === 'add_tag') {
      await run.addTag(e.tenantId, e.customerId, effect.tag);
    } else if (effect.type === 'notify_staff' && e.arm !== 'holdout') {
      // A staff follow-up is part of the treatment, so the holdout gets none (its sends are only logged).
      await run.notifyStaff({
        tenantId: e.tenantId,
        customerId: e.customerId,
        journeyId: e.journeyId,
        sourceKey: journeyDeliveryKey(e, effect.stepId),
        message: effect.message,
        at: now,
      });
    }
  }
}

/**
 * Claims due enrollments and runs each to its next wait; its new state and its effects are
 * written in one transaction, which rolls back if another worker took the enrollment over.
 * Answers how many enrollments were advanced.
 */
export async function runDueEnrollments(
  db: Database,
  now: Date,
  options: { batchSize: number; leaseSeconds: number },
): Promise<number> {
  const claimed = await journeyRunStore(db.orm).claimDue(now, options.batchSize, options.leaseSeconds);
  const tenants = [...new Set(claimed.map((e) => e.tenantId))];
  const facts = new Map<string, Map<string, CustomerFacts>>();
  for (const tenantId of tenants) {
    const ids = [...new Set(claimed.filter((e) => e.tenantId === tenantId).map((e) => e.customerId))];
    facts.set(tenantId, await journeyRunStore(db.orm).facts(tenantId, ids));
  }
  let advanced = 0;
  for (const e of claimed) {
    const result = advanceEnrollment({
      definition: e.definition,
      state: e.state,
      now,
      timeZone: e.timeZone,
      facts: facts.get(e.tenantId)?.get(e.customerId) ?? noFacts,
    });
    try {
      await db.orm.transaction(async (tx) => {
        const orm = tx as unknown as Orm;
        if (!(await journeyRunStore(orm).saveState(e, result.state))) throw new LeaseLost();
        await applyEffects(orm, e, result.effects, now);
      });
      advanced++;
    } catch (err) {
      if (!(err instanceof LeaseLost)) throw err;
    }
  }
  return claimed.length === 0 ? 0 : advanced;
}
