import type {
  JourneyCondition,
  JourneyDefinition,
  JourneyStep,
  JourneyTrigger,
  JourneyWaitDuration,
  JourneyReentry,
} from '@kayoi/contracts';
import type { TFunction } from 'i18next';
import { formatYen } from '../../lib/format';

/**
 * A journey definition in words, the way an owner would say it: "来店したとき", "2日待つ",
 * "前回の来店が「カラー」なら". Names of items, attributes and segments come from `names`;
 * an id the page has not loaded (or that was deleted) reads as "—".
 */
export interface Names {
  item: (id: string) => string;
  attribute: (id: string) => string;
  segment: (id: string) => string;
}

const quoted = (t: TFunction, values: string[]) =>
  values.map((v) => t('journeys:words.quoted', { value: v })).join(t('journeys:words.listSeparator'));

export function describeTrigger(t: TFunction, trigger: JourneyTrigger, names: Names): string {
  switch (trigger.type) {
    case 'first_visit':
    case 'any_visit':
    case 'due_by_cycle':
      return trigger.type === 'due_by_cycle' && trigger.daysAfterDue > 0
        ? t('journeys:trigger.due_by_cycle_after', { count: trigger.daysAfterDue })
        : t(`journeys:trigger.${trigger.type}`);
    case 'visit_with':
      return t('journeys:trigger.visit_with', {
        what: quoted(t, [...trigger.categories, ...trigger.itemIds.map(names.item)]),
      });
    case 'birthday':
      return trigger.daysBefore === 0
        ? t('journeys:trigger.birthday_on')
        : t('journeys:trigger.birthday', { count: trigger.daysBefore });
    case 'date_attribute_anniversary':
      return trigger.daysBefore === 0
        ? t('journeys:trigger.anniversary_on', { attribute: names.attribute(trigger.attributeId) })
        : t('journeys:trigger.anniversary', {
            attribute: names.attribute(trigger.attributeId),
            count: trigger.daysBefore,
          });
    case 'p_alive_below':
      return t('journeys:trigger.p_alive_below', { threshold: trigger.threshold });
    case 'entered_segment':
      return t('journeys:trigger.entered_segment', { segment: names.segment(trigger.segmentId) });
  }
}

/** "2日3時間": days, hours and minutes that are not zero. */
export function describeDuration(t: TFunction, d: JourneyWaitDuration): string {
  return (['days', 'hours', 'minutes'] as const)
    .filter((unit) => d[unit] > 0)
    .map((unit) => t(`journeys:duration.${unit}`, { count: d[unit] }))
    .join(t('journeys:duration.separator'));
}

const range = (
  t: TFunction,
  key: string,
  c: { gte?: number | undefined; lte?: number | undefined },
  format: (n: number) => string = String,
) =>
  c.gte !== undefined && c.lte !== undefined
    ? t(`journeys:condition.${key}_between`, { gte: format(c.gte), lte: format(c.lte) })
    : c.gte !== undefined
      ? t(`journeys:condition.${key}_gte`, { value: format(c.gte) })
      : t(`journeys:condition.${key}_lte`, { value: format(c.lte ?? 0) });

export function describeCondition(t: TFunction, c: JourneyCondition, names: Names): string {
  const nested = (inner: JourneyCondition) =>
    inner.type === 'all' || inner.type === 'any'
      ? t('journeys:condition.group', { text: describeCondition(t, inner, names) })
      : describeCondition(t, inner, names);
  switch (c.type) {
    case 'all':
      return c.conditions.map(nested).join(t('journeys:condition.and'));
    case 'any':
      return c.conditions.map(nested).join(t('journeys:condition.or'));
    case 'not':
      return t('journeys:condition.not', { text: describeCondition(t, c.condition, names) });
    case 'attribute': {
      const attribute = names.attribute(c.attributeId);
      if (c.op === 'is_set') return t('journeys:condition.attribute_is_set', { attribute });
      return t(`journeys:condition.attribute_${c.op}`, { attribute, value: String(c.value) });
    }
    case 'tag':
      return t('journeys:condition.tag', { tag: c.tag });
    case 'visit_count':
      return range(t, 'visit_count', c);
    case 'last_visit_category':
      return t('journeys:condition.last_visit_category', { what: quoted(t, c.categories) });
    case 'last_visit_item':
      return t('journeys:condition.last_visit_item', { what: quoted(t, c.itemIds.map(names.item)) });
    case 'rfm_segment':
      return t('journeys:condition.rfm_segment', {
        what: quoted(
          t,
          c.segments.map((s) => t(`segments:rfm.${s}`)),
        ),
      });
    case 'predicted_clv':
      return range(t, 'predicted_clv', c, formatYen);
    case 'p_alive':
      return range(t, 'p_alive', c);
  }
}

/** One step's sentence; send steps' template names are rendered by the timeline, as links. */
export function describeStep(t: TFunction, step: JourneyStep): string {
  switch (step.type) {
    case 'wait':
      return t('journeys:step.wait', { duration: describeDuration(t, step.duration) });
    case 'wait_until':
      return step.dayOffset === 0
        ? t('journeys:step.wait_until_today', { time: step.time })
        : t('journeys:step.wait_until', { count: step.dayOffset, time: step.time });
    case 'branch':
      return t('journeys:step.branch');
    case 'send':
      return t('journeys:step.send');
    case 'add_tag':
      return t('journeys:step.add_tag', { tag: step.tag });
    case 'notify_staff':
      return t('journeys:step.notify_staff');
    case 'exit':
      return t('journeys:step.exit');
  }
}

export function describeExitOn(t: TFunction, exitOn: JourneyDefinition['exitOn']): string {
  if (exitOn.visit && exitOn.booking) return t('journeys:exitOn.both');
  if (exitOn.visit) return t('journeys:exitOn.visit');
  if (exitOn.booking) return t('journeys:exitOn.booking');
  return t('journeys:exitOn.none');
}

export function describeReentry(t: TFunction, reentry: JourneyReentry): string {
  if (reentry.policy === 'never') return t('journeys:reentry.never');
  return reentry.cooldownDays === 0
    ? t('journeys:reentry.anytime')
    : t('journeys:reentry.after', { count: reentry.cooldownDays });
}

/**
 * The problems the API found (JOURNEY_DEFINITION_INVALID), by the index of the step each names
 * ("steps.2.next" → 2); problems about the whole definition go under -1.
 */
export function problemsByStep(details: unknown): Map<number, string[]> {
  const problems = (details as { problems?: { path?: string; message?: string }[] } | undefined)?.problems ?? [];
  const byStep = new Map<number, string[]>();
  for (const p of problems) {
    const match = /^steps\.(\d+)/.exec(p.path ?? '');
    const index = match ? Number(match[1]) : -1;
    byStep.set(index, [...(byStep.get(index) ?? []), p.message ?? '']);
  }
  return byStep;
}
