import { Accordion, Badge, Group, Text } from '@mantine/core';
import type { Journey } from '@kayoi/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { QueryState } from '../../settings/components/QueryState';
import { useJourneyVersions } from '../api';
import { useNames } from '../useNames';
import { StepTimeline } from './StepTimeline';

/** Every version, newest first; the current one is where new customers start. */
export function VersionList({ journey, timeZone }: { journey: Journey; timeZone: string }) {
  const { t } = useTranslation('journeys');
  const versions = useJourneyVersions(journey.id);
  const names = useNames();
  return (
    <QueryState query={versions}>
      {(items) => (
        <Accordion variant="separated" aria-label={t('versions.title')} data-testid="journey-versions">
          {items.map((v) => (
            <Accordion.Item key={v.version} value={String(v.version)} data-version={v.version}>
              <Accordion.Control>
                <Group gap="sm" wrap="wrap">
                  <Text fw={600}>{t('versionLabel', { version: v.version })}</Text>
                  {v.version === journey.version && (
                    <Badge color="teal" variant="light" data-testid="current-version">
                      {t('versions.current')}
                    </Badge>
                  )}
                  <Text size="sm" c="dimmed" data-testid="version-created">
                    {t('versions.created', { date: formatDateTime(v.createdAt, timeZone) })}
                  </Text>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <StepTimeline definition={v.definition} names={names} />
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
    </QueryState>
  );
}
