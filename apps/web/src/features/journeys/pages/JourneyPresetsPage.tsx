import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { JourneyPresetKey } from '@kayoi/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { QueryState } from '../../settings/components/QueryState';
import { useInstallPreset, useJourneyPresets } from '../api';

/** /journeys/presets: the six lifecycle automations; installing one opens its draft. */
export function JourneyPresetsPage() {
  const { t, i18n } = useTranslation('journeys');
  const navigate = useNavigate();
  const presets = useJourneyPresets();
  const install = useInstallPreset();
  const language = i18n.language === 'en' ? 'en' : 'ja';
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/journeys" size="sm">
        {t('back')}
      </Anchor>
      <Stack gap={4}>
        <Title order={3}>{t('presets.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('presets.description')}
        </Text>
      </Stack>
      <ErrorAlert error={install.error} />
      <QueryState query={presets}>
        {(items) => (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
            {items.map((p) => (
              <Card key={p.key} withBorder padding="md" data-preset={p.key}>
                <Stack gap="sm" h="100%">
                  <Title order={4} size="h5">
                    {p.name[language]}
                  </Title>
                  <Text size="sm" style={{ flex: 1 }}>
                    {p.description[language]}
                  </Text>
                  <Group gap="xs">
                    <Badge variant="light" color="grape">
                      {t('presets.holdout', { percent: p.recommendedHoldoutPercent })}
                    </Badge>
                    <Badge variant="light" color="gray">
                      {t(`presets.outcome.${p.outcome.kind}`, { days: p.outcome.days })}
                    </Badge>
                  </Group>
                  <Button
                    aria-label={`${t('presets.install')}: ${p.name[language]}`}
                    loading={install.isPending && install.variables === p.key}
                    disabled={install.isPending && install.variables !== p.key}
                    onClick={() =>
                      install.mutate(p.key as JourneyPresetKey, {
                        onSuccess: (journey) => {
                          notifications.show({
                            color: 'teal',
                            message: t('presets.installed', { name: journey.name }),
                          });
                          void navigate(`/journeys/${journey.id}`);
                        },
                      })
                    }
                  >
                    {t('presets.install')}
                  </Button>
                </Stack>
              </Card>
            ))}
          </SimpleGrid>
        )}
      </QueryState>
    </Stack>
  );
}
