import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ReportView } from '../../broadcasts/components/ReportPanel';
import { useJourneyReport } from '../api';

/** Treated against held out, each customer's window opening when they entered: the broadcast report's table. */
export function JourneyReport({ journeyId, timeZone }: { journeyId: string; timeZone: string }) {
  const { t } = useTranslation('common');
  const query = useJourneyReport(journeyId);
  if (query.isPending) {
    return (
      <Center p="md">
        <Loader size="sm" aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (query.isError) return <ErrorAlert error={query.error} />;
  return <ReportView report={query.data} timeZone={timeZone} />;
}
