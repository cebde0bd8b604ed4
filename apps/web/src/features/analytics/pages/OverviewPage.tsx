import { Badge, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Overview } from '@kayoi/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatYen } from '../../../lib/format';
import { useAnalyticsView } from '../api';
import { StatCard } from '../components/StatCard';
import {
  formatChange,
  formatCount,
  formatDays,
  formatMonth,
  formatShare,
  formatYenOrDash,
  DASH,
} from '../components/StatFormat';
import { ViewState } from '../components/ViewState';

/** The day thresholds of the schema (contracts' Overview): active ≤ 90, at risk 91–365, lost > 365. */
const ACTIVE_DAYS = 90;
const LOST_AFTER_DAYS = 365;

/** A titled row of cards; `columns` on a wide screen, one column on a phone. */
function CardGroup({ title, columns, children }: { title: string; columns: number; children: ReactNode }) {
  return (
    <Stack gap="xs">
      <Title order={4} size="h5">
        {title}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: columns }} spacing="md">
        {children}
      </SimpleGrid>
    </Stack>
  );
}

/** Revenue so far this month against the same days a year ago; null when last year had none. */
function changeAgainstLastYear(view: Overview): number | null {
  return view.revenueSamePeriodLastYear > 0 ? view.revenueMonthToDate / view.revenueSamePeriodLastYear - 1 : null;
}

function OverviewCards({ view }: { view: Overview }) {
  const { t } = useTranslation('analytics');
  const share = (count: number) =>
    t('overview.shareOfCustomers', { share: formatShare(view.customers > 0 ? count / view.customers : null) });
  const change = changeAgainstLastYear(view);
  return (
    <Stack gap="lg">
      <CardGroup title={t('overview.groups.customers')} columns={4}>
        <StatCard
          label={t('overview.customers.label')}
          value={formatCount(view.customers)}
          description={t('overview.customers.description')}
          link={{ to: '/customers', label: t('overview.links.customers') }}
        />
        <StatCard
          label={t('overview.active.label')}
          value={formatCount(view.activeCustomers)}
          description={t('overview.active.description', { days: ACTIVE_DAYS })}
          link={{ to: '/analytics/rfm', label: t('overview.links.rfm') }}
        >
          <Text size="sm">{share(view.activeCustomers)}</Text>
        </StatCard>
        <StatCard
          label={t('overview.atRisk.label')}
          value={formatCount(view.atRiskCustomers)}
          description={t('overview.atRisk.description', { from: ACTIVE_DAYS + 1, to: LOST_AFTER_DAYS })}
          link={{ to: '/analytics/at-risk', label: t('overview.links.atRisk') }}
        >
          <Text size="sm">{share(view.atRiskCustomers)}</Text>
        </StatCard>
        <StatCard
          label={t('overview.lost.label')}
          value={formatCount(view.lostCustomers)}
          description={t('overview.lost.description', { days: LOST_AFTER_DAYS })}
          link={{ to: '/analytics/rfm', label: t('overview.links.rfm') }}
        >
          <Text size="sm">{share(view.lostCustomers)}</Text>
        </StatCard>
      </CardGroup>

      <CardGroup title={t('overview.groups.revenue')} columns={3}>
        <StatCard
          label={t('overview.revenue.label', { month: formatMonth(view.month) })}
          value={formatYen(view.revenueMonthToDate)}
          description={t('overview.revenue.description')}
          link={{ to: '/analytics/forecast', label: t('overview.links.forecast') }}
        >
          <Stack gap={2}>
            <Text size="sm">
              {t('overview.revenue.samePeriod', { amount: formatYen(view.revenueSamePeriodLastYear) })}
            </Text>
            {change !== null && (
              <Badge variant="light" color={change >= 0 ? 'teal' : 'red'} style={{ alignSelf: 'flex-start' }}>
                {t('overview.revenue.change', { change: formatChange(change) })}
              </Badge>
            )}
            <Text size="sm">
              {t('overview.revenue.sameMonth', { amount: formatYen(view.revenueSameMonthLastYear) })}
            </Text>
          </Stack>
        </StatCard>
        <StatCard
          label={t('overview.returning.label')}
          value={formatShare(view.returningRevenueShare)}
          description={t('overview.returning.description')}
          link={{ to: '/analytics/pareto', label: t('overview.links.pareto') }}
        />
        <StatCard
          label={t('overview.clv.label')}
          value={formatYenOrDash(view.averagePredictedClv1y)}
          description={t('overview.clv.description')}
          link={{ to: '/analytics/segments', label: t('overview.links.segments') }}
        />
      </CardGroup>

      <CardGroup title={t('overview.groups.repeat')} columns={3}>
        <StatCard
          label={t('overview.secondVisit.label')}
          value={formatShare(view.secondVisitRate)}
          description={t('overview.secondVisit.description')}
          link={{ to: '/analytics/cohorts', label: t('overview.links.cohorts') }}
        />
        <StatCard
          label={t('overview.daysToSecond.label')}
          value={
            view.medianDaysToSecondVisit === null
              ? DASH
              : t('overview.daysToSecond.value', { days: formatDays(view.medianDaysToSecondVisit) })
          }
          description={t('overview.daysToSecond.description')}
          link={{ to: '/analytics/cohorts', label: t('overview.links.cohorts') }}
        />
      </CardGroup>
    </Stack>
  );
}

/** 概要: the shop's customers and revenue in stat cards, each linking to the page that explains it. */
export function OverviewPage() {
  const { t } = useTranslation('analytics');
  const query = useAnalyticsView('overview');
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={3}>{t('overview.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('overview.description')}
        </Text>
      </Stack>
      <ViewState query={query}>{(data) => <OverviewCards view={data.view} />}</ViewState>
    </Stack>
  );
}
