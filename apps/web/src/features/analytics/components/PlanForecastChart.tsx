import { LineChart } from '@mantine/charts';
import { SegmentedControl, Stack } from '@mantine/core';
import type { ForecastView } from '@kayoi/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatYen } from '../../../lib/format';
import { ChartFrame } from './ChartFrame';
import { formatExpected } from './planFormat';
import { formatMonth, formatYenCompact } from './StatFormat';

type Metric = 'revenue' | 'visits';

/**
 * The forecast with its 90 % interval as dashed upper and lower lines: the owner reads the
 * middle line as the plan and the band as how far luck can move it.
 */
export function PlanForecastChart({ months }: { months: ForecastView['months'] }) {
  const { t } = useTranslation('analytics');
  const [metric, setMetric] = useState<Metric>('revenue');
  const revenue = metric === 'revenue';
  // The rest of this month is only a few days: drawn, it would look like a slump.
  const data = months
    .filter((m) => !m.partial)
    .map((m) => ({
      month: formatMonth(m.month),
      value: revenue ? m.revenue : m.visits,
      low: revenue ? m.revenueLow : m.visitsLow,
      high: revenue ? m.revenueHigh : m.visitsHigh,
    }));
  const format = revenue ? formatYen : (v: number) => t('forecast.visitsValue', { value: formatExpected(v) });
  const summary = t('forecast.chart.summary', {
    metric: t(`forecast.chart.${metric}`),
    values: data
      .map((d) =>
        t('forecast.chart.point', {
          month: d.month,
          value: format(d.value),
          range: t('forecast.range', { low: format(d.low), high: format(d.high) }),
        }),
      )
      .join(t('forecast.chart.separator')),
  });
  return (
    <Stack gap="sm">
      <SegmentedControl
        aria-label={t('forecast.chart.metric')}
        value={metric}
        onChange={(v) => setMetric(v as Metric)}
        data={[
          { value: 'revenue', label: t('forecast.chart.revenue') },
          { value: 'visits', label: t('forecast.chart.visits') },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      <ChartFrame summary={summary}>
        <LineChart
          h={280}
          data={data}
          dataKey="month"
          withLegend
          legendProps={{ verticalAlign: 'bottom' }}
          series={[
            { name: 'high', label: t('forecast.chart.high'), color: 'gray.5', strokeDasharray: '5 4' },
            { name: 'value', label: t('forecast.chart.value'), color: 'teal.6' },
            { name: 'low', label: t('forecast.chart.low'), color: 'gray.5', strokeDasharray: '5 4' },
          ]}
          valueFormatter={format}
          yAxisProps={{ width: 64, tickFormatter: revenue ? formatYenCompact : (v: number) => String(Math.round(v)) }}
          withDots={false}
          lineProps={{ isAnimationActive: false }}
        />
      </ChartFrame>
    </Stack>
  );
}
