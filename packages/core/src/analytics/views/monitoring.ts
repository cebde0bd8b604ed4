import type { MonitoringDimension, MonitoringView } from '@kayoi/contracts';
import { civilFromEpochDay } from '@kayoi/stats';
import type { CustomerHistories } from '../histories.js';
import type { Grouping } from '../dimensions.js';
import type { EarlierRunSnapshot } from '../input.js';
import { frequencyScore, recencyScore, RFM_SEGMENTS, segmentOfCell } from '../rfm.js';

export const MONITORING_WEEKS = 26;
/** An alert needs a group of at least this many customers behind the number. */
const MIN_BASE = 30;
export const ALERT_THRESHOLDS = { returnRatePoints: 5, clvPercent: 10 } as const;
const COMPARE_WEEKS = 4;

/** Last index in [from, to) whose day is ≤ limit, or from − 1. */
function lastAtOrBefore(day: Int32Array, from: number, to: number, limit: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (day[mid]! <= limit) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

interface Accumulator {
  base: Float64Array;
  returned: Float64Array;
  visits: Float64Array;
  revenue: Float64Array;
  repeatTrips: Float64Array;
  sameStaff: Float64Array;
  storeRepeatTrips: Float64Array;
  sameStore: Float64Array;
}

const accumulator = (groups: number): Accumulator => ({
  base: new Float64Array(groups),
  returned: new Float64Array(groups),
  visits: new Float64Array(groups),
  revenue: new Float64Array(groups),
  repeatTrips: new Float64Array(groups),
  sameStaff: new Float64Array(groups),
  storeRepeatTrips: new Float64Array(groups),
  sameStore: new Float64Array(groups),
});

/**
 * Weekly series per group for the last 26 weeks, computed from the visits as of each week's
 * end: the return rate (of customers who visited 90–180 days before, the share who visited
 * in the last 90), visits and spend per visit in the last 90 days, and how often a returning
 * customer saw the same staff, and came to the same store, as last time. The RFM segment of a customer is taken as of
 * each week; other groupings are fixed per customer. Predicted CLV per group comes from this
 * run (the last week) and earlier runs (one point for the week each finished in).
 */
export function monitoringViewsOf(
  histories: CustomerHistories,
  groupings: Partial<Record<MonitoringDimension, Grouping>>,
  clv1y: Float64Array | null,
  segmentNow: readonly string[],
  earlierRuns: readonly EarlierRunSnapshot[],
): MonitoringView[] {
  const end = histories.endDay;
  const n = histories.ids.length;
  const weekEnds = Array.from({ length: MONITORING_WEEKS }, (_, w) => end - 7 * (MONITORING_WEEKS - 1 - w));
  const dims: MonitoringDimension[] = ['segment', 'store', 'channel', 'ageBand', 'gender'];
  const sizes = dims.map((d) => (d === 'segment' ? RFM_SEGMENTS.length : groupings[d]!.keys.length) + 1);
  const series = dims.map((_, k) => weekEnds.map(() => accumulator(sizes[k]!)));
  const { start, day, revenue, staff, store } = histories;
  for (let w = 0; w < MONITORING_WEEKS; w++) {
    const e = weekEnds[w]!;
    for (let i = 0; i < n; i++) {
      const from = start[i]!;
      const to = start[i + 1]!;
      const last = lastAtOrBefore(day, from, to, e);
      if (last < from) continue; // not a customer yet
      const windowStart = lastAtOrBefore(day, from, last + 1, e - 180) + 1;
      let base = false;
      let recent = 0;
      let recentRevenue = 0;
      let repeatTrips = 0;
      let sameStaff = 0;
      let storeRepeatTrips = 0;
      let sameStore = 0;
      for (let t = windowStart; t <= last; t++) {
        if (day[t]! <= e - 90) {
          base = true;
          continue;
        }
        recent++;
        recentRevenue += revenue[t]!;
        if (t > from && staff[t]! >= 0 && staff[t - 1]! >= 0) {
          repeatTrips++;
          if (staff[t] === staff[t - 1]) sameStaff++;
        }
        if (t > from && store[t]! >= 0 && store[t - 1]! >= 0) {
          storeRepeatTrips++;
          if (store[t] === store[t - 1]) sameStore++;
        }
      }
      for (let k = 0; k < dims.length; k++) {
        const dim = dims[k]!;
        const g =
          dim === 'segment'
            ? RFM_SEGMENTS.indexOf(segmentOfCell(recencyScore(e - day[last]!), frequencyScore(last - from + 1)))
            : groupings[dim]!.of[i]!;
        const slot = g < 0 ? sizes[k]! - 1 : g;
        const acc = series[k]![w]!;
        if (base) {
          acc.base[slot]!++;
          if (recent > 0) acc.returned[slot]!++;
        }
        acc.visits[slot]! += recent;
        acc.revenue[slot]! += recentRevenue;
        acc.repeatTrips[slot]! += repeatTrips;
        acc.sameStaff[slot]! += sameStaff;
        acc.storeRepeatTrips[slot]! += storeRepeatTrips;
        acc.sameStore[slot]! += sameStore;
      }
    }
  }
  return dims.map((dimension, k) => {
    const keys = dimension === 'segment' ? [...RFM_SEGMENTS] : groupings[dimension]!.keys;
    const labels = dimension === 'segment' ? [...RFM_SEGMENTS] : groupings[dimension]!.labels;
    const clvNow = clvByGroup(dimension, keys, groupings[dimension], clv1y, segmentNow);
    const groups = [...keys, 'unknown'].map((key, g) => {
      const points = weekEnds.map((e, w) => {
        const acc = series[k]![w]!;
        const earlier = earlierRuns.filter((r) => r.endDay <= e && r.endDay > e - 7).at(-1);
        const clv = w === MONITORING_WEEKS - 1 ? clvNow[key] : earlier?.clvByGroup[dimension]?.[key];
        return {
          weekEnd: civilFromEpochDay(e),
          returnRate: acc.base[g]! > 0 ? acc.returned[g]! / acc.base[g]! : null,
          base: acc.base[g]!,
          visits: acc.visits[g]!,
          spendPerVisit: acc.visits[g]! > 0 ? Math.round(acc.revenue[g]! / acc.visits[g]!) : null,
          sameStaffShare: acc.repeatTrips[g]! > 0 ? acc.sameStaff[g]! / acc.repeatTrips[g]! : null,
          sameStoreShare: acc.storeRepeatTrips[g]! > 0 ? acc.sameStore[g]! / acc.storeRepeatTrips[g]! : null,
          averagePredictedClv1y: clv === undefined ? null : Math.round(clv),
        };
      });
      return { group: key, label: g < labels.length ? labels[g]! : 'unknown', points };
    });
    const visible = groups.filter((g) => g.points.some((p) => p.base > 0 || p.visits > 0));
    return { dimension, groups: visible, alerts: alertsOf(dimension, visible), thresholds: { ...ALERT_THRESHOLDS } };
  });
}

/** Mean predicted 1-year CLV per group key of this run: what later runs compare against. */
export function clvByGroup(
  dimension: MonitoringDimension,
  keys: readonly string[],
  grouping: Grouping | undefined,
  clv1y: Float64Array | null,
  segmentNow: readonly string[],
): Record<string, number> {
  if (!clv1y) return {};
  const sum = new Map<string, [number, number]>();
  for (let i = 0; i < clv1y.length; i++) {
    const g = dimension === 'segment' ? keys.indexOf(segmentNow[i]!) : grouping!.of[i]!;
    const key = g < 0 ? 'unknown' : keys[g]!;
    const entry = sum.get(key) ?? [0, 0];
    entry[0] += clv1y[i]!;
    entry[1]++;
    sum.set(key, entry);
  }
  return Object.fromEntries([...sum].map(([key, [total, count]]) => [key, total / count]));
}

function alertsOf(dimension: MonitoringDimension, groups: MonitoringView['groups']): MonitoringView['alerts'] {
  const alerts: MonitoringView['alerts'] = [];
  for (const group of groups) {
    const now = group.points.at(-1)!;
    const before = group.points.at(-1 - COMPARE_WEEKS)!;
    const drivers = [
      { kind: 'spendPerVisit' as const, before: before.spendPerVisit, now: now.spendPerVisit },
      { kind: 'visits' as const, before: before.visits, now: now.visits },
      { kind: 'sameStaffShare' as const, before: before.sameStaffShare, now: now.sameStaffShare },
      { kind: 'sameStoreShare' as const, before: before.sameStoreShare, now: now.sameStoreShare },
      // Messages are not sent yet (the engagement engine is to come): nothing to compare.
      { kind: 'contacts' as const, before: null, now: null },
    ];
    if (now.returnRate !== null && before.returnRate !== null && now.base >= MIN_BASE && before.base >= MIN_BASE) {
      const change = now.returnRate - before.returnRate;
      if (change <= -ALERT_THRESHOLDS.returnRatePoints / 100)
        alerts.push({
          dimension,
          group: group.group,
          label: group.label,
          metric: 'returnRate',
          before: before.returnRate,
          now: now.returnRate,
          change,
          drivers,
        });
    }
    const clvNow = now.averagePredictedClv1y;
    const clvBefore = group.points
      .slice(0, -COMPARE_WEEKS + 1)
      .reverse()
      .find((p) => p.averagePredictedClv1y !== null)?.averagePredictedClv1y;
    if (clvNow !== null && clvBefore != null && clvBefore > 0 && now.base + now.visits >= MIN_BASE) {
      const change = clvNow / clvBefore - 1;
      if (change <= -ALERT_THRESHOLDS.clvPercent / 100)
        alerts.push({
          dimension,
          group: group.group,
          label: group.label,
          metric: 'predictedClv',
          before: clvBefore,
          now: clvNow,
          change,
          drivers,
        });
    }
  }
  return alerts.sort((a, b) => a.change - b.change);
}
