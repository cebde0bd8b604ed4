import type { AttributeDefinition, SegmentCondition, SegmentRule } from '@kayoi/contracts';
import { Temporal } from 'temporal-polyfill';
import { failOrThrow } from '../shared/result.js';
import { endOfLocalDay, localDateOf, startOfLocalDay } from '../time/zonedTime.js';
import type {
  AttributeValueType,
  Comparison,
  InstantRange,
  InstantTest,
  SegmentPlan,
  ValueTest,
} from './segmentPlan.js';

export interface PlanContext {
  now: Date;
  timeZone: string;
  attributes: ReadonlyMap<string, AttributeDefinition>;
}

interface Clock {
  today: string;
  timeZone: string;
}

const daysBefore = (today: string, days: number) => Temporal.PlainDate.from(today).subtract({ days }).toString();

/** The first instant of the local day `days` before today: "within the last N days" starts there. */
const windowStart = (clock: Clock, days: number) => startOfLocalDay(daysBefore(clock.today, days), clock.timeZone);

/** A test on local calendar days, as instant ranges (each local day is [start, next start)). */
function instantTestOf(test: Comparison<string>, clock: Clock): InstantTest {
  const start = (d: string) => startOfLocalDay(d, clock.timeZone);
  const end = (d: string) => endOfLocalDay(d, clock.timeZone);
  const day = (d: string): InstantRange => ({ from: start(d), to: end(d) });
  switch (test.op) {
    case 'exists':
      return { op: 'exists', value: test.value };
    case 'eq':
      return { op: 'within', ranges: [day(test.value)], inside: true };
    case 'neq':
      return { op: 'within', ranges: [day(test.value)], inside: false };
    case 'gt':
      return { op: 'within', ranges: [{ from: end(test.value), to: null }], inside: true };
    case 'gte':
      return { op: 'within', ranges: [{ from: start(test.value), to: null }], inside: true };
    case 'lt':
      return { op: 'within', ranges: [{ from: null, to: start(test.value) }], inside: true };
    case 'lte':
      return { op: 'within', ranges: [{ from: null, to: end(test.value) }], inside: true };
    case 'between':
      return { op: 'within', ranges: [{ from: start(test.value[0]), to: end(test.value[1]) }], inside: true };
    case 'in':
    case 'notIn':
      return { op: 'within', ranges: test.value.map(day), inside: test.op === 'in' };
  }
}

/** "N days since" is today minus a local date, so each bound becomes a date the other way round. */
function dateTestOfDays(test: Comparison<number>, today: string): Comparison<string> {
  const date = (days: number) => daysBefore(today, days);
  switch (test.op) {
    case 'exists':
      return test;
    case 'eq':
    case 'neq':
      return { op: test.op, value: date(test.value) };
    case 'gt':
      return { op: 'lt', value: date(test.value) };
    case 'gte':
      return { op: 'lte', value: date(test.value) };
    case 'lt':
      return { op: 'gt', value: date(test.value) };
    case 'lte':
      return { op: 'gte', value: date(test.value) };
    case 'between':
      return { op: 'between', value: [date(test.value[1]), date(test.value[0])] };
    case 'in':
    case 'notIn':
      return { op: test.op, value: test.value.map(date) };
  }
}

/** Months named relative to today become numbers. */
function monthTestOf(test: Extract<SegmentCondition, { type: 'birthdayMonth' }>, today: string): ValueTest {
  const thisMonth = Number(today.slice(5, 7));
  const month = (m: number | 'thisMonth' | 'nextMonth') =>
    m === 'thisMonth' ? thisMonth : m === 'nextMonth' ? (thisMonth % 12) + 1 : m;
  switch (test.op) {
    case 'exists':
      return test;
    case 'eq':
    case 'neq':
      return { op: test.op, value: month(test.value) };
    case 'in':
    case 'notIn':
      return { op: test.op, value: test.value.map(month) };
  }
}

const valueTypes: Record<AttributeDefinition['type'], AttributeValueType> = {
  text: 'text',
  number: 'number',
  date: 'date',
  boolean: 'boolean',
  single_choice: 'text',
  multi_choice: 'multi',
};

