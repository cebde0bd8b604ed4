import type { ForecastView } from '@kayoi/contracts';
import { useTranslation } from 'react-i18next';
import { formatYen } from '../../../lib/format';
import { formatExpected } from './planFormat';
import { PlanTable, type PlanColumn } from './PlanTable';
import { formatMonth } from './StatFormat';

type Month = ForecastView['months'][number];

/** Every month's forecast, its interval, where the revenue comes from and the staff hours it needs. */
export function PlanForecastTable({ months }: { months: Month[] }) {
  const { t } = useTranslation('analytics');
  const range = (low: string, high: string) => t('forecast.range', { low, high });
  const columns: PlanColumn<Month>[] = [
    {
      key: 'month',
      header: t('forecast.table.month'),
      cell: (m) =>
        m.partial ? t('forecast.table.partial', { month: formatMonth(m.month), days: m.days }) : formatMonth(m.month),
    },
    { key: 'visits', header: t('forecast.table.visits'), cell: (m) => formatExpected(m.visits), numeric: true },
    {
      key: 'visitsRange',
      header: t('forecast.table.visitsRange'),
      cell: (m) => range(formatExpected(m.visitsLow), formatExpected(m.visitsHigh)),
      numeric: true,
    },
    { key: 'revenue', header: t('forecast.table.revenue'), cell: (m) => formatYen(m.revenue), numeric: true },
    {
      key: 'revenueRange',
      header: t('forecast.table.revenueRange'),
      cell: (m) => range(formatYen(m.revenueLow), formatYen(m.revenueHigh)),
      numeric: true,
    },
    { key: 'existing', header: t('forecast.table.existing'), cell: (m) => formatYen(m.existingRevenue), numeric: true },
    {
      key: 'new',
      header: t('forecast.table.newRevenue'),
      cell: (m) => formatYen(m.newCustomerRevenue),
      numeric: true,
    },
    {
      key: 'newCustomers',
      header: t('forecast.table.newCustomers'),
      cell: (m) => formatExpected(m.newCustomers),
      numeric: true,
    },
    {
      key: 'staffHours',
      header: t('forecast.table.staffHours'),
      cell: (m) => (m.staffHours === null ? '—' : t('forecast.hours', { value: formatExpected(m.staffHours, 0) })),
      numeric: true,
    },
  ];
  return (
    <PlanTable
      label={t('forecast.table.label')}
      rows={months}
      rowKey={(m) => m.month}
      columns={columns}
      minWidth={1040}
    />
  );
}
