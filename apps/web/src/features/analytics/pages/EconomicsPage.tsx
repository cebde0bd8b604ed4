import { Stack, Text } from '@mantine/core';
import type { UnitEconomicsView } from '@kayoi/contracts';
import { useTranslation } from 'react-i18next';
import { useAnalyticsView } from '../api';
import { PlanChannelEconomics } from '../components/PlanChannelEconomics';
import { PlanMonthlySpend } from '../components/PlanMonthlySpend';
import { PlanNoSpend } from '../components/PlanNoSpend';
import { PlanSection } from '../components/PlanSection';
import { PlanWhatIf } from '../components/PlanWhatIf';
import { formatMonth } from '../components/StatFormat';
import { ViewState } from '../components/ViewState';

function Economics({ view }: { view: UnitEconomicsView }) {
  const { t } = useTranslation('analytics');
  const noSpend = view.channels.every((c) => c.adSpend === 0);
  const period = { from: formatMonth(view.from), to: formatMonth(view.to) };
  return (
    <Stack gap="md">
      {noSpend && <PlanNoSpend />}
      <PlanSection title={t('economics.title')} description={t('economics.description', period)}>
        <PlanChannelEconomics channels={view.channels} />
      </PlanSection>
      <PlanSection title={t('economics.whatIf.title')} description={t('economics.whatIf.description')}>
        <PlanWhatIf baseline={view.baseline} />
      </PlanSection>
      <PlanSection title={t('economics.monthly.title')} description={t('economics.monthly.description', period)}>
        <PlanMonthlySpend view={view} />
      </PlanSection>
      <Text size="xs" c="dimmed">
        {t('economics.basisNote')}
      </Text>
    </Stack>
  );
}

/** ユニットエコノミクス: what a customer costs per channel, what they are worth, and what-ifs. */
export function EconomicsPage() {
  const query = useAnalyticsView('unit-economics');
  return <ViewState query={query}>{({ view }) => <Economics view={view} />}</ViewState>;
}
