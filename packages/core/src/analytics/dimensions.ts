import { civilFromEpochDay } from '@kayoi/stats';
import type { CustomerHistories } from './histories.js';
import type { AnalyticsInput, CodeList } from './input.js';

/**
 * A way to cut customers into groups: per customer (history row) a group index, −1 for
 * "unknown", with each group's key and label. Keys of fixed vocabularies (age band, gender,
 * RFM segment) are translated by the dashboard; named things (stores, staff, channels,
 * services, areas) carry their own label.
 */
export interface Grouping {
  of: Int32Array;
  keys: string[];
  labels: string[];
}

export const AGE_BANDS = ['under_20', '20s', '30s', '40s', '50s', '60s', '70_plus'] as const;
export const GENDERS = ['female', 'male', 'other', 'unspecified'] as const;

export function ageBandOf(birthYear: number, year: number): number {
  if (!(birthYear > 0)) return -1;
  const age = year - birthYear;
  if (age < 0) return -1;
  return age < 20 ? 0 : Math.min(6, Math.floor(age / 10) - 1);
}

function fromCodes(codes: (i: number) => number, list: CodeList, n: number): Grouping {
  const of = new Int32Array(n);
  for (let i = 0; i < n; i++) of[i] = codes(i);
  return { of, keys: [...list.ids], labels: [...list.labels] };
}

function fixed(vocabulary: readonly string[], codes: (i: number) => number, n: number): Grouping {
  const of = new Int32Array(n);
  for (let i = 0; i < n; i++) of[i] = codes(i);
  return { of, keys: [...vocabulary], labels: [...vocabulary] };
}

export type GroupingName =
  'ageBand' | 'gender' | 'area' | 'channel' | 'firstService' | 'store' | 'firstStaff' | 'staff';

/** The grouping of every history row by one customer attribute or first-trip fact. */
export function groupingOf(name: GroupingName, histories: CustomerHistories, input: AnalyticsInput): Grouping {
  const n = histories.ids.length;
  const src = histories.source;
  const firstTrip = (i: number) => histories.start[i]!;
  switch (name) {
    case 'ageBand': {
      const year = Number(civilFromEpochDay(histories.endDay).slice(0, 4));
      return fixed(AGE_BANDS, (i) => ageBandOf(input.customers.birthYear[src[i]!]!, year), n);
    }
    case 'gender':
      return fixed(GENDERS, (i) => GENDERS.indexOf(input.customers.gender[src[i]!] ?? 'unspecified'), n);
    case 'area':
      return fromCodes((i) => input.customers.area[src[i]!]!, input.areas, n);
    case 'channel':
      return fromCodes((i) => input.customers.channel[src[i]!]!, input.channels, n);
    case 'firstService':
      return fromCodes((i) => histories.service[firstTrip(i)]!, input.services, n);
    case 'store':
      return fromCodes((i) => histories.store[firstTrip(i)]!, input.stores, n);
    case 'firstStaff':
    case 'staff':
      return fromCodes((i) => histories.staff[firstTrip(i)]!, input.staff, n);
  }
}

export interface GroupMembers {
  group: number;
  key: string;
  label: string;
  members: number[];
}

/**
 * Members of each group, largest first; beyond `maxGroups` the rest are merged into one
 * "other" group so a chart stays readable. Unknown (−1) becomes its own "unknown" group.
 */
export function membersOf(grouping: Grouping, maxGroups = 30): GroupMembers[] {
  const lists = new Map<number, number[]>();
  for (let i = 0; i < grouping.of.length; i++) {
    const g = grouping.of[i]!;
    let list = lists.get(g);
    if (!list) lists.set(g, (list = []));
    list.push(i);
  }
  const groups = [...lists].map(([group, members]) => ({
    group,
    key: group < 0 ? 'unknown' : grouping.keys[group]!,
    label: group < 0 ? 'unknown' : grouping.labels[group]!,
    members,
  }));
  groups.sort(
    (a, b) =>
      (a.group < 0 ? 1 : 0) - (b.group < 0 ? 1 : 0) ||
      b.members.length - a.members.length ||
      a.key.localeCompare(b.key),
  );
  if (groups.length <= maxGroups) return groups;
  const kept = groups.slice(0, maxGroups - 1);
  const rest = groups.slice(maxGroups - 1).flatMap((g) => g.members);
  return [...kept, { group: -2, key: 'other', label: 'other', members: rest }];
}
