import { checkVisitTriggers, exitOnEvent } from '@kayoi/core';
import type { ActiveJourney, JourneyScanStore, ScanCursor } from '@kayoi/db';
import { enrolCustomer } from './enrolCustomer.js';

/** Visits older than this when first seen (an import of past receipts) enrol nobody: a thank-you a month late is noise. */
const MAX_VISIT_AGE_MS = 2 * 86_400_000;

/**
 * Reads the visits recorded since the tenant's cursor, oldest first: each one may end
 * enrollments that exit on a visit (only enrollments that began before it) and may enrol
 * the customer in visit-triggered journeys (keyed by the visit, so never twice for one visit).
 */
export async function scanNewVisits(
  store: JourneyScanStore,
  cursor: ScanCursor,
  journeys: readonly ActiveJourney[],
  now: Date,
  batchSize = 500,
): Promise<number> {
  let position = cursor;
  let seen = 0;
  const exitOnVisit = journeys.filter((j) => j.definition.exitOn.visit).map((j) => j.id);
  for (;;) {
    const visits = await store.visitsAfter(position, batchSize);
    if (visits.length === 0) return seen;
    for (const visit of visits) {
      if (visit.voided) continue;
      for (const enrollment of await store.activeEnrollmentsOf(cursor.tenantId, visit.customerId, exitOnVisit)) {
        const state = {
          status: 'active' as const,
          stepId: null,
          wakeAt: null,
          enteredAt: enrollment.enteredAt.toISOString(),
          endedAt: null,
          endReason: null,
          visitedStepIds: [],
        };
        const ended = exitOnEvent(enrollment.definition, state, { type: 'visit', at: visit.startedAt });
        if (ended) await store.endEnrollment(cursor.tenantId, enrollment.id, visit.startedAt, 'visit');
      }
      if (now.getTime() - visit.startedAt.getTime() > MAX_VISIT_AGE_MS) continue;
      for (const journey of journeys) {
        if (!checkVisitTriggers(journey.definition.trigger, visit)) continue;
        await enrolCustomer(store, cursor.tenantId, journey, visit.customerId, `visit:${visit.id}`, now);
      }
    }
    const last = visits.at(-1)!;
    await store.saveScan(cursor.tenantId, { lastVisitCreatedAt: last.createdAt, lastVisitId: last.id });
    position = { ...position, lastVisitCreatedAt: last.createdAt, lastVisitId: last.id };
    seen += visits.length;
  }
}
