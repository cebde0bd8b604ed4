import type { MonitoringDimension } from '@kayoi/contracts';
import { useTranslation } from 'react-i18next';
import { COMPARE_WEEKS, monitoringGroupLabel, type MonitoringGroup } from './planGroups';
import { formatPoints } from './planFormat';
import { PlanTable, type PlanColumn } from './PlanTable';
import { formatShare, formatYenOrDash } from './StatFormat';

/** Every group's latest week beside the week the alerts compare with. */
export function PlanMonitoringTable({
  dimension,
  groups,
}: {
  dimension: MonitoringDimension;
  groups: MonitoringGroup[];
}) {
  const { t } = useTranslation('analytics');
  const now = (g: MonitoringGroup) => g.points.at(-1);
  const before = (g: MonitoringGroup) => g.points.at(-1 - COMPARE_WEEKS);
  const columns: PlanColumn<MonitoringGroup>[] = [
    { key: 'group', header: t('monitoring.table.group'), cell: (g) => monitoringGroupLabel(dimension, g) },
    {
      key: 'returnRate',
      header: t('monitoring.table.returnRate'),
      cell: (g) => formatShare(now(g)?.returnRate),
      numeric: true,
    },
    {
      key: 'change',
      header: t('monitoring.table.change', { weeks: COMPARE_WEEKS }),
      cell: (g) => {
        const a = before(g)?.returnRate;
        const b = now(g)?.returnRate;
        return a == null || b == null ? '—' : t('monitoring.points', { value: formatPoints(b - a) });
      },
      numeric: true,
    },
    {
      key: 'base',
      header: t('monitoring.table.base'),
      cell: (g) => t('monitoring.people', { count: now(g)?.base ?? 0 }),
      numeric: true,
    },
    {
      key: 'visits',
      header: t('monitoring.table.visits'),
      cell: (g) => t('monitoring.visits', { count: now(g)?.visits ?? 0 }),
      numeric: true,
    },
    {
      key: 'spend',
      header: t('monitoring.table.spendPerVisit'),
      cell: (g) => formatYenOrDash(now(g)?.spendPerVisit),
      numeric: true,
    },
    {
      key: 'sameStaff',
      header: t('monitoring.table.sameStaffShare'),
      cell: (g) => formatShare(now(g)?.sameStaffShare),
      numeric: true,
    },
    {
      key: 'sameStore',
      header: t('monitoring.table.sameStoreShare'),
      cell: (g) => formatShare(now(g)?.sameStoreShare),
      numeric: true,
    },
    {
      key: 'clv',
      header: t('monitoring.table.clv'),
      cell: (g) => formatYenOrDash(now(g)?.averagePredictedClv1y),
      numeric: true,
    },
  ];
  return (
    <PlanTable
      label={t('monitoring.table.label')}
      rows={groups}
      rowKey={(g) => g.group}
      columns={columns}
      minWidth={900}
      empty={t('monitoring.table.empty')}
    />
  );
}
