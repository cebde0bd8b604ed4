import { BarChart } from '@mantine/charts';
import { Box, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { segmentDimensions, type SegmentDimension, type SegmentsView } from '@kayoi/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatYen } from '../../../lib/format';
import { useSegments } from '../api';
import {
  formatCount,
  formatShare,
  formatYenCompact,
  formatYenOrDash,
  groupLabel,
  type Vocabulary,
} from '../components/StatFormat';
import { ViewState } from '../components/ViewState';

const isDimension = (value: string): value is SegmentDimension =>
  (segmentDimensions as readonly string[]).includes(value);
const vocabularyOf = (dimension: SegmentDimension): Vocabulary | undefined =>
  dimension === 'ageBand' || dimension === 'gender' ? dimension : undefined;

type Row = SegmentsView['rows'][number];

/** Core's age bands, youngest first (the web app imports only the contracts, which do not list them). */
const AGE_ORDER = ['under_20', '20s', '30s', '40s', '50s', '60s', '70_plus'];

/**
 * Age bands read best in age order; every other dimension keeps the API's order (largest group
 * first). Unknown and the merged rest stay last either way.
 */
function ordered(view: SegmentsView): Row[] {
  if (view.dimension !== 'ageBand') return view.rows;
  const rank = (row: Row) => {
    const index = AGE_ORDER.indexOf(row.group);
    return index < 0 ? AGE_ORDER.length : index;
  };
  return [...view.rows].sort((a, b) => rank(a) - rank(b));
}

/** Spent so far next to what is still expected, per customer: where value has been and where it is going. */
function LtvChart({ rows, vocabulary, label }: { rows: Row[]; vocabulary?: Vocabulary; label: string }) {
  const { t } = useTranslation('analytics');
  const data = rows.map((row) => ({
    name: groupLabel(row, vocabulary),
    historical: row.historicalRevenuePerCustomer,
    clv1y: row.predictedClv1y ?? 0,
  }));
  return (
    <BarChart
      h={Math.max(180, rows.length * 40 + 60)}
      data={data}
      dataKey="name"
      orientation="vertical"
      series={[
        { name: 'historical', label: t('segments.columns.historical'), color: 'blue.6' },
        { name: 'clv1y', label: t('segments.columns.clv1y'), color: 'teal.5' },
      ]}
      valueFormatter={formatYenCompact}
      yAxisProps={{ width: 110 }}
      withLegend
      legendProps={{ verticalAlign: 'top' }}
      gridAxis="x"
      role="img"
      aria-label={label}
    />
  );
}

function LtvTable({ rows, vocabulary, label }: { rows: Row[]; vocabulary?: Vocabulary; label: string }) {
  const { t } = useTranslation('analytics');
  return (
    <Table.ScrollContainer minWidth={780}>
      <Table striped verticalSpacing="xs" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('segments.columns.group')}</Table.Th>
            <Table.Th ta="right">{t('segments.columns.customers')}</Table.Th>
            <Table.Th ta="right">{t('segments.columns.historical')}</Table.Th>
            <Table.Th ta="right">{t('segments.columns.historicalProfit')}</Table.Th>
            <Table.Th ta="right">{t('segments.columns.clv1y')}</Table.Th>
            <Table.Th ta="right">{t('segments.columns.clv3y')}</Table.Th>
            <Table.Th ta="right">{t('segments.columns.return90')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody style={{ fontVariantNumeric: 'tabular-nums' }}>
          {rows.map((row) => (
            <Table.Tr key={row.group}>
              <Table.Th scope="row" fw={500}>
                {groupLabel(row, vocabulary)}
              </Table.Th>
              <Table.Td ta="right">{formatCount(row.customers)}</Table.Td>
              <Table.Td ta="right">{formatYen(row.historicalRevenuePerCustomer)}</Table.Td>
              <Table.Td ta="right">{formatYen(row.historicalProfitPerCustomer)}</Table.Td>
              <Table.Td ta="right">{formatYenOrDash(row.predictedClv1y)}</Table.Td>
              <Table.Td ta="right">{formatYenOrDash(row.predictedClv3y)}</Table.Td>
              <Table.Td ta="right">{formatShare(row.returnProbability90d)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function SegmentsBody({ view, fading }: { view: SegmentsView; fading: boolean }) {
  const { t } = useTranslation('analytics');
  const vocabulary = vocabularyOf(view.dimension);
  const dimension = t(`segments.dimensions.${view.dimension}`);
  const rows = ordered(view);
  if (rows.length === 0) return <Text c="dimmed">{t('segments.empty')}</Text>;
  return (
    // While another dimension loads the previous one stays, faded, instead of a spinner jump.
    <Stack gap="md" style={{ opacity: fading ? 0.6 : 1, transition: 'opacity 150ms' }}>
      <LtvChart rows={rows} vocabulary={vocabulary} label={t('segments.chart', { dimension })} />
      <LtvTable rows={rows} vocabulary={vocabulary} label={t('segments.table', { dimension })} />
      <Text size="xs" c="dimmed">
        {t('segments.note')}
      </Text>
    </Stack>
  );
}

/** 属性別LTV: historical and predicted value per customer, 90-day return chance, by a chosen dimension. */
export function SegmentsPage() {
  const { t } = useTranslation('analytics');
  const [dimension, setDimension] = useState<SegmentDimension>('ageBand');
  const query = useSegments(dimension);
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={3}>{t('segments.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('segments.description')}
        </Text>
      </Stack>
      <Box maw={320}>
        <NativeSelect
          label={t('segments.dimension')}
          value={dimension}
          onChange={(event) => {
            const value = event.currentTarget.value;
            if (isDimension(value)) setDimension(value);
          }}
          data={segmentDimensions.map((d) => ({ value: d, label: t(`segments.dimensions.${d}`) }))}
        />
      </Box>
      <ViewState query={query}>
        {(data) => <SegmentsBody view={data.view} fading={query.isPlaceholderData} />}
      </ViewState>
    </Stack>
  );
}
