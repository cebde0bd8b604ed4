import { SegmentedControl, Stack, Text } from '@mantine/core';
import type { StaffView } from '@kayoi/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatYen } from '../../../lib/format';
import { useAnalyticsView } from '../api';
import { ChartBars } from '../components/ChartBars';
import { PlanSection } from '../components/PlanSection';
import { PlanTable, type PlanColumn } from '../components/PlanTable';
import { formatShare, formatYenOrDash } from '../components/StatFormat';
import { ViewState } from '../components/ViewState';

type Row = StaffView['rows'][number];
type Metric = 'returnRate' | 'clv';

function StaffChart({ rows }: { rows: Row[] }) {
  const { t } = useTranslation('analytics');
  const [metric, setMetric] = useState<Metric>('returnRate');
  const value = (r: Row) => (metric === 'returnRate' ? r.newCustomerReturnRate : r.averagePredictedClv1y);
  const bars = rows
    .flatMap((r) => {
      const v = value(r);
      return v === null ? [] : [{ label: r.label, value: v }];
    })
    .sort((a, b) => b.value - a.value);
  return (
    <Stack gap="sm">
      <SegmentedControl
        aria-label={t('staff.chart.metric')}
        value={metric}
        onChange={(v) => setMetric(v as Metric)}
        data={[
          { value: 'returnRate', label: t('staff.chart.short.returnRate') },
          { value: 'clv', label: t('staff.chart.short.clv') },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      {bars.length > 0 ? (
        <ChartBars
          bars={bars}
          name={t(`staff.chart.${metric}`)}
          format={metric === 'returnRate' ? formatShare : formatYen}
          color={metric === 'returnRate' ? 'teal.6' : 'blue.6'}
        />
      ) : (
        <Text size="sm" c="dimmed">
          {t('staff.chart.empty')}
        </Text>
      )}
    </Stack>
  );
}

function Staff({ view }: { view: StaffView }) {
  const { t } = useTranslation('analytics');
  const columns: PlanColumn<Row>[] = [
    { key: 'staff', header: t('staff.table.staff'), cell: (r) => r.label },
    {
      key: 'served',
      header: t('staff.table.customersServed'),
      cell: (r) => t('staff.people', { count: r.customersServed }),
      numeric: true,
    },
    {
      key: 'new',
      header: t('staff.table.newCustomers'),
      cell: (r) => t('staff.people', { count: r.newCustomers }),
      numeric: true,
    },
    {
      key: 'returnRate',
      header: t('staff.table.returnRate'),
      cell: (r) => formatShare(r.newCustomerReturnRate),
      numeric: true,
    },
    {
      key: 'clv',
      header: t('staff.table.clv'),
      cell: (r) => formatYenOrDash(r.averagePredictedClv1y),
      numeric: true,
    },
    { key: 'revenue', header: t('staff.table.revenue'), cell: (r) => formatYen(r.revenue), numeric: true },
  ];
  return (
    <Stack gap="md">
      <PlanSection title={t('staff.title')} description={t('staff.description', { days: view.windowDays })}>
        <StaffChart rows={view.rows} />
        <PlanTable
          label={t('staff.table.label')}
          rows={view.rows}
          rowKey={(r) => r.staffId}
          columns={columns}
          minWidth={720}
          empty={t('staff.table.empty')}
        />
        <Text size="xs" c="dimmed">
          {t('staff.note')}
        </Text>
      </PlanSection>
    </Stack>
  );
}

/** スタッフ: whom each stylist serves, how many of their new customers return, what those customers are worth. */
export function StaffPage() {
  const query = useAnalyticsView('staff');
  return <ViewState query={query}>{({ view }) => <Staff view={view} />}</ViewState>;
}
