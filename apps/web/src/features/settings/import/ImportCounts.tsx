import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { ImportReport } from '@kayoi/contracts';
import { useTranslation } from 'react-i18next';

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <Paper withBorder p="sm" role="group" aria-label={label}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {value.toLocaleString()}
      </Text>
    </Paper>
  );
}

export function ImportCounts({ report }: { report: ImportReport }) {
  const { t } = useTranslation('settings');
  return (
    <SimpleGrid cols={3} spacing="sm">
      <Stat label={t('import.rows')} value={report.rows} />
      <Stat label={t('import.created')} value={report.created} />
      <Stat label={t('import.updated')} value={report.updated} />
    </SimpleGrid>
  );
}
