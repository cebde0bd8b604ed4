import { ColorSwatch, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { RfmView } from '@kayoi/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatYen } from '../../../lib/format';
import { formatCount, formatShare, formatYenOrDash } from '../components/StatFormat';
import { segmentColor, segmentRule } from './rfmRules';

type Segment = RfmView['segments'][number];
interface Totals {
  customers: number;
  revenue: number;
}

function Figure({ label, value, share }: { label: string; value: string; share?: string }) {
  const { t } = useTranslation('analytics');
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={600} ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
        {share && (
          <Text span size="xs" c="dimmed" fw={400}>
            {' '}
            {t('rfm.stats.share', { share })}
          </Text>
        )}
      </Text>
    </Group>
  );
}

function SegmentCard({ segment, view, totals }: { segment: Segment; view: RfmView; totals: Totals }) {
  const { t } = useTranslation('analytics');
  const id = useId();
  const share = (part: number, whole: number) => formatShare(whole > 0 ? part / whole : null);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <Stack gap={6}>
        <Group gap="xs" wrap="nowrap">
          <ColorSwatch color={`var(--mantine-color-${segmentColor[segment.segment]}-6)`} size={14} />
          <Title order={4} size="h5" id={id}>
            {t(`rfm.segments.${segment.segment}.name`)}
          </Title>
        </Group>
        <Text size="sm">{t(`rfm.segments.${segment.segment}.gist`)}</Text>
        <Text size="xs" c="dimmed">
          {segmentRule(t, segment.cells, view.thresholds)}
        </Text>
        <Stack gap={2} mt={4}>
          <Figure
            label={t('rfm.stats.customers')}
            value={formatCount(segment.customers)}
            share={share(segment.customers, totals.customers)}
          />
          <Figure
            label={t('rfm.stats.revenue')}
            value={formatYen(segment.revenue)}
            share={share(segment.revenue, totals.revenue)}
          />
          <Figure label={t('rfm.stats.clv')} value={formatYenOrDash(segment.averagePredictedClv1y)} />
        </Stack>
      </Stack>
    </Paper>
  );
}

/** The eight named segments: what makes each (its cells, in days and visits), how many, how much. */
export function RfmSegments({ view }: { view: RfmView }) {
  const { t } = useTranslation('analytics');
  const totals: Totals = {
    customers: view.segments.reduce((sum, s) => sum + s.customers, 0),
    revenue: view.segments.reduce((sum, s) => sum + s.revenue, 0),
  };
  return (
    <Stack gap="sm">
      <Stack gap={4}>
        <Title order={4}>{t('rfm.segmentsTitle')}</Title>
        <Text size="sm" c="dimmed">
          {t('rfm.segmentsDescription')}
        </Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
        {view.segments.map((segment) => (
          <SegmentCard key={segment.segment} segment={segment} view={view} totals={totals} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
