import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { deliveryStatuses, type DeliveryCounts } from '@kayoi/contracts';
import { useTranslation } from 'react-i18next';

/** Every delivery status with its count, as the API counted them. */
export function CountsGrid({ counts }: { counts: DeliveryCounts }) {
  const { t } = useTranslation('broadcasts');
  return (
    <SimpleGrid cols={{ base: 3, xs: 4, md: 7 }} spacing="xs" role="list" aria-label={t('detail.counts')}>
      {deliveryStatuses.map((status) => (
        <Paper key={status} withBorder p="xs" role="listitem" aria-label={t(`counts.${status}`)}>
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t(`counts.${status}`)}
            </Text>
            <Text fw={700} size="lg" data-testid={`count-${status}`} data-value={counts[status]}>
              {counts[status].toLocaleString('ja-JP')}
            </Text>
          </Stack>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
