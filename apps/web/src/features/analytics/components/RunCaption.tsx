import { Alert, Text } from '@mantine/core';
import type { ViewRun } from '@kayoi/contracts';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { useTimeZone } from '../../customers/display';

/**
 * Which data a page shows, and — for a young shop — that the predictions rest on little
 * history and their intervals are wide, rather than hiding them.
 */
export function RunCaption({ run }: { run: ViewRun }) {
  const { t } = useTranslation('analytics');
  const timeZone = useTimeZone();
  return (
    <>
      <Text size="sm" c="dimmed">
        {t('common.runCaption', {
          endDate: run.endDate,
          finishedAt: formatDateTime(run.finishedAt, timeZone),
          model: run.model ? t(`common.model.${run.model}`) : t('common.model.none'),
        })}
      </Text>
      {run.lowData && (
        <Alert color="yellow" icon={<IconInfoCircle size={18} />} title={t('common.lowData.title')}>
          {t('common.lowData.body')}
        </Alert>
      )}
    </>
  );
}
