import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Broadcast } from '@kayoi/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../settings/components/ConfirmDialog';
import { useCancelBroadcast } from '../api';

/** Stops a broadcast that has not finished; what was sent stays sent. */
export function CancelButton({ broadcast }: { broadcast: Broadcast }) {
  const { t } = useTranslation('broadcasts');
  const [opened, setOpened] = useState(false);
  const cancel = useCancelBroadcast();
  return (
    <>
      <Button variant="subtle" color="red" onClick={() => setOpened(true)}>
        {t('cancel.button')}
      </Button>
      <ConfirmDialog
        opened={opened}
        title={t('cancel.title')}
        message={t('cancel.message')}
        confirmLabel={t('cancel.confirm')}
        pending={cancel.isPending}
        error={cancel.error}
        onClose={() => {
          cancel.reset();
          setOpened(false);
        }}
        // mutateAsync: the cancelled broadcast re-renders the page without this button.
        onConfirm={() =>
          void cancel
            .mutateAsync({ id: broadcast.id })
            .then(() => notifications.show({ color: 'teal', message: t('cancel.done') }))
            .catch(() => undefined)
        }
      />
    </>
  );
}
