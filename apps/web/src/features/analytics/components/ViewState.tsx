import { Alert, Center, Loader, Stack } from '@mantine/core';
import type { ViewRun } from '@kayoi/contracts';
import { IconChartDots } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { RunCaption } from './RunCaption';

/** What is read of a query: a plain one fits, and so does an infinite list adapted to one page. */
export type ViewQuery<T> = Pick<UseQueryResult<T>, 'isPending' | 'isError' | 'error' | 'data'>;

/**
 * Loading, "no analysis yet" (a new shop before its first refresh: not an error), the API's
 * error, or the view with a caption saying which run it comes from.
 */
export function ViewState<T extends { run: ViewRun }>({
  query,
  children,
}: {
  query: ViewQuery<T>;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation('analytics');
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.code === 'ANALYTICS_NOT_READY') {
      return (
        <Alert color="blue" icon={<IconChartDots size={18} />} title={t('common.notReady.title')}>
          {t('common.notReady.body')}
        </Alert>
      );
    }
    return <ErrorAlert error={query.error} />;
  }
  const data = query.data;
  if (query.isPending || data === undefined) {
    return (
      <Center py="xl">
        <Loader size="sm" aria-label={t('common:common.loading')} />
      </Center>
    );
  }
  return (
    <Stack gap="md">
      <RunCaption run={data.run} />
      {children(data)}
    </Stack>
  );
}
