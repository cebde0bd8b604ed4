import type { AttributeValue, SegmentCondition, SegmentRule } from '@kayoi/contracts';
import { items, sceneCustomers, type AttributeKey, type SceneCustomer, type SceneVisit } from './segmentScene.js';
import type { SceneRefs } from './segmentSceneWriter.js';

/**
 * Who matches a rule, computed from the scene's rows in plain TypeScript: no SQL, no plan,
 * no Temporal. Local days come from Intl, "days since" is a difference of calendar days, so
 * an agreement with the database means two independent readings of the rule agree.
 */
type Scalar = string | number | boolean;

function localDate(instant: Date | string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return parts.format(new Date(instant));
}

const dayNumber = (date: string) =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;

interface Condition {
  op: string;
  value: unknown;
}

/** The operators on one value; a customer without a value matches only `exists: false`. */
function compare(actual: Scalar | null | undefined, { op, value }: Condition): boolean {
  if (op === 'exists') return (actual !== null && actual !== undefined) === value;
  if (actual === null || actual === undefined) return false;
  const v = value as Scalar & Scalar[];
  switch (op) {
    case 'eq':
      return actual === v;
    case 'neq':
      return actual !== v;
    case 'gt':
      return actual > v;
    case 'gte':
      return actual >= v;
    case 'lt':
      return actual < v;
    case 'lte':
      return actual <= v;
    case 'between':
      return actual >= v[0]! && actual <= v[1]!;
    case 'in':
      return v.includes(actual);
    case 'notIn':
      return !v.includes(actual);
  }
  throw new Error(`operator ${op}`);
}

export class SegmentOracle {
  private readonly today: string;

  constructor(
    private readonly refs: SceneRefs,
    private readonly now: Date,
    private readonly timeZone: string,
  ) {
    this.today = localDate(now, timeZone);
  }

  /** Matching ids, in id order (the order the database pages in). */
  members(rule: SegmentRule): string[] {
    return sceneCustomers
      .filter((c) => !c.erased && this.matches(rule, c))
      .map((c) => this.refs.customers[c.key]!)
      .sort();
  }

  private matches(rule: SegmentRule, c: SceneCustomer): boolean {
    switch (rule.type) {
      case 'and':
        return rule.rules.every((r) => this.matches(r, c));
      case 'or':
        return rule.rules.some((r) => this.matches(r, c));
      case 'not':
        return !this.matches(rule.rule, c);
      default:
        return this.condition(rule, c);
    }
  }

  private completed(c: SceneCustomer, withinDays?: number): SceneVisit[] {
    return (c.visits ?? []).filter((v) => !v.voided && (withinDays === undefined || this.daysAgo(v.at) <= withinDays));
  }

  private daysAgo(instant: string): number {
    return dayNumber(this.today) - dayNumber(localDate(instant, this.timeZone));
  }

  private visitTimes(c: SceneCustomer): { first: string | null; last: string | null } {
    const times = this.completed(c)
      .map((v) => v.at)
      .sort();
    return { first: times[0] ?? null, last: times.at(-1) ?? null };
  }

  private condition(cond: SegmentCondition, c: SceneCustomer): boolean {
    const { first, last } = this.visitTimes(c);
    const refKey = <K extends keyof SceneRefs>(group: K, id: string) =>
      Object.entries(this.refs[group]).find(([, v]) => v === id)?.[0];
    switch (cond.type) {
      case 'gender':
        return compare(c.gender, cond);
      case 'birthYear':
        return compare(c.birthday ? Number(c.birthday.slice(0, 4)) : null, cond);
      case 'age': {
        if (!c.birthday) return compare(null, cond);
        const years = Number(this.today.slice(0, 4)) - Number(c.birthday.slice(0, 4));
        return compare(c.birthday.slice(5) > this.today.slice(5) ? years - 1 : years, cond);
      }
      case 'area':
        return compare(c.area, cond);
      case 'acquisitionChannel':
        return compare(c.channel ? this.refs.channels[c.channel] : null, cond);
      case 'acquiredOn':
        return compare(c.acquiredOn, cond);
      case 'birthdayMonth': {
        const thisMonth = Number(this.today.slice(5, 7));
        const month = (m: unknown) => (m === 'thisMonth' ? thisMonth : m === 'nextMonth' ? (thisMonth % 12) + 1 : m);
        const value = Array.isArray(cond.value) ? cond.value.map(month) : month(cond.value);
        return compare(c.birthday ? Number(c.birthday.slice(5, 7)) : null, { op: cond.op, value });
      }
      case 'attribute': {
        const key = refKey('attributes', cond.attributeId);
        const value: AttributeValue | undefined = key ? c.attributes?.[key as AttributeKey] : undefined;
        if (!Array.isArray(value)) return compare(value, cond);
        if (cond.op === 'exists') return cond.value === true;
        const wanted = (Array.isArray(cond.value) ? cond.value : [cond.value]) as Scalar[];
        const any = value.some((v) => wanted.includes(v));
        return cond.op === 'eq' || cond.op === 'in' ? any : !any;
      }
      case 'tag':
        return (c.tags ?? []).includes(cond.value) === (cond.op === 'has');
      case 'consent':
        return ((c.consents?.[cond.channel] ?? 'unknown') === cond.value) === (cond.op === 'eq');
      case 'visitCount':
        return compare(this.completed(c, cond.withinDays).length, cond);
      case 'spend': {
        const total = this.completed(c, cond.withinDays)
          .flatMap((v) => v.items)
          .reduce((sum, k) => sum + items[k].price, 0);
        return compare(total, cond);
      }
      case 'lastVisitDate':
        return compare(last && localDate(last, this.timeZone), cond);
      case 'firstVisitDate':
        return compare(first && localDate(first, this.timeZone), cond);
      case 'daysSinceLastVisit':
        return compare(last && this.daysAgo(last), cond);
      case 'daysSinceFirstVisit':
        return compare(first && this.daysAgo(first), cond);
      case 'item':
      case 'category':
      case 'staff':
      case 'store': {
        const wanted = (Array.isArray(cond.value) ? cond.value : [cond.value]) as string[];
        const hit = (v: SceneVisit) => {
          if (cond.type === 'store') return wanted.includes(this.refs.stores[v.store]);
          if (cond.type === 'staff') return v.staff !== null && wanted.includes(this.refs.staff[v.staff]);
          if (cond.type === 'item') return v.items.some((k) => wanted.includes(this.refs.items[k]));
          return v.items.some((k) => wanted.includes(items[k].category));
        };
        const any = this.completed(c, cond.withinDays).some(hit);
        return cond.op === 'eq' || cond.op === 'in' ? any : !any;
      }
      case 'pAlive':
        return compare(c.score?.pAlive, cond);
      case 'predictedClv1y':
        return compare(c.score?.clv1y, cond);
      case 'rfmSegment':
        return compare(c.score?.segment, cond);
    }
  }
}
