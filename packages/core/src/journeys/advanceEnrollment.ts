import type {
  JourneyDefinition,
  JourneyEndReason,
  JourneyEnrollmentState,
  JourneyStep,
  SendTemplates,
} from '@kayoi/contracts';
import { checkJourneyCondition, type CustomerFacts } from './customerFacts.js';
import { addWaitDuration, nextTimeOfDay } from './journeyTime.js';

/**
 * The journey engine, pure: the worker loads an enrollment's state and the definition of
 * the version it started with, calls advanceEnrollment when the enrollment is due
 * (`wakeAt` null or passed), and in one transaction stores the new state and queues the
 * effects. Every effect names its step; a checked definition has no loops, so each step runs
 * at most once per enrollment and (journey version, step id, enrollment) is an idempotency
 * key that keeps a retried job from sending twice.
 *
 * Editing a journey makes a new version; an enrollment keeps the version it started with,
 * because its `stepId` only means something in that version.
 */

export type JourneyEffect =
  | { readonly type: 'send'; readonly stepId: string; readonly templates: SendTemplates }
  | { readonly type: 'add_tag'; readonly stepId: string; readonly tag: string }
  | { readonly type: 'notify_staff'; readonly stepId: string; readonly message: string }
  | { readonly type: 'completed'; readonly reason: 'end' }
  | { readonly type: 'exited'; readonly reason: 'exit_step' | 'step_missing' };

export interface AdvanceEnrollmentInput {
  readonly definition: JourneyDefinition;
  readonly state: JourneyEnrollmentState;
  readonly now: Date;
  /** The shop's IANA zone: wait_until times and wait days are local. */
  readonly timeZone: string;
  readonly facts: CustomerFacts;
  /** A guard against a definition that was never checked; the default exceeds any valid journey. */
  readonly maxSteps?: number;
}

export interface AdvanceEnrollmentResult {
  readonly state: JourneyEnrollmentState;
  readonly effects: JourneyEffect[];
}

export function startEnrollment(definition: JourneyDefinition, now: Date): JourneyEnrollmentState {
  return {
    status: 'active',
    stepId: definition.entryStepId,
    wakeAt: null,
    enteredAt: now.toISOString(),
    endedAt: null,
    endReason: null,
    visitedStepIds: [],
  };
}

function ended(
  state: JourneyEnrollmentState,
  status: 'completed' | 'exited',
  reason: JourneyEndReason,
  at: Date,
): JourneyEnrollmentState {
  return { ...state, status, wakeAt: null, endedAt: at.toISOString(), endReason: reason };
}

/** Where a finished step leads; a branch asks its conditions in order, on today's facts. */
function nextOf(step: Exclude<JourneyStep, { type: 'exit' }>, facts: CustomerFacts): string | null {
  if (step.type !== 'branch') return step.next;
  return step.branches.find((arm) => checkJourneyCondition(arm.when, facts))?.next ?? step.otherwise;
}

/**
 * Runs steps from the state's current step until a wait that ends after `now`, an exit or
 * the end. Waits count from `now`, the moment the step is actually reached: a worker that
 * wakes late shifts the rest of the journey instead of sending a burst of catch-up messages.
 */
export function advanceEnrollment(input: AdvanceEnrollmentInput): AdvanceEnrollmentResult {
  const { definition, now, timeZone, facts } = input;
  const effects: JourneyEffect[] = [];
  let state: JourneyEnrollmentState = { ...input.state, visitedStepIds: [...input.state.visitedStepIds] };
  if (state.status !== 'active') return { state, effects };
  const stepById = new Map(definition.steps.map((s) => [s.id, s]));
  const missing = () => {
    effects.push({ type: 'exited', reason: 'step_missing' });
    return { state: ended(state, 'exited', 'step_missing', now), effects };
  };

  if (state.wakeAt !== null) {
    if (new Date(state.wakeAt).getTime() > now.getTime()) return { state, effects };
    const waited = state.stepId === null ? undefined : stepById.get(state.stepId);
    if (!waited || waited.type === 'exit') return missing();
    state = { ...state, stepId: nextOf(waited, facts), wakeAt: null };
  }

  const maxSteps = input.maxSteps ?? definition.steps.length + 1;
  for (let ran = 0; ran < maxSteps; ran++) {
    if (state.stepId === null) {
      effects.push({ type: 'completed', reason: 'end' });
      return { state: ended(state, 'completed', 'end', now), effects };
    }
    const step = stepById.get(state.stepId);
    if (!step) return missing();
    state.visitedStepIds.push(step.id);
    switch (step.type) {
      case 'exit':
        effects.push({ type: 'exited', reason: 'exit_step' });
        return { state: ended(state, 'exited', 'exit_step', now), effects };
      case 'wait':
      case 'wait_until': {
        const wakeAt =
          step.type === 'wait'
            ? addWaitDuration(now, step.duration, timeZone)
            : nextTimeOfDay(now, step.time, step.dayOffset, timeZone);
        if (wakeAt.getTime() > now.getTime()) return { state: { ...state, wakeAt: wakeAt.toISOString() }, effects };
        break;
      }
      case 'send':
        effects.push({ type: 'send', stepId: step.id, templates: step.templates });
        break;
      case 'add_tag':
        effects.push({ type: 'add_tag', stepId: step.id, tag: step.tag });
        break;
      case 'notify_staff':
        effects.push({ type: 'notify_staff', stepId: step.id, message: step.message });
        break;
      case 'branch':
        break;
    }
    state = { ...state, stepId: nextOf(step, facts) };
  }
  // Out of budget (only an unchecked, looping definition gets here): stay due and stop.
  return { state, effects };
}

/**
 * Ends an active enrollment when the journey exits on this kind of event; null when it does
 * not apply. Only events after enrolment count: the visit that triggered a journey must not
 * end it.
 */
export function exitOnEvent(
  definition: JourneyDefinition,
  state: JourneyEnrollmentState,
  event: { readonly type: 'visit' | 'booking'; readonly at: Date },
): JourneyEnrollmentState | null {
  if (state.status !== 'active' || !definition.exitOn[event.type]) return null;
  if (event.at.getTime() <= new Date(state.enteredAt).getTime()) return null;
  return ended(state, 'exited', event.type, event.at);
}

const DAY_MS = 86_400_000;

/**
 * Whether a customer may be enrolled (again). Never while an enrollment is active; after one
 * has ended only under `after_exit`, once `cooldownDays` × 24 hours have passed.
 */
export function checkReentryAllowed(
  definition: JourneyDefinition,
  previous: { readonly status: JourneyEnrollmentState['status']; readonly endedAt: string | Date | null } | null,
  now: Date,
): boolean {
  if (previous === null) return true;
  if (previous.status === 'active' || previous.endedAt === null) return false;
  if (definition.reentry.policy === 'never') return false;
  return now.getTime() - new Date(previous.endedAt).getTime() >= definition.reentry.cooldownDays * DAY_MS;
}
