import { Button, Group, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../auth/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../lib/format';
import { useTimeZone } from '../../customers/display';
import { analyticsKeys, useRefresh, useRuns } from '../api';

/**
 * The state of the latest model refresh and, for those allowed, a button to start one. When
 * a run finishes every view is reloaded, so the page never mixes two runs.
 */
export function RefreshPanel() {
  const { t } = useTranslation('analytics');
  const timeZone = useTimeZone();
  const canRefresh = useCan('analytics.refresh');
  const runs = useRuns();
  const refresh = useRefresh();
  const client = useQueryClient();
  const latest = runs.data?.items[0];
  const inProgress = latest?.status === 'queued' || latest?.status === 'running';
  const lastSucceeded = runs.data?.items.find((r) => r.status === 'succeeded');

  const seen = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!lastSucceeded) return;
    if (seen.current !== undefined && seen.current !== lastSucceeded.id) {
      void client.invalidateQueries({ queryKey: analyticsKeys.all });
    }
    seen.current = lastSucceeded.id;
  }, [lastSucceeded, client]);

  return (
    <Group justify="space-between" gap="xs" wrap="wrap">
      <Text size="sm" c={latest?.status === 'failed' ? 'red' : 'dimmed'} role="status" aria-live="polite">
        {latest
          ? t(`common.refresh.status.${latest.status}`, {
              at: formatDateTime(latest.finishedAt ?? latest.startedAt ?? latest.createdAt, timeZone),
            })
          : t('common.refresh.never')}
      </Text>
      {canRefresh && (
        <Button
          size="xs"
          variant="light"
          leftSection={<IconRefresh size={14} />}
          loading={refresh.isPending || inProgress}
          onClick={() => refresh.mutate()}
        >
          {t('common.refresh.button')}
        </Button>
      )}
      {refresh.isError && <ErrorAlert error={refresh.error} />}
    </Group>
  );
}
