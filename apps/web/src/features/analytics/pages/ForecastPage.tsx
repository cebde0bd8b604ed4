import { SimpleGrid, Stack, Text } from '@mantine/core';
import type { ForecastView } from '@kayoi/contracts';
import { useTranslation } from 'react-i18next';
import { formatYen } from '../../../lib/format';
import { useAnalyticsView } from '../api';
import { PlanForecastChart } from '../components/PlanForecastChart';
import { PlanForecastTable } from '../components/PlanForecastTable';
import { PlanSection } from '../components/PlanSection';
import { formatExpected } from '../components/planFormat';
import { StatCard } from '../components/StatCard';
import { ViewState } from '../components/ViewState';

const sum = (months: ForecastView['months'], pick: (m: ForecastView['months'][number]) => number) =>
  months.reduce((s, m) => s + pick(m), 0);

function Forecast({ view }: { view: ForecastView }) {
  const { t } = useTranslation('analytics');
  // The twelve whole months ahead; the rest of this month is in the table but not the totals.
  const year = view.months.filter((m) => !m.partial).slice(0, 12);
  const hours = year.every((m) => m.staffHours !== null) ? sum(year, (m) => m.staffHours ?? 0) / year.length : null;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <StatCard
          label={t('forecast.summary.revenue')}
          value={formatYen(sum(year, (m) => m.revenue))}
          description={t('forecast.summary.revenueSplit', {
            existing: formatYen(sum(year, (m) => m.existingRevenue)),
            new: formatYen(sum(year, (m) => m.newCustomerRevenue)),
          })}
        />
        <StatCard
          label={t('forecast.summary.visits')}
          value={t('forecast.visitsValue', {
            value: formatExpected(
              sum(year, (m) => m.visits),
              0,
            ),
          })}
          description={t('forecast.summary.newCustomers', {
            value: formatExpected(
              sum(year, (m) => m.newCustomers),
              0,
            ),
          })}
        />
        <StatCard
          label={t('forecast.summary.staffHours')}
          value={hours === null ? '—' : t('forecast.hours', { value: formatExpected(hours, 0) })}
          description={
            view.serviceMinutesPerVisit === null
              ? t('forecast.summary.noMinutes')
              : t('forecast.summary.minutes', { value: formatExpected(view.serviceMinutesPerVisit, 0) })
          }
        />
      </SimpleGrid>
      <PlanSection title={t('forecast.chart.title')} description={t('forecast.chart.description')}>
        <PlanForecastChart months={view.months} />
      </PlanSection>
      <PlanSection title={t('forecast.table.title')} description={t('forecast.table.description')}>
        <PlanForecastTable months={view.months} />
      </PlanSection>
      <Text size="xs" c="dimmed">
        {t('forecast.note')}
      </Text>
    </Stack>
  );
}

/** 予測: visits, revenue and staff hours for the next twelve months, with their intervals. */
export function ForecastPage() {
  const query = useAnalyticsView('forecast');
  return <ViewState query={query}>{({ view }) => <Forecast view={view} />}</ViewState>;
}
