import { Text, Timeline } from '@mantine/core';
import { IconCalendarCheck, IconMessageCircle, IconTrash, IconUserPlus } from '@tabler/icons-react';
import type { TimelineEntry } from '@kayoi/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { timelineEntryKey, useCustomerTimeline } from '../api';
import { useTimeZone } from '../display';
import { consentSourceKey } from './consentSources';
import { PagedKarteCard } from './PagedKarteCard';
import { VisitEntry } from './VisitEntry';

const icons = {
  visit: IconCalendarCheck,
  consent: IconMessageCircle,
  created: IconUserPlus,
  erased: IconTrash,
} as const;

function ConsentLine({ detail }: { detail: Record<string, unknown> }) {
  const { t } = useTranslation('customers');
  const channel = String(detail.channel ?? '');
  const status = String(detail.status ?? '');
  const source = typeof detail.source === 'string' ? detail.source : null;
  const sourceKey = consentSourceKey(source);
  return (
    <Text size="sm">
      {t('timeline.consent', {
        channel: t(`consent.channel.${channel}`, { defaultValue: channel }),
        status: t(`consent.status.${status}`, { defaultValue: status }),
      })}
      {source && (
        <Text span size="xs" c="dimmed">
          {' '}
          ({sourceKey ? t(sourceKey) : source})
        </Text>
      )}
    </Text>
  );
}

function EntryBody({ entry }: { entry: TimelineEntry }) {
  const { t } = useTranslation('customers');
  if (entry.kind === 'visit' && entry.visit) return <VisitEntry visit={entry.visit} />;
  if (entry.kind === 'consent') return <ConsentLine detail={entry.detail} />;
  return <Text size="sm">{t(`timeline.${entry.kind}`)}</Text>;
}

export function CustomerTimeline({ customerId }: { customerId: string }) {
  const { t } = useTranslation('customers');
  const timeZone = useTimeZone();
  const query = useCustomerTimeline(customerId);
  return (
    <PagedKarteCard title={t('timeline.title')} query={query} empty={t('timeline.empty')}>
      {(entries) => (
        <Timeline bulletSize={26} lineWidth={2} active={-1}>
          {entries.map((entry) => {
            const Icon = icons[entry.kind];
            return (
              <Timeline.Item
                key={timelineEntryKey(entry)}
                bullet={<Icon size={14} />}
                title={
                  <Text size="xs" c="dimmed">
                    {formatDateTime(entry.at, timeZone)}
                  </Text>
                }
              >
                <EntryBody entry={entry} />
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
    </PagedKarteCard>
  );
}
