import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import type { Broadcast, PowerPreview } from '@kayoi/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { SettingsModal } from '../../settings/components/SettingsModal';
import { useScheduleBroadcast } from '../api';
import { localInputValue, zonedLocalToIso } from '../display';

interface Props {
  broadcast: Broadcast;
  /** 'at' asks for a time first; null = closed. */
  mode: 'now' | 'at' | null;
  preview: PowerPreview | undefined;
  timeZone: string;
  onClose: () => void;
}

/** The last question before sending: how many will get it and how many are held out. */
export function ScheduleDialog({ broadcast, mode, preview, timeZone, onClose }: Props) {
  const { t } = useTranslation('broadcasts');
  const schedule = useScheduleBroadcast();
  const [at, setAt] = useState(() => localInputValue(timeZone, 24));
  const sendAt = mode === 'at' ? zonedLocalToIso(at, timeZone) : null;
  const close = () => {
    schedule.reset();
    onClose();
  };
  const confirm = () =>
    schedule.mutate({ id: broadcast.id, body: mode === 'at' && sendAt ? { sendAt } : {} }, { onSuccess: close });
  return (
    <SettingsModal
      opened={mode !== null}
      onClose={close}
      title={mode === 'at' ? t('schedule.titleAt') : t('schedule.titleNow')}
    >
      <Stack>
        {mode === 'at' && (
          <TextInput
            type="datetime-local"
            label={t('schedule.at', { zone: timeZone })}
            value={at}
            onChange={(e) => setAt(e.currentTarget.value)}
            required
          />
        )}
        <Text data-testid="schedule-message">
          {t('schedule.message', { treated: preview?.treated ?? '—', holdout: preview?.holdout ?? '—' })}
        </Text>
        <ErrorAlert error={schedule.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close} disabled={schedule.isPending}>
            {t('common:actions.cancel')}
          </Button>
          <Button onClick={confirm} loading={schedule.isPending} disabled={mode === 'at' && !sendAt} data-autofocus>
            {mode === 'at' ? t('schedule.confirmAt') : t('schedule.confirmNow')}
          </Button>
        </Group>
      </Stack>
    </SettingsModal>
  );
}
