import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { Customer } from '@kayoi/contracts';
import { useTranslation } from 'react-i18next';
import { formatDate, formatYen } from '../../../lib/format';
import { useTimeZone } from '../display';

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
    </Stack>
  );
}

export function StatsCard({ customer }: { customer: Customer }) {
  const { t } = useTranslation('customers');
  const timeZone = useTimeZone();
  const { firstVisitAt, lastVisitAt, visitCount, revenueTotal } = customer.stats;
  const average = visitCount > 0 ? Math.round(revenueTotal / visitCount) : null;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={t('stats.title')}>
      <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="md" verticalSpacing="sm">
        <Stat label={t('stats.firstVisit')} value={formatDate(firstVisitAt, timeZone)} />
        <Stat label={t('stats.lastVisit')} value={formatDate(lastVisitAt, timeZone)} />
        <Stat label={t('stats.visits')} value={t('stats.visitsValue', { count: visitCount })} />
        <Stat label={t('stats.revenue')} value={formatYen(revenueTotal)} />
        <Stat label={t('stats.average')} value={average === null ? '—' : formatYen(average)} />
      </SimpleGrid>
    </Paper>
  );
}
