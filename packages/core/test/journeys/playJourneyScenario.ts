import type { JourneyDefinition, JourneyEnrollmentState, SendTemplates } from '@kayoi/contracts';
import {
  advanceEnrollment,
  bindPresetTemplatesOrThrow,
  checkReentryAllowed,
  checkVisitTriggers,
  exitOnEvent,
  lifecyclePresetByKey,
  startEnrollment,
  type CustomerFacts,
  type LifecyclePresetKey,
  type PresetTemplateKey,
} from '@kayoi/core';

/**
 * Journey scenarios as data: events at instants, a clock that jumps from event to wake-up,
 * and the effects expected at each instant. Customers are named ("c1" when not given) and
 * their name appears in a record only when it is not c1, to keep single-customer scenarios short.
 */

export type ScenarioEvent =
  | { at: string; type: 'enroll' | 'advance' | 'booking'; customer?: string }
  | { at: string; type: 'visit'; customer?: string; categories?: string[]; isFirstVisit?: boolean }
  | { at: string; type: 'publish' };

export interface ScenarioRecord {
  at: string;
  type: 'send' | 'add_tag' | 'notify_staff' | 'completed' | 'exited' | 'enroll_refused';
  stepId?: string;
  template?: string;
  reason?: string;
  customer?: string;
}

export interface JourneyScenario {
  name: string;
  journey: { preset: LifecyclePresetKey } | { definition: JourneyDefinition };
  /** Published by a `publish` event: new enrollments use it, running ones keep theirs. */
  nextVersion?: JourneyDefinition;
  timeZone: string;
  facts?: Partial<CustomerFacts>;
  events: ScenarioEvent[];
  /** The clock stops here; waits ending later are not played. */
  until: string;
  expected: ScenarioRecord[];
}

export const baseFacts: CustomerFacts = {
  attributes: {},
  tags: [],
  visitCount: 3,
  lastVisit: null,
  pAlive: null,
  predictedClv: null,
  rfmSegment: null,
};

/** Fake template ids that spell their key, so records can name the template. */
const templateIdOf = (key: string) => `tpl:${key}`;

function definitionOf(journey: JourneyScenario['journey']): JourneyDefinition {
  if ('definition' in journey) return journey.definition;
  const { definition, templates } = lifecyclePresetByKey(journey.preset);
  const ids = Object.fromEntries(Object.keys(templates).map((k) => [k, { line: templateIdOf(k) }])) as Partial<
    Record<PresetTemplateKey, SendTemplates>
  >;
  return bindPresetTemplatesOrThrow(definition, ids);
}

interface Enrollment {
  customer: string;
  definition: JourneyDefinition;
  state: JourneyEnrollmentState;
}

const iso = (at: string | Date) => new Date(at).toISOString();

export function playJourneyScenario(scenario: JourneyScenario): ScenarioRecord[] {
  let current = definitionOf(scenario.journey);
  const facts = new Map<string, CustomerFacts>();
  const factsOf = (c: string) => facts.get(c) ?? { ...baseFacts, ...scenario.facts };
  const enrollments: Enrollment[] = [];
  const records: ScenarioRecord[] = [];
  const record = (at: Date, customer: string, r: Omit<ScenarioRecord, 'at' | 'customer'>) =>
    records.push({ at: iso(at), ...r, ...(customer === 'c1' ? {} : { customer }) });

  const advance = (e: Enrollment, now: Date) => {
    const result = advanceEnrollment({
      definition: e.definition,
      state: e.state,
      now,
      timeZone: scenario.timeZone,
      facts: factsOf(e.customer),
    });
    e.state = result.state;
    for (const effect of result.effects) {
      const { type } = effect;
      if (type === 'send') {
        const template = (effect.templates.line ?? effect.templates.email ?? '').replace(/^tpl:/, '');
        record(now, e.customer, { type, stepId: effect.stepId, template });
      } else if (type === 'completed' || type === 'exited') record(now, e.customer, { type, reason: effect.reason });
      else record(now, e.customer, { type, stepId: effect.stepId });
    }
  };
  const enroll = (customer: string, now: Date) => {
    const previous = enrollments.filter((e) => e.customer === customer).at(-1)?.state ?? null;
    if (!checkReentryAllowed(current, previous, now)) return record(now, customer, { type: 'enroll_refused' });
    const e = { customer, definition: current, state: startEnrollment(current, now) };
    enrollments.push(e);
    advance(e, now);
  };
  const onEvent = (event: ScenarioEvent, now: Date) => {
    if (event.type === 'publish') {
      if (!scenario.nextVersion) throw new Error('publish without nextVersion');
      current = scenario.nextVersion;
      return;
    }
    const customer = event.customer ?? 'c1';
    if (event.type === 'enroll') return enroll(customer, now);
    if (event.type === 'advance') return;
    for (const e of enrollments.filter((x) => x.customer === customer)) {
      const exited = exitOnEvent(e.definition, e.state, { type: event.type, at: now });
      if (exited) {
        e.state = exited;
        record(now, customer, { type: 'exited', reason: event.type });
      }
    }
    if (event.type !== 'visit') return;
    const before = factsOf(customer);
    const categories = event.categories ?? [];
    facts.set(customer, { ...before, visitCount: before.visitCount + 1, lastVisit: { itemIds: [], categories } });
    const visit = { startedAt: now, isFirstVisit: event.isFirstVisit ?? false, itemIds: [], categories };
    if (checkVisitTriggers(current.trigger, visit)) enroll(customer, now);
  };

  // The clock: the earliest pending event or wake-up; at one instant events come first.
  const events = [...scenario.events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const until = Date.parse(scenario.until);
  for (let guard = 0; guard < 10_000; guard++) {
    const due = enrollments.filter((e) => e.state.status === 'active' && e.state.wakeAt !== null);
    const nextWake = Math.min(...due.map((e) => Date.parse(e.state.wakeAt!)));
    const nextEvent = events.length > 0 ? Date.parse(events[0]!.at) : Infinity;
    const t = Math.min(nextWake, nextEvent);
    if (!Number.isFinite(t) || t > until) return records;
    const now = new Date(t);
    while (events.length > 0 && Date.parse(events[0]!.at) === t) onEvent(events.shift()!, now);
    for (const e of enrollments) {
      if (e.state.status === 'active' && (e.state.wakeAt === null || Date.parse(e.state.wakeAt) <= t)) advance(e, now);
    }
  }
  throw new Error('scenario clock did not stop');
}

/** Expected records with their instants normalised, so scenarios may write local offsets. */
export function normaliseRecords(records: readonly ScenarioRecord[]): ScenarioRecord[] {
  return records.map((r) => ({ ...r, at: iso(r.at) }));
}
