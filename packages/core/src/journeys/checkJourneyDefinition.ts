import {
  journeyProblemMessages,
  type JourneyDefinition,
  type JourneyProblem,
  type JourneyProblemCode,
  type JourneyStep,
} from '@kayoi/contracts';

/** Where a step points: the property path of the reference and the step id it names. */
export interface JourneyStepLink {
  readonly path: string;
  readonly target: string | null;
}

export function journeyStepLinks(step: JourneyStep, index: number): JourneyStepLink[] {
  const at = `steps.${index}`;
  switch (step.type) {
    case 'exit':
      return [];
    case 'branch':
      return [
        ...step.branches.map((arm, j) => ({ path: `${at}.branches.${j}.next`, target: arm.next })),
        { path: `${at}.otherwise`, target: step.otherwise },
      ];
    default:
      return [{ path: `${at}.next`, target: step.next }];
  }
}

/**
 * The step graph's problems, each at its path. Any cycle is refused, not only cycles
 * without a wait: a loop through a wait would message a customer forever, and without
 * loops every step runs at most once per enrollment, which makes (version, step,
 * enrollment) a safe idempotency key for the worker.
 */
export function checkJourneyDefinition(definition: JourneyDefinition): JourneyProblem[] {
  const problems: JourneyProblem[] = [];
  const report = (path: string, problem: JourneyProblemCode, message?: string) =>
    problems.push({ path, problem, message: message ?? journeyProblemMessages[problem].en });

  const indexById = new Map<string, number>();
  definition.steps.forEach((step, i) => {
    if (indexById.has(step.id)) report(`steps.${i}.id`, 'duplicate_step_id', `step id ${step.id} is used twice`);
    else indexById.set(step.id, i);
    if (step.type === 'branch' && step.branches.length === 0) report(`steps.${i}.branches`, 'branch_without_branches');
  });

  const links = definition.steps.map((step, i) => journeyStepLinks(step, i));
  for (const link of links.flat()) {
    if (link.target !== null && !indexById.has(link.target)) {
      report(link.path, 'unknown_step', `no step has the id ${link.target}`);
    }
  }
  const entry = indexById.get(definition.entryStepId);
  if (entry === undefined) report('entryStepId', 'unknown_step', `no step has the id ${definition.entryStepId}`);

  // Depth-first over the first step with each id; an edge into a step still on the path closes a loop.
  const state = new Map<number, 'open' | 'done'>();
  const visit = (i: number): void => {
    state.set(i, 'open');
    for (const link of links[i] ?? []) {
      const j = link.target === null ? undefined : indexById.get(link.target);
      if (j === undefined) continue;
      if (state.get(j) === 'open') report(link.path, 'cycle', `${link.target} leads back to itself`);
      else if (!state.has(j)) visit(j);
    }
    state.set(i, 'done');
  };
  if (entry !== undefined) visit(entry);
  const reachable = new Set(state.keys());
  definition.steps.forEach((step, i) => {
    if (indexById.get(step.id) !== i || reachable.has(i)) return;
    report(`steps.${i}`, 'unreachable_step', `no path from ${definition.entryStepId} reaches ${step.id}`);
  });
  // Loops among unreachable steps are reported too: fixing reachability must not hide one.
  definition.steps.forEach((step, i) => {
    if (indexById.get(step.id) === i && !state.has(i)) visit(i);
  });
  return problems;
}
