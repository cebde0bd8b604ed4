import { BarChart } from '@mantine/charts';
import { NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { secondVisitDimensions, type CohortsView } from '@kayoi/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount, formatDays, formatShare, groupLabel, DASH } from '../components/StatFormat';

type Dimension = (typeof secondVisitDimensions)[number];
const isDimension = (value: string): value is Dimension => (secondVisitDimensions as readonly string[]).includes(value);

/** Bars are drawn for groups with a rate; the table below lists every group, also those without. */
function RateChart({ rows, label }: { rows: { name: string; rate: number }[]; label: string }) {
  const { t } = useTranslation('analytics');
  if (rows.length === 0) return null;
  return (
    <BarChart
      h={Math.max(160, rows.length * 36 + 40)}
      data={rows}
      dataKey="name"
      orientation="vertical"
      series={[{ name: 'rate', label: t('cohorts.secondVisit.rate'), color: 'teal.6' }]}
      valueFormatter={(value) => formatShare(value / 100)}
      yAxisProps={{ width: 110 }}
      xAxisProps={{ domain: [0, 100] }}
      gridAxis="x"
      aria-label={label}
      role="img"
    />
  );
}

/**
 * Second-visit rate and the median wait for it, by how customers first came: the second visit
 * is where most salon customers are won or lost, so this is where a channel or a first service
 * shows its real worth.
 */
export function CohortsSecondVisit({ secondVisit }: { secondVisit: CohortsView['secondVisit'] }) {
  const { t } = useTranslation('analytics');
  const titleId = useId();
  const [dimension, setDimension] = useState<Dimension>('channel');
  const rows = secondVisit[dimension];
  const dimensionLabel = t(`cohorts.secondVisit.dimensions.${dimension}`);
  const bars = rows
    .filter((row) => row.rate !== null)
    .map((row) => ({ name: groupLabel(row), rate: Math.round((row.rate ?? 0) * 1000) / 10 }));
  return (
    <Stack gap="sm" component="section" aria-labelledby={titleId}>
      <Stack gap={4}>
        <Title order={4} id={titleId}>
          {t('cohorts.secondVisit.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('cohorts.secondVisit.description')}
        </Text>
      </Stack>
      <NativeSelect
        label={t('cohorts.secondVisit.dimension')}
        value={dimension}
        onChange={(event) => {
          const value = event.currentTarget.value;
          if (isDimension(value)) setDimension(value);
        }}
        data={secondVisitDimensions.map((d) => ({ value: d, label: t(`cohorts.secondVisit.dimensions.${d}`) }))}
        maw={320}
      />
      {rows.length === 0 ? (
        <Text c="dimmed">{t('cohorts.secondVisit.empty')}</Text>
      ) : (
        <>
          <RateChart rows={bars} label={t('cohorts.secondVisit.chart', { dimension: dimensionLabel })} />
          <Table.ScrollContainer minWidth={520}>
            <Table
              striped
              verticalSpacing="xs"
              aria-label={t('cohorts.secondVisit.table', { dimension: dimensionLabel })}
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('cohorts.secondVisit.group')}</Table.Th>
                  <Table.Th ta="right">{t('cohorts.secondVisit.customers')}</Table.Th>
                  <Table.Th ta="right">{t('cohorts.secondVisit.repeatCustomers')}</Table.Th>
                  <Table.Th ta="right">{t('cohorts.secondVisit.rate')}</Table.Th>
                  <Table.Th ta="right">{t('cohorts.secondVisit.medianDays')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody style={{ fontVariantNumeric: 'tabular-nums' }}>
                {rows.map((row) => (
                  <Table.Tr key={row.group}>
                    <Table.Th scope="row" fw={500}>
                      {groupLabel(row)}
                    </Table.Th>
                    <Table.Td ta="right">{formatCount(row.customers)}</Table.Td>
                    <Table.Td ta="right">{formatCount(row.repeatCustomers)}</Table.Td>
                    <Table.Td ta="right">{formatShare(row.rate)}</Table.Td>
                    <Table.Td ta="right">
                      {row.medianDaysToSecondVisit === null
                        ? DASH
                        : t('cohorts.secondVisit.days', { days: formatDays(row.medianDaysToSecondVisit) })}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Stack>
  );
}
