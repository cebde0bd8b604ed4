import { Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Journey } from '@kayoi/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { SettingsModal } from '../../settings/components/SettingsModal';
import { useJourneyStatus, type StatusVerb } from '../api';

/** What each status may become; archived is the end. */
const verbsFor: Record<Journey['status'], StatusVerb[]> = {
  draft: ['activate', 'archive'],
  active: ['pause', 'archive'],
  paused: ['activate', 'archive'],
  archived: [],
};

/** Start, pause and archive, each asked once more in a dialog that says what it does. */
export function StatusActions({ journey }: { journey: Journey }) {
  const { t } = useTranslation(['journeys', 'common']);
  const [asking, setAsking] = useState<StatusVerb | null>(null);
  const change = useJourneyStatus();
  const close = () => {
    change.reset();
    setAsking(null);
  };
  return (
    <Group gap="xs">
      {verbsFor[journey.status].map((verb) => (
        <Button
          key={verb}
          variant={verb === 'activate' ? 'filled' : 'default'}
          color={verb === 'archive' ? 'red' : undefined}
          onClick={() => setAsking(verb)}
        >
          {t(`actions.${verb}`)}
        </Button>
      ))}
      <SettingsModal opened={asking !== null} onClose={close} title={asking ? t(`confirm.${asking}.title`) : ''}>
        {asking && (
          <Stack>
            <Text>{t(`confirm.${asking}.message`)}</Text>
            <ErrorAlert error={change.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close} disabled={change.isPending}>
                {t('common:actions.cancel')}
              </Button>
              <Button
                color={asking === 'archive' ? 'red' : undefined}
                loading={change.isPending}
                data-autofocus
                onClick={() =>
                  void change
                    .mutateAsync({ id: journey.id, verb: asking })
                    .then(() => {
                      notifications.show({ color: 'teal', message: t(`confirm.${asking}.done`) });
                      close();
                    })
                    .catch(() => undefined)
                }
              >
                {t(`actions.${asking}`)}
              </Button>
            </Group>
          </Stack>
        )}
      </SettingsModal>
    </Group>
  );
}
