import { LineChart } from '@mantine/charts';
import type { MonitoringDimension } from '@kayoi/contracts';
import { useTranslation } from 'react-i18next';
import { formatYen } from '../../../lib/format';
import { ChartFrame } from './ChartFrame';
import { metricOf, monitoringGroupLabel, type MonitoringGroup, type MonitoringMetric } from './planGroups';
import { formatShortDate } from './planFormat';
import { formatShare, formatYenCompact } from './StatFormat';

const COLORS = [
  'teal.6',
  'blue.6',
  'orange.6',
  'grape.6',
  'red.6',
  'cyan.6',
  'lime.7',
  'pink.6',
  'indigo.6',
  'yellow.7',
];
/** More lines than this are a tangle; the table below lists every group. */
const MAX_LINES = COLORS.length;

interface Props {
  dimension: MonitoringDimension;
  groups: MonitoringGroup[];
  metric: MonitoringMetric;
}

/** One line per group over the last 26 weeks (at most ten: the table lists every group). */
export function PlanMonitoringChart({ dimension, groups, metric }: Props) {
  const { t } = useTranslation('analytics');
  // In the table's order, so colours and rows read alike; only when too many, the largest.
  const shown =
    groups.length <= MAX_LINES
      ? groups
      : [...groups].sort((a, b) => (b.points.at(-1)?.base ?? 0) - (a.points.at(-1)?.base ?? 0)).slice(0, MAX_LINES);
  const weeks = shown[0]?.points.map((p) => p.weekEnd) ?? [];
  // Series keys are positions, not group ids: ids are UUIDs or words the chart would use in CSS names.
  const data = weeks.map((week, w) => {
    const row: Record<string, string | number | null> = { week: formatShortDate(week) };
    shown.forEach((g, i) => {
      const point = g.points[w];
      const value = point ? metricOf(point, metric) : null;
      row[`g${i}`] = value === null ? null : metric === 'returnRate' ? value * 100 : value;
    });
    return row;
  });
  const rate = metric === 'returnRate';
  const format = (v: number) => (rate ? formatShare(v / 100) : formatYen(v));
  const latest = shown
    .map((g) => {
      const last = g.points.at(-1);
      const value = last ? metricOf(last, metric) : null;
      return `${monitoringGroupLabel(dimension, g)} ${value === null ? '—' : rate ? formatShare(value) : formatYen(value)}`;
    })
    .join(t('monitoring.chart.separator'));
  return (
    <ChartFrame summary={t('monitoring.chart.summary', { metric: t(`monitoring.metrics.${metric}`), values: latest })}>
      <LineChart
        h={300}
        data={data}
        dataKey="week"
        withLegend
        legendProps={{ verticalAlign: 'bottom' }}
        series={shown.map((g, i) => ({
          name: `g${i}`,
          label: monitoringGroupLabel(dimension, g),
          color: COLORS[i] ?? 'gray.6',
        }))}
        valueFormatter={format}
        yAxisProps={{ width: 60, tickFormatter: rate ? (v: number) => `${Math.round(v)}%` : formatYenCompact }}
        connectNulls
        curveType="linear"
        withDots={!rate}
        lineProps={{ isAnimationActive: false }}
      />
    </ChartFrame>
  );
}
