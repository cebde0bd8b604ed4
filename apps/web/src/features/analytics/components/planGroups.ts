import type { MonitoringDimension, MonitoringView } from '@kayoi/contracts';
import i18n from '../../../i18n';
import { groupLabel } from './StatFormat';

export type MonitoringGroup = MonitoringView['groups'][number];
export type MonitoringMetric = 'returnRate' | 'predictedClv';

/**
 * A monitoring group's name. RFM segments arrive as keys and are named as on the RFM page;
 * age bands and genders as on the segments page; stores and channels carry their own names.
 */
export function monitoringGroupLabel(dimension: MonitoringDimension, group: { group: string; label: string }): string {
  if (dimension === 'segment' && group.group !== 'unknown')
    return i18n.t(`analytics:rfm.segments.${group.group}.name`, { defaultValue: group.label });
  return groupLabel(group, dimension === 'ageBand' || dimension === 'gender' ? dimension : undefined);
}

/** The value a chart or table shows for one week of one group. */
export function metricOf(point: MonitoringGroup['points'][number], metric: MonitoringMetric): number | null {
  return metric === 'returnRate' ? point.returnRate : point.averagePredictedClv1y;
}

/** Weeks back that an alert compares against (the API's COMPARE_WEEKS). */
export const COMPARE_WEEKS = 4;
