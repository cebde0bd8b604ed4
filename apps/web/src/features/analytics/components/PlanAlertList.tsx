import { Alert, List, Stack, Text } from '@mantine/core';
import type { MonitoringView } from '@kayoi/contracts';
import { IconCircleCheck, IconTrendingDown } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatYen } from '../../../lib/format';
import { monitoringGroupLabel } from './planGroups';
import { formatPoints } from './planFormat';
import { formatChange, formatShare } from './StatFormat';

type AlertRow = MonitoringView['alerts'][number];
type Driver = AlertRow['drivers'][number];

/** "What changed alongside" as a sentence, or nothing when there is nothing to compare. */
function useDriverSentence() {
  const { t } = useTranslation('analytics');
  return (d: Driver): string | null => {
    if (d.before === null || d.now === null) return null;
    const direction = d.now > d.before ? 'up' : d.now < d.before ? 'down' : 'same';
    const value = (v: number) =>
      d.kind === 'spendPerVisit'
        ? formatYen(v)
        : d.kind === 'sameStaffShare' || d.kind === 'sameStoreShare'
          ? formatShare(v)
          : t('monitoring.visits', { count: v });
    return t(`monitoring.drivers.${d.kind}.${direction}`, { before: value(d.before), now: value(d.now) });
  };
}

function AlertItem({ alert, thresholds }: { alert: AlertRow; thresholds: MonitoringView['thresholds'] }) {
  const { t } = useTranslation('analytics');
  const sentence = useDriverSentence();
  const rate = alert.metric === 'returnRate';
  const group = monitoringGroupLabel(alert.dimension, alert);
  const drivers = alert.drivers.map(sentence).filter((s): s is string => s !== null);
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconTrendingDown size={18} />}
      title={t(`monitoring.alerts.title.${alert.metric}`, { group })}
      role="listitem"
    >
      <Stack gap={6}>
        <Text size="sm">
          {t('monitoring.alerts.change', {
            before: rate ? formatShare(alert.before) : formatYen(alert.before),
            now: rate ? formatShare(alert.now) : formatYen(alert.now),
            change: rate ? t('monitoring.points', { value: formatPoints(alert.change) }) : formatChange(alert.change),
          })}
        </Text>
        <Text size="xs" c="dimmed">
          {rate
            ? t('monitoring.alerts.threshold.returnRate', { value: thresholds.returnRatePoints })
            : t('monitoring.alerts.threshold.predictedClv', { value: thresholds.clvPercent })}
        </Text>
        <Text size="sm" fw={600}>
          {t('monitoring.alerts.drivers')}
        </Text>
        {drivers.length > 0 ? (
          <List size="sm" spacing={2}>
            {drivers.map((s) => (
              <List.Item key={s}>{s}</List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm" c="dimmed">
            {t('monitoring.alerts.noDrivers')}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}

/** Drops worth a look, worst first; a calm line when there are none. */
export function PlanAlertList({ view }: { view: MonitoringView }) {
  const { t } = useTranslation('analytics');
  if (view.alerts.length === 0) {
    return (
      <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} title={t('monitoring.alerts.none')}>
        {t('monitoring.alerts.noneBody', {
          points: view.thresholds.returnRatePoints,
          percent: view.thresholds.clvPercent,
        })}
      </Alert>
    );
  }
  return (
    <Stack gap="sm" role="list" aria-label={t('monitoring.alerts.label')}>
      {view.alerts.map((a) => (
        <AlertItem key={`${a.group}:${a.metric}`} alert={a} thresholds={view.thresholds} />
      ))}
    </Stack>
  );
}
