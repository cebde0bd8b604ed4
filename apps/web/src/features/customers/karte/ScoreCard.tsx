import { SimpleGrid, Stack, Text } from '@mantine/core';
import type { CustomerScore } from '@kayoi/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatYen } from '../../../lib/format';
import { analyticsKeys } from '../../analytics/api';
import { formatLocalDate } from '../display';
import { KarteCard } from './Card';

function useScore(customerId: string) {
  return useQuery({
    queryKey: analyticsKeys.score(customerId),
    queryFn: () => api<CustomerScore>(`/customers/${customerId}/score`),
  });
}

function Figure({ label, value, note }: { label: string; value: string; note?: string | null }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
      {note && (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      )}
    </Stack>
  );
}

const percent = (p: number | null) => (p === null ? '—' : `${(p * 100).toFixed(1)}%`);
const yen = (v: number | null) => (v === null ? '—' : formatYen(v));

function Scores({ score }: { score: CustomerScore }) {
  const { t } = useTranslation('customers');
  const nextVisit =
    score.nextVisitFrom && score.nextVisitTo
      ? t('score.range', { from: formatLocalDate(score.nextVisitFrom), to: formatLocalDate(score.nextVisitTo) })
      : '—';
  const interval =
    score.predictedClv1yLow !== null && score.predictedClv1yHigh !== null
      ? t('score.interval', { low: formatYen(score.predictedClv1yLow), high: formatYen(score.predictedClv1yHigh) })
      : null;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="md" verticalSpacing="sm">
        <Figure
          label={t('score.pAlive')}
          value={percent(score.pAlive)}
          note={score.pAlivePrevious === null ? null : t('score.previous', { value: percent(score.pAlivePrevious) })}
        />
        <Figure label={t('score.nextVisit')} value={nextVisit} note={t('score.nextVisitNote')} />
        <Figure label={t('score.clv1y')} value={yen(score.predictedClv1y)} note={interval} />
        <Figure label={t('score.clv3y')} value={yen(score.predictedClv3y)} />
        <Figure label={t('score.segment')} value={t(`score.segments.${score.segment}`)} />
        <Figure
          label={t('score.visits90d')}
          value={
            score.expectedVisits90d === null
              ? '—'
              : t('score.visitsValue', { value: score.expectedVisits90d.toFixed(1) })
          }
        />
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {t('score.asOf', { date: formatLocalDate(score.endDate) })}
        {score.lowData && ` ${t('score.lowData')}`}
      </Text>
    </Stack>
  );
}

/**
 * The model's view of this customer: whether they still come, when next, what they are worth.
 * Before the first refresh, or for a customer newer than the last one, there is simply no
 * prediction yet — said quietly, not as an error.
 */
export function ScoreCard({ customerId }: { customerId: string }) {
  const { t } = useTranslation('customers');
  const query = useScore(customerId);
  const notYet = query.error instanceof ApiError && query.error.status === 404;
  return (
    <KarteCard title={t('score.title')}>
      {query.data ? (
        <Scores score={query.data} />
      ) : notYet ? (
        <Text size="sm" c="dimmed">
          {t('score.none')}
        </Text>
      ) : query.isError ? (
        <ErrorAlert error={query.error} />
      ) : (
        <Text size="sm" c="dimmed">
          {t('common:common.loading')}
        </Text>
      )}
    </KarteCard>
  );
}
