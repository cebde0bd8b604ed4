import { LineChart } from '@mantine/charts';
import { Anchor, Grid, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ParetoView } from '@kayoi/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatYen } from '../../../lib/format';
import { useAnalyticsView } from '../api';
import { formatCount, formatShare } from '../components/StatFormat';
import { ViewState } from '../components/ViewState';

const DECILES = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];

/** Revenue share of the top `x` of customers, read off the curve (linear between its points, as it is built). */
function revenueShareAt(curve: ParetoView['curve'], x: number): number | null {
  for (let i = 1; i < curve.length; i++) {
    const a = curve[i - 1]!;
    const b = curve[i]!;
    if (x <= b.customerShare + 1e-9) {
      const span = b.customerShare - a.customerShare;
      return span > 0
        ? a.revenueShare + ((x - a.customerShare) / span) * (b.revenueShare - a.revenueShare)
        : b.revenueShare;
    }
  }
  return null;
}

function TopShare({ view }: { view: ParetoView }) {
  const { t } = useTranslation('analytics');
  const id = useId();
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby={id}>
      <Stack gap="xs">
        <Text size="sm" c="dimmed" fw={500} id={id}>
          {t('pareto.top20.label')}
        </Text>
        <Text fz={48} fw={700} lh={1} c="blue.7" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {formatShare(view.top20Share)}
        </Text>
        <Text fw={500}>
          {view.top20Share === null
            ? t('pareto.top20.none')
            : t('pareto.top20.statement', {
                share: formatShare(view.top20Share),
                customers: formatCount(Math.round(view.customers * 0.2)),
              })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('pareto.top20.explanation')}
        </Text>
        <Anchor component={Link} to="/analytics/at-risk" size="sm">
          {t('pareto.atRiskLink')}
        </Anchor>
      </Stack>
    </Paper>
  );
}

/** The curve against the diagonal of an even spread: the further above it, the more concentrated. */
function ConcentrationChart({ view }: { view: ParetoView }) {
  const { t } = useTranslation('analytics');
  const data = view.curve.map((p) => ({
    x: Math.round(p.customerShare * 1000) / 10,
    revenue: Math.round(p.revenueShare * 1000) / 10,
    equal: Math.round(p.customerShare * 1000) / 10,
  }));
  return (
    <LineChart
      h={360}
      data={data}
      dataKey="x"
      series={[
        { name: 'revenue', label: t('pareto.chart.curve'), color: 'blue.6' },
        { name: 'equal', label: t('pareto.chart.equal'), color: 'gray.5', strokeDasharray: '5 5' },
      ]}
      withDots={false}
      curveType="linear"
      valueFormatter={(value) => `${value}%`}
      xAxisProps={{ type: 'number', domain: [0, 100], ticks: [0, 20, 40, 60, 80, 100], unit: '%' }}
      yAxisProps={{ domain: [0, 100], ticks: [0, 20, 40, 60, 80, 100] }}
      xAxisLabel={t('pareto.chart.x')}
      yAxisLabel={t('pareto.chart.y')}
      referenceLines={[{ x: 20, label: t('pareto.chart.marker'), color: 'red.6' }]}
      withLegend
      legendProps={{ verticalAlign: 'bottom' }}
      gridAxis="xy"
      role="img"
      aria-label={t('pareto.chart.label')}
    />
  );
}

function DecileTable({ view }: { view: ParetoView }) {
  const { t } = useTranslation('analytics');
  return (
    <Table striped verticalSpacing={4} aria-label={t('pareto.table.label')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('pareto.table.customers')}</Table.Th>
          <Table.Th ta="right">{t('pareto.table.revenue')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody style={{ fontVariantNumeric: 'tabular-nums' }}>
        {DECILES.map((share) => (
          <Table.Tr key={share}>
            <Table.Th scope="row" fw={share === 0.2 ? 700 : 400}>
              {t('pareto.table.top', { share: `${Math.round(share * 100)}%` })}
            </Table.Th>
            <Table.Td ta="right" fw={share === 0.2 ? 700 : undefined}>
              {formatShare(revenueShareAt(view.curve, share))}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** 売上集中度: how much of the revenue the best customers bring, as one number and a curve. */
export function ParetoPage() {
  const { t } = useTranslation('analytics');
  const query = useAnalyticsView('pareto');
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={3}>{t('pareto.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('pareto.description')}
        </Text>
      </Stack>
      <ViewState query={query}>
        {({ view }) => (
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Stack gap="md">
                <TopShare view={view} />
                <Text size="sm" c="dimmed">
                  {t('pareto.totals', {
                    customers: formatCount(view.customers),
                    revenue: formatYen(view.totalRevenue),
                  })}
                </Text>
                {view.curve.length > 0 && <DecileTable view={view} />}
              </Stack>
            </Grid.Col>
            {view.curve.length > 0 && (
              <Grid.Col span={{ base: 12, md: 7 }}>
                <ConcentrationChart view={view} />
              </Grid.Col>
            )}
          </Grid>
        )}
      </ViewState>
    </Stack>
  );
}
