import { Group, Paper, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import type { Broadcast } from '@kayoi/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan, useTimeZone } from '../../../auth/session';
import { useSegmentList } from '../../segments/api';
import { inFlight, useTemplateOptions } from '../api';
import { whenOf } from '../display';
import { CancelButton } from './CancelButton';
import { CountsGrid } from './CountsGrid';
import { DeliveryLog } from './DeliveryLog';
import { ReportPanel } from './ReportPanel';
import { BroadcastStatusBadge } from './StatusBadge';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </Stack>
  );
}

/** A scheduled, sending or finished broadcast (or a draft seen by a read-only role). */
export function BroadcastDetail({ broadcast: b }: { broadcast: Broadcast }) {
  const { t } = useTranslation('broadcasts');
  const canManage = useCan('broadcasts.manage');
  const timeZone = useTimeZone();
  const segments = useSegmentList();
  const templates = useTemplateOptions();
  const [tab, setTab] = useState<string | null>('log');
  const segmentName = segments.data?.find((s) => s.id === b.segmentId)?.name ?? '—';
  const templateName = (id: string | undefined) =>
    id ? (templates.data?.find((tpl) => tpl.id === id)?.name ?? id.slice(0, 8)) : null;
  const templateLine = (set: Broadcast['templates']) =>
    [
      set.line ? `${t('channel.line')}: ${templateName(set.line)}` : null,
      set.email ? `${t('channel.email')}: ${templateName(set.email)}` : null,
    ]
      .filter(Boolean)
      .join(' / ');
  const live = inFlight(b.status);
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4}>
          <Group gap="xs">
            <Title order={3}>{b.name}</Title>
            <BroadcastStatusBadge status={b.status} />
          </Group>
          <Text size="sm" c="dimmed" data-testid="broadcast-when">
            {t(whenOf(b, timeZone).key, { date: whenOf(b, timeZone).date })}
          </Text>
        </Stack>
        {canManage && b.status !== 'sent' && b.status !== 'cancelled' && <CancelButton broadcast={b} />}
      </Group>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <Fact label={t('detail.segment')}>{segmentName}</Fact>
          <Fact label={t('detail.holdout')}>{`${b.holdoutPercent}%`}</Fact>
          <Fact label={t('detail.outcome')}>
            {t(`editor.outcomeSummary.${b.outcome.kind}`, { days: b.outcome.days })}
          </Fact>
          <Fact label={t('detail.templates')}>
            {templateLine(b.templates)}
            {b.variantB && ` (${t('detail.abTest')} B: ${templateLine(b.variantB)})`}
          </Fact>
        </SimpleGrid>
      </Paper>
      <CountsGrid counts={b.counts} />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="log">{t('detail.log')}</Tabs.Tab>
          <Tabs.Tab value="report">{t('detail.report')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="log" pt="md">
          <DeliveryLog broadcastId={b.id} timeZone={timeZone} live={live} />
        </Tabs.Panel>
        <Tabs.Panel value="report" pt="md">
          <ReportPanel broadcastId={b.id} started={b.startedAt !== null} timeZone={timeZone} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
