import { Alert, Button, Group, Stack } from '@mantine/core';
import type { ImportReport } from '@kayoi/contracts';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ImportCounts } from './ImportCounts';

/** After the real import: what was written, and a way to start over with the next file. */
export function ImportDone({ report, onAgain }: { report: ImportReport; onAgain: () => void }) {
  const { t } = useTranslation('settings');
  return (
    <Stack>
      <Alert color="teal" icon={<IconCheck size={18} />} title={t('import.doneTitle')} role="status">
        {t(`import.doneBody.${report.kind}`, { created: report.created, updated: report.updated, rows: report.rows })}
      </Alert>
      <ImportCounts report={report} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onAgain}>
          {t('import.again')}
        </Button>
      </Group>
    </Stack>
  );
}
