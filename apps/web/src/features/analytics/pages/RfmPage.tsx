import { ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import type { RfmView } from '@kayoi/contracts';
import { useTranslation } from 'react-i18next';
import { formatYen } from '../../../lib/format';
import { useAnalyticsView } from '../api';
import { heatStyle } from '../components/HeatCell';
import { formatYenCompact } from '../components/StatFormat';
import { ViewState } from '../components/ViewState';
import { RfmSegments } from './RfmSegments';
import { frequencyRange, frequencyText, recencyRange, recencyText, segmentColor } from './rfmRules';

const SCORES_DOWN = [5, 4, 3, 2, 1] as const;
const SCORES_UP = [1, 2, 3, 4, 5] as const;

/**
 * R5 (most recent) at the top, F5 (most visits) on the right: the best customers sit in the
 * top-right corner. Each cell's hue is its segment and its depth the number of customers, so
 * both where people are and how many read at once; the numbers are text in every cell.
 */
function RfmGrid({ view }: { view: RfmView }) {
  const { t } = useTranslation('analytics');
  const max = Math.max(1, ...view.cells.map((c) => c.customers));
  const cellOf = (r: number, f: number) => view.cells.find((c) => c.recency === r && c.frequency === f);
  return (
    <ScrollArea type="auto" offsetScrollbars>
      <Table
        withTableBorder
        withColumnBorders
        layout="fixed"
        miw={360}
        horizontalSpacing={6}
        fz="sm"
        aria-label={t('rfm.grid.label')}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={96}>
              <Text size="xs" c="dimmed" fw={400}>
                ↓ {t('rfm.grid.recencyAxis')}
              </Text>
              <Text size="xs" c="dimmed" fw={400}>
                → {t('rfm.grid.frequencyAxis')}
              </Text>
            </Table.Th>
            {SCORES_UP.map((f) => (
              <Table.Th key={f} ta="center">
                <div>F{f}</div>
                <Text size="xs" c="dimmed" fw={400} style={{ whiteSpace: 'nowrap' }}>
                  {frequencyText(t, frequencyRange(f, f, view.thresholds))}
                </Text>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {SCORES_DOWN.map((r) => (
            <Table.Tr key={r}>
              <Table.Th scope="row">
                <div>R{r}</div>
                <Text size="xs" c="dimmed" fw={400} style={{ whiteSpace: 'nowrap' }}>
                  {recencyText(t, recencyRange(r, r, view.thresholds), true)}
                </Text>
              </Table.Th>
              {SCORES_UP.map((f) => {
                const cell = cellOf(r, f);
                if (!cell) return <Table.Td key={f} />;
                const segment = t(`rfm.segments.${cell.segment}.name`);
                return (
                  <Table.Td
                    key={f}
                    ta="center"
                    title={t('rfm.grid.cellTitle', {
                      segment,
                      customers: cell.customers,
                      revenue: formatYen(cell.revenue),
                    })}
                    style={{
                      ...heatStyle(0.12 + (0.68 * cell.customers) / max, segmentColor[cell.segment]),
                      fontVariantNumeric: 'tabular-nums',
                    }}
                  >
                    <Text fw={700} size="sm">
                      {t('rfm.grid.customers', { count: cell.customers })}
                    </Text>
                    <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
                      {formatYenCompact(cell.revenue)}
                    </Text>
                    <Text fz={11} visibleFrom="sm" truncate>
                      {segment}
                    </Text>
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}

/** RFM: the 5 × 5 recency × frequency grid, then the named segments with their definitions. */
export function RfmPage() {
  const { t } = useTranslation('analytics');
  const query = useAnalyticsView('rfm');
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={3}>{t('rfm.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('rfm.description')}
        </Text>
      </Stack>
      <ViewState query={query}>
        {(data) => (
          <Stack gap="xl">
            <Stack gap="xs">
              <RfmGrid view={data.view} />
              <Text size="xs" c="dimmed">
                {t('rfm.grid.note')}
              </Text>
            </Stack>
            <RfmSegments view={data.view} />
          </Stack>
        )}
      </ViewState>
    </Stack>
  );
}
