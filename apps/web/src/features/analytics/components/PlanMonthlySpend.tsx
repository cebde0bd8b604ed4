import type { UnitEconomicsView } from '@kayoi/contracts';
import { useTranslation } from 'react-i18next';
import { formatYen } from '../../../lib/format';
import { formatMonth } from './StatFormat';
import { PlanTable, type PlanColumn } from './PlanTable';

interface MonthRow {
  month: string;
  cells: Map<string, { adSpend: number; newCustomers: number }>;
}

/** One row per month, one column per channel: "¥35,000・2人", and the month's total. */
export function PlanMonthlySpend({ view }: { view: UnitEconomicsView }) {
  const { t } = useTranslation('analytics');
  const byMonth = new Map<string, MonthRow>();
  for (const m of view.monthly) {
    const row = byMonth.get(m.month) ?? { month: m.month, cells: new Map() };
    row.cells.set(m.channelId, { adSpend: m.adSpend, newCustomers: m.newCustomers });
    byMonth.set(m.month, row);
  }
  const rows = [...byMonth.values()].sort((a, b) => a.month.localeCompare(b.month));
  const cell = (spend: number, count: number) =>
    t('economics.monthly.cell', { spend: formatYen(spend), people: t('economics.people', { count }) });
  const columns: PlanColumn<MonthRow>[] = [
    { key: 'month', header: t('economics.monthly.month'), cell: (r) => formatMonth(r.month) },
    ...view.channels.map((c): PlanColumn<MonthRow> => ({
      key: c.channelId,
      header: c.label,
      numeric: true,
      cell: (r) => {
        const v = r.cells.get(c.channelId);
        return v ? cell(v.adSpend, v.newCustomers) : '—';
      },
    })),
    {
      key: 'total',
      header: t('economics.monthly.total'),
      numeric: true,
      cell: (r) => {
        const values = [...r.cells.values()];
        return cell(
          values.reduce((s, v) => s + v.adSpend, 0),
          values.reduce((s, v) => s + v.newCustomers, 0),
        );
      },
    },
  ];
  return (
    <PlanTable
      label={t('economics.monthly.title')}
      rows={rows}
      rowKey={(r) => r.month}
      columns={columns}
      minWidth={140 + 130 * (view.channels.length + 1)}
      empty={t('economics.monthly.empty')}
    />
  );
}
