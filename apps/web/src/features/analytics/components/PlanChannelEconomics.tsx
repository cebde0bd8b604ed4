import { Stack, Text } from '@mantine/core';
import type { UnitEconomicsView } from '@kayoi/contracts';
import { useTranslation } from 'react-i18next';
import { formatYen } from '../../../lib/format';
import { ChartBars } from './ChartBars';
import { PlanTable, type PlanColumn } from './PlanTable';

type Channel = UnitEconomicsView['channels'][number];

/** LTV/CAC as the owner says it: "3.2倍". */
function useRatioFormat() {
  const { t } = useTranslation('analytics');
  return (value: number) => t('economics.ratio', { value: value.toFixed(1) });
}

function usePayback() {
  const { t } = useTranslation('analytics');
  return (c: Channel) => {
    if (c.acquisitionCost === null) return '—';
    if (c.paybackMonths === null) return t('economics.payback.never');
    if (c.paybackMonths === 0) return t('economics.payback.first');
    return t('economics.payback.months', { count: c.paybackMonths });
  };
}

/**
 * Per channel: what was spent, whom it brought, what each cost (CAC), what they are worth in
 * their first year, and their ratio — the table, then the ratio as bars with the 1× line.
 */
export function PlanChannelEconomics({ channels }: { channels: Channel[] }) {
  const { t } = useTranslation('analytics');
  const ratio = useRatioFormat();
  const payback = usePayback();
  const yen = (v: number | null) => (v === null ? '—' : formatYen(v));
  const columns: PlanColumn<Channel>[] = [
    { key: 'channel', header: t('economics.table.channel'), cell: (c) => c.label },
    { key: 'adSpend', header: t('economics.table.adSpend'), cell: (c) => formatYen(c.adSpend), numeric: true },
    {
      key: 'newCustomers',
      header: t('economics.table.newCustomers'),
      cell: (c) => t('economics.people', { count: c.newCustomers }),
      numeric: true,
    },
    { key: 'cac', header: t('economics.table.acquisitionCost'), cell: (c) => yen(c.acquisitionCost), numeric: true },
    { key: 'value', header: t('economics.table.firstYearValue'), cell: (c) => yen(c.firstYearValue), numeric: true },
    {
      key: 'ltvToCac',
      header: t('economics.table.ltvToCac'),
      cell: (c) => (c.ltvToCac === null ? '—' : ratio(c.ltvToCac)),
      numeric: true,
    },
    { key: 'payback', header: t('economics.table.payback'), cell: payback, numeric: true },
  ];
  const bars = channels
    .filter((c): c is Channel & { ltvToCac: number } => c.ltvToCac !== null)
    .sort((a, b) => b.ltvToCac - a.ltvToCac)
    .map((c) => ({ label: c.label, value: c.ltvToCac }));
  return (
    <Stack gap="md">
      <PlanTable
        label={t('economics.table.label')}
        rows={channels}
        rowKey={(c) => c.channelId}
        columns={columns}
        minWidth={760}
        empty={t('economics.table.empty')}
      />
      <Text size="xs" c="dimmed">
        {t('economics.table.note')}
      </Text>
      <Stack gap={4}>
        <Text fw={600} size="sm">
          {t('economics.chart.title')}
        </Text>
        <Text size="sm" c="dimmed">
          {t('economics.chart.description')}
        </Text>
      </Stack>
      {bars.length > 0 ? (
        <ChartBars
          bars={bars}
          name={t('economics.table.ltvToCac')}
          format={ratio}
          referenceLines={[{ x: 1, color: 'red.6', label: t('economics.chart.breakEven') }]}
        />
      ) : (
        <Text size="sm" c="dimmed">
          {t('economics.chart.empty')}
        </Text>
      )}
    </Stack>
  );
}
