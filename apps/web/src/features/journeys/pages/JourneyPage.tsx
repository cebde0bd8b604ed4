import { Anchor, Group, Loader, Paper, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import type { Journey } from '@kayoi/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCan, useTimeZone } from '../../../auth/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { journeyKeys, useJourney } from '../api';
import { EnrollmentsTab } from '../components/EnrollmentsTab';
import { JourneyEditor } from '../components/JourneyEditor';
import { JourneyReport } from '../components/JourneyReport';
import { JourneyStatusBadge } from '../components/JourneyStatusBadge';
import { StatusActions } from '../components/StatusActions';
import { StepTimeline } from '../components/StepTimeline';
import { VersionList } from '../components/VersionList';
import { describeExitOn, describeReentry, describeTrigger } from '../describe';
import { useNames } from '../useNames';

function Fact({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" data-testid={testId}>
        {children}
      </Text>
    </Stack>
  );
}

function JourneyDetail({ journey: j }: { journey: Journey }) {
  const { t } = useTranslation('journeys');
  const canManage = useCan('journeys.manage');
  const timeZone = useTimeZone();
  const names = useNames();
  const client = useQueryClient();
  const [tab, setTab] = useState<string | null>('steps');
  // The worker moves customers on its own: opening their tab or the results re-reads the counts.
  const openTab = (value: string | null) => {
    if (value === 'enrollments' || value === 'report')
      void client.invalidateQueries({ queryKey: journeyKeys.one(j.id) });
    setTab(value);
  };
  const editable = canManage && j.status !== 'archived';
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Group gap="xs">
          <Title order={3}>{j.name}</Title>
          <JourneyStatusBadge status={j.status} />
        </Group>
        {canManage && <StatusActions journey={j} />}
      </Group>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
          <Fact label={t('detail.version')} testId="journey-version">
            {t('versionLabel', { version: j.version })}
          </Fact>
          <Fact label={t('detail.activeEnrollments')} testId="journey-active">
            {j.activeEnrollments}
          </Fact>
          <Fact label={t('detail.holdout')} testId="journey-holdout">{`${j.holdoutPercent}%`}</Fact>
          <Fact label={t('detail.outcome')} testId="journey-outcome">
            {t(`detail.outcomeSummary.${j.outcome.kind}`, { days: j.outcome.days })}
          </Fact>
        </SimpleGrid>
      </Paper>
      <Tabs value={tab} onChange={openTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="steps">{t('tabs.steps')}</Tabs.Tab>
          {editable && <Tabs.Tab value="edit">{t('tabs.edit')}</Tabs.Tab>}
          <Tabs.Tab value="versions">{t('tabs.versions')}</Tabs.Tab>
          <Tabs.Tab value="enrollments">{t('tabs.enrollments')}</Tabs.Tab>
          <Tabs.Tab value="report">{t('tabs.report')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="steps" pt="md">
          <Stack gap="md">
            <Paper withBorder p="md">
              <Stack gap={4}>
                <Text size="xs" c="dimmed">
                  {t('detail.trigger')}
                </Text>
                <Text fw={600} data-testid="journey-trigger">
                  {describeTrigger(t, j.definition.trigger, names)}
                </Text>
              </Stack>
            </Paper>
            <Paper withBorder p="md">
              <Text size="xs" c="dimmed" mb="sm">
                {t('detail.steps')}
              </Text>
              <StepTimeline definition={j.definition} names={names} />
            </Paper>
            <Paper withBorder p="md">
              <Stack gap={4}>
                <Text size="xs" c="dimmed">
                  {t('detail.rules')}
                </Text>
                <Text size="sm" data-testid="journey-exit">
                  {describeExitOn(t, j.definition.exitOn)}
                </Text>
                <Text size="sm" data-testid="journey-reentry">
                  {describeReentry(t, j.definition.reentry)}
                </Text>
              </Stack>
            </Paper>
          </Stack>
        </Tabs.Panel>
        {editable && (
          <Tabs.Panel value="edit" pt="md">
            {/* Keyed by version so a save starts the next edit from what was saved. */}
            <JourneyEditor key={j.version} journey={j} onSaved={() => setTab('versions')} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="versions" pt="md">
          <VersionList journey={j} timeZone={timeZone} />
        </Tabs.Panel>
        <Tabs.Panel value="enrollments" pt="md">
          <EnrollmentsTab journey={j} timeZone={timeZone} />
        </Tabs.Panel>
        <Tabs.Panel value="report" pt="md">
          <JourneyReport journeyId={j.id} timeZone={timeZone} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

/** /journeys/:journeyId: the journey read as steps, with its versions, customers and results. */
export function JourneyPage() {
  const { t } = useTranslation(['journeys', 'common']);
  const { journeyId = '' } = useParams();
  const journey = useJourney(journeyId);
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/journeys" size="sm">
        {t('back')}
      </Anchor>
      {journey.isPending ? (
        <Loader size="sm" aria-label={t('common:common.loading')} />
      ) : journey.isError ? (
        <ErrorAlert error={journey.error} />
      ) : (
        <JourneyDetail journey={journey.data} />
      )}
    </Stack>
  );
}
