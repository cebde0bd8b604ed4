import { ScrollArea, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import type { CohortsView } from '@kayoi/contracts';
import { useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { formatYen } from '../../../lib/format';
import { useAnalyticsView } from '../api';
import { HeatCell } from '../components/HeatCell';
import { formatCount, formatMonth, formatShare } from '../components/StatFormat';
import { ViewState } from '../components/ViewState';
import { CohortsSecondVisit } from './CohortsSecondVisit';

type Metric = 'retention' | 'revenue';
type Cell = CohortsView['cohorts'][number]['cells'][number];

const valueOf = (cell: Cell, metric: Metric) => (metric === 'retention' ? cell.retention : cell.revenuePerCustomer);

/**
 * The darkest colour goes to the best later month, not to month 0: every cohort starts at
 * 100 % (and its first visit's spend), which would otherwise wash out the months that matter.
 */
function scaleOf(view: CohortsView, metric: Metric): number {
  let max = 0;
  for (const cohort of view.cohorts)
    for (const cell of cohort.cells) if (cell.monthsSince > 0) max = Math.max(max, valueOf(cell, metric));
  return max > 0 ? max : 1;
}

/** The first column stays put while the months scroll by, so a row never loses its name. */
const sticky: CSSProperties = {
  position: 'sticky',
  left: 0,
  zIndex: 1,
  background: 'var(--mantine-color-body)',
  whiteSpace: 'nowrap',
};

function CohortTable({ view, metric }: { view: CohortsView; metric: Metric }) {
  const { t } = useTranslation('analytics');
  const months = Math.max(0, ...view.cohorts.map((c) => c.cells.length));
  const scale = scaleOf(view, metric);
  const format = (cell: Cell) =>
    metric === 'retention' ? formatShare(cell.retention) : formatYen(cell.revenuePerCustomer);
  return (
    <ScrollArea type="auto" offsetScrollbars>
      <Table
        withTableBorder
        withColumnBorders
        verticalSpacing={6}
        horizontalSpacing={8}
        fz="sm"
        aria-label={t('cohorts.table.label', { metric: t(`cohorts.metric.${metric}`) })}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th style={sticky}>{t('cohorts.table.cohort')}</Table.Th>
            <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
              {t('cohorts.table.customers')}
            </Table.Th>
            {Array.from({ length: months }, (_, m) => (
              <Table.Th key={m} ta="right" style={{ whiteSpace: 'nowrap' }}>
                {m === 0 ? t('cohorts.table.firstMonth') : t('cohorts.table.monthsSince', { n: m })}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {view.cohorts.map((cohort) => (
            <Table.Tr key={cohort.month}>
              <Table.Th scope="row" style={sticky}>
                {formatMonth(cohort.month)}
              </Table.Th>
              <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {formatCount(cohort.customers)}
              </Table.Td>
              {Array.from({ length: months }, (_, m) => {
                const cell = cohort.cells.find((c) => c.monthsSince === m);
                if (!cell) return <Table.Td key={m} aria-hidden />;
                return (
                  <HeatCell
                    key={m}
                    intensity={valueOf(cell, metric) / scale}
                    partial={cell.partial}
                    title={cell.partial ? t('cohorts.table.partial') : undefined}
                  >
                    {format(cell)}
                  </HeatCell>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}

function CohortHeatmap({ view }: { view: CohortsView }) {
  const { t } = useTranslation('analytics');
  const [metric, setMetric] = useState<Metric>('retention');
  return (
    <Stack gap="xs">
      <SegmentedControl
        aria-label={t('cohorts.metric.label')}
        value={metric}
        onChange={(value) => setMetric(value === 'revenue' ? 'revenue' : 'retention')}
        data={[
          { value: 'retention', label: t('cohorts.metric.retention') },
          { value: 'revenue', label: t('cohorts.metric.revenue') },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      <Stack gap={0}>
        <Text size="sm" c="dimmed">
          {t(`cohorts.notes.${metric}`)}
        </Text>
        <Text size="sm" c="dimmed">
          {t('cohorts.notes.partial')}
        </Text>
        <Text size="sm" c="dimmed" hiddenFrom="sm">
          {t('cohorts.notes.scroll')}
        </Text>
      </Stack>
      <CohortTable view={view} metric={metric} />
    </Stack>
  );
}

/** コホート: retention and revenue per customer by first-visit month, then second visits by group. */
export function CohortsPage() {
  const { t } = useTranslation('analytics');
  const query = useAnalyticsView('cohorts');
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={3}>{t('cohorts.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('cohorts.description')}
        </Text>
      </Stack>
      <ViewState query={query}>
        {(data) => (
          <Stack gap="xl">
            <CohortHeatmap view={data.view} />
            <CohortsSecondVisit secondVisit={data.view.secondVisit} />
          </Stack>
        )}
      </ViewState>
    </Stack>
  );
}
