import { List, SimpleGrid, Stack, Text } from '@mantine/core';
import type { UnitEconomicsView } from '@kayoi/contracts';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatYen } from '../../../lib/format';
import { useWhatIf, type WhatIfLevers } from '../api';
import { PlanLever, PlanResult } from './PlanLever';
import { formatExpected } from './planFormat';
import { formatShare } from './StatFormat';

/** Where the levers start: modest, believable improvements rather than zeros. */
const START: WhatIfLevers = { secondVisitRatePoints: 5, retentionPercent: 5, acquisitionPercent: 10 };
/** The API's limits (WhatIfQuery). */
const MAX = { secondVisitRatePoints: 50, retentionPercent: 100, acquisitionPercent: 200 } as const;

/**
 * Three levers side by side — more second visits, better retention, more new customers — and
 * what each is worth over the next twelve months. The API is asked 300 ms after a lever stops
 * moving, and the last answer stays on screen meanwhile.
 */
export function PlanWhatIf({ baseline }: { baseline: UnitEconomicsView['baseline'] }) {
  const noSpend = baseline.adSpendLast12Months === 0;
  const { t } = useTranslation('analytics');
  const [levers, setLevers] = useState<WhatIfLevers>(START);
  const [asked] = useDebouncedValue(levers, 300);
  const query = useWhatIf(asked);
  const result = query.data?.result;
  const set = (key: keyof WhatIfLevers) => (value: number) => setLevers((l) => ({ ...l, [key]: value }));
  const yen = (v: number | undefined) => (v === undefined ? '—' : formatYen(v));
  const stale = query.isFetching || asked !== levers;
  const rate = baseline.secondVisitRate;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        <PlanLever
          title={t('economics.whatIf.secondVisit.title', { value: levers.secondVisitRatePoints })}
          inputLabel={t('economics.whatIf.secondVisit.input')}
          value={levers.secondVisitRatePoints}
          max={MAX.secondVisitRatePoints}
          step={1}
          busy={stale}
          onChange={set('secondVisitRatePoints')}
          context={
            rate === null
              ? t('economics.whatIf.secondVisit.noRate')
              : t('economics.whatIf.secondVisit.context', {
                  now: formatShare(rate),
                  next: formatShare(Math.min(1, rate + levers.secondVisitRatePoints / 100)),
                })
          }
        >
          <PlanResult label={t('economics.whatIf.revenue')} value={yen(result?.secondVisit.revenue)} strong />
          <PlanResult
            label={t('economics.whatIf.secondVisit.extra')}
            value={t('economics.peopleApprox', { value: formatExpected(result?.secondVisit.extraRepeaters) })}
          />
        </PlanLever>
        <PlanLever
          title={t('economics.whatIf.retention.title', { value: levers.retentionPercent })}
          inputLabel={t('economics.whatIf.retention.input')}
          value={levers.retentionPercent}
          max={MAX.retentionPercent}
          step={1}
          busy={stale}
          onChange={set('retentionPercent')}
          context={t('economics.whatIf.retention.context', {
            revenue: formatYen(baseline.existingRevenueNext12Months),
          })}
        >
          <PlanResult label={t('economics.whatIf.revenue')} value={yen(result?.retention.revenue)} strong />
        </PlanLever>
        <PlanLever
          title={t('economics.whatIf.acquisition.title', { value: levers.acquisitionPercent })}
          inputLabel={t('economics.whatIf.acquisition.input')}
          value={levers.acquisitionPercent}
          max={MAX.acquisitionPercent}
          step={5}
          busy={stale}
          onChange={set('acquisitionPercent')}
          context={t('economics.whatIf.acquisition.context', {
            value: formatExpected(baseline.newCustomersNext12Months, 0),
          })}
        >
          <PlanResult label={t('economics.whatIf.revenue')} value={yen(result?.acquisition.revenue)} strong />
          <PlanResult
            label={t('economics.whatIf.acquisition.extra')}
            value={t('economics.peopleApprox', { value: formatExpected(result?.acquisition.extraCustomers) })}
          />
          <PlanResult
            label={t('economics.whatIf.acquisition.cost')}
            value={result ? formatYen(-result.acquisition.cost) : '—'}
          />
          <PlanResult label={t('economics.whatIf.acquisition.net')} value={yen(result?.acquisition.net)} strong />
          {noSpend && (
            <Text size="xs" c="dimmed">
              {t('economics.whatIf.acquisition.noSpend')}
            </Text>
          )}
        </PlanLever>
      </SimpleGrid>
      <ErrorAlert error={query.error} />
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {t('economics.whatIf.assumptions.title')}
        </Text>
        <List size="sm" c="dimmed" spacing={2}>
          <List.Item>{t('economics.whatIf.assumptions.secondVisit')}</List.Item>
          <List.Item>{t('economics.whatIf.assumptions.retention')}</List.Item>
          <List.Item>{t('economics.whatIf.assumptions.acquisition')}</List.Item>
        </List>
      </Stack>
    </Stack>
  );
}
