import { Alert, Button, Group, Stack, Title } from '@mantine/core';
import type { ImportReport } from '@kayoi/contracts';
import { IconCheck, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ColumnMappingTable } from './ColumnMappingTable';
import { ImportCounts } from './ImportCounts';

interface Props {
  report: ImportReport;
  onImport: () => void;
  importing: boolean;
}

/** The dry run's answer: what would be read from where, and how many customers or visits it makes. */
export function ImportPreview({ report, onImport, importing }: Props) {
  const { t } = useTranslation('settings');
  return (
    <Stack>
      <Alert color="blue" icon={<IconInfoCircle size={18} />} title={t('import.previewTitle')}>
        {t('import.previewBody', { count: report.rows })}
      </Alert>
      <ImportCounts report={report} />
      <Title order={4}>{t('import.mappingTitle')}</Title>
      <ColumnMappingTable columns={report.columns} />
      <Group justify="flex-end">
        <Button leftSection={<IconCheck size={16} />} onClick={onImport} loading={importing}>
          {t('import.import')}
        </Button>
      </Group>
    </Stack>
  );
}
