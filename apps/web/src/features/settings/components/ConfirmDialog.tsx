import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { SettingsModal } from './SettingsModal';

interface Props {
  opened: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  pending: boolean;
  /** The refusal (e.g. LAST_OWNER) stays in the dialog, next to the action that caused it. */
  error: unknown;
}

/** Asks before archiving or deactivating: these hide the record from every picker. */
export function ConfirmDialog({ opened, title, message, confirmLabel, onConfirm, onClose, pending, error }: Props) {
  const { t } = useTranslation('common');
  return (
    <SettingsModal opened={opened} onClose={onClose} title={title}>
      <Stack>
        <Text>{message}</Text>
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={pending}>
            {t('actions.cancel')}
          </Button>
          <Button color="red" onClick={onConfirm} loading={pending} data-autofocus>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </SettingsModal>
  );
}