/** `in` / `notIn` of visit-based fields: at least one visit matched, or none did. */
function visitedPlan(
  condition: Extract<SegmentCondition, { type: 'item' | 'category' | 'staff' | 'store' }>,
  clock: Clock,
): SegmentPlan {
  const values = typeof condition.value === 'string' ? [condition.value] : condition.value;
  const since = condition.withinDays === undefined ? null : windowStart(clock, condition.withinDays);
  const visited: SegmentPlan = { kind: 'visited', since, match: { by: condition.type, values } };
  return condition.op === 'eq' || condition.op === 'in' ? visited : { kind: 'not', rule: visited };
}

/** The schema paired each operator with its value shape; the plan keeps that pair as it is. */
const valueTestOf = (condition: { op: string; value: unknown }) =>
  ({ op: condition.op, value: condition.value }) as ValueTest;

function conditionPlan(condition: SegmentCondition, clock: Clock, context: PlanContext): SegmentPlan {
  const test = valueTestOf(condition);
  switch (condition.type) {
    case 'gender':
    case 'area':
    case 'birthYear':
    case 'acquisitionChannel':
    case 'acquiredOn':
      return { kind: 'profile', column: condition.type, test };
    case 'birthdayMonth':
      return { kind: 'profile', column: 'birthdayMonth', test: monthTestOf(condition, clock.today) };
    case 'age':
      return { kind: 'age', today: clock.today, test };
    case 'attribute': {
      const def = context.attributes.get(condition.attributeId);
      // Saved rules were checked when saved; attributes are never deleted, so this is a bug.
      if (!def) return failOrThrow('SEGMENT_RULE_INVALID', { attributeId: condition.attributeId });
      return { kind: 'attribute', attributeId: def.id, valueType: valueTypes[def.type], test };
    }
    case 'tag':
      return condition.op === 'has'
        ? { kind: 'tag', tag: condition.value }
        : { kind: 'not', rule: { kind: 'tag', tag: condition.value } };
    case 'consent': {
      const consent: SegmentPlan = { kind: 'consent', channel: condition.channel, status: condition.value };
      return condition.op === 'eq' ? consent : { kind: 'not', rule: consent };
    }
    case 'visitCount':
    case 'spend': {
      if (condition.withinDays === undefined) {
        return { kind: 'profile', column: condition.type === 'spend' ? 'revenueTotal' : 'visitCount', test };
      }
      const measure = condition.type === 'spend' ? 'spend' : 'count';
      return { kind: 'visitTotal', measure, since: windowStart(clock, condition.withinDays), test };
    }
    case 'lastVisitDate':
      return { kind: 'visitTime', column: 'lastVisitAt', test: instantTestOf(condition, clock) };
    case 'firstVisitDate':
      return { kind: 'visitTime', column: 'firstVisitAt', test: instantTestOf(condition, clock) };
    case 'daysSinceLastVisit':
      return {
        kind: 'visitTime',
        column: 'lastVisitAt',
        test: instantTestOf(dateTestOfDays(condition, clock.today), clock),
      };
    case 'daysSinceFirstVisit':
      return {
        kind: 'visitTime',
        column: 'firstVisitAt',
        test: instantTestOf(dateTestOfDays(condition, clock.today), clock),
      };
    case 'item':
    case 'category':
    case 'staff':
    case 'store':
      return visitedPlan(condition, clock);
    case 'pAlive':
    case 'predictedClv1y':
    case 'rfmSegment':
      return { kind: 'score', column: condition.type, test };
  }
}

function planOf(rule: SegmentRule, clock: Clock, context: PlanContext): SegmentPlan {
  switch (rule.type) {
    case 'and':
    case 'or':
      return { kind: rule.type, rules: rule.rules.map((r) => planOf(r, clock, context)) };
    case 'not':
      return { kind: 'not', rule: planOf(rule.rule, clock, context) };
    default:
      return conditionPlan(rule, clock, context);
  }
}

/**
 * Resolves a checked rule at one moment: "today", "this month" and "N days ago" are local
 * to the business's time zone, so a visit at 23:30 in Tokyo counts on that Tokyo day.
 */
export function planSegmentRule(rule: SegmentRule, context: PlanContext): SegmentPlan {
  const clock = { today: localDateOf(context.now, context.timeZone), timeZone: context.timeZone };
  return planOf(rule, clock, context);
}
