import { Group, NativeSelect, SegmentedControl, Stack, Text } from '@mantine/core';
import { monitoringDimensions, type MonitoringDimension, type MonitoringView } from '@kayoi/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMonitoring } from '../api';
import { PlanAlertList } from '../components/PlanAlertList';
import { PlanMonitoringChart } from '../components/PlanMonitoringChart';
import { PlanMonitoringTable } from '../components/PlanMonitoringTable';
import { PlanSection } from '../components/PlanSection';
import type { MonitoringMetric } from '../components/planGroups';
import { ViewState } from '../components/ViewState';

function Monitoring({ view }: { view: MonitoringView }) {
  const { t } = useTranslation('analytics');
  const [metric, setMetric] = useState<MonitoringMetric>('returnRate');
  const dimension = t(`monitoring.dimensions.${view.dimension}`);
  return (
    <Stack gap="md">
      <PlanSection title={t('monitoring.alerts.heading')} description={t('monitoring.alerts.description')}>
        <PlanAlertList view={view} />
      </PlanSection>
      <PlanSection
        title={t('monitoring.chart.title', { dimension })}
        description={t(`monitoring.chart.description.${metric}`)}
        action={
          <SegmentedControl
            aria-label={t('monitoring.chart.metric')}
            value={metric}
            onChange={(v) => setMetric(v as MonitoringMetric)}
            data={[
              { value: 'returnRate', label: t('monitoring.metrics.returnRate') },
              { value: 'predictedClv', label: t('monitoring.metrics.predictedClv') },
            ]}
            style={{ alignSelf: 'flex-start' }}
          />
        }
      >
        {view.groups.length > 0 ? (
          <PlanMonitoringChart dimension={view.dimension} groups={view.groups} metric={metric} />
        ) : (
          <Text size="sm" c="dimmed">
            {t('monitoring.table.empty')}
          </Text>
        )}
        <PlanMonitoringTable dimension={view.dimension} groups={view.groups} />
        <Text size="xs" c="dimmed">
          {t('monitoring.note')}
        </Text>
      </PlanSection>
    </Stack>
  );
}

/** モニタリング: weekly return rate and predicted value per group, and the drops worth a look. */
export function MonitoringPage() {
  const { t } = useTranslation('analytics');
  const [dimension, setDimension] = useState<MonitoringDimension>('segment');
  const query = useMonitoring(dimension);
  return (
    <Stack gap="md">
      <Group>
        <NativeSelect
          label={t('monitoring.dimension')}
          value={dimension}
          onChange={(event) => setDimension(event.currentTarget.value as MonitoringDimension)}
          data={monitoringDimensions.map((d) => ({ value: d, label: t(`monitoring.dimensions.${d}`) }))}
        />
      </Group>
      <ViewState query={query}>{({ view }) => <Monitoring view={view} />}</ViewState>
    </Stack>
  );
}
