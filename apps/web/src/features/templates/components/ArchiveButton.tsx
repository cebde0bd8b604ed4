import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { MessageTemplate } from '@kayoi/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../settings/components/ConfirmDialog';
import { useArchiveTemplate } from '../api';

/** Archiving asks first; restoring does not (it only brings the template back to the list). */
export function ArchiveButton({ template }: { template: MessageTemplate }) {
  const { t } = useTranslation('templates');
  const [opened, setOpened] = useState(false);
  const archive = useArchiveTemplate();
  if (template.archived) {
    return (
      <Button
        variant="light"
        loading={archive.isPending}
        onClick={() =>
          archive.mutate(
            { id: template.id, archived: false },
            { onSuccess: () => notifications.show({ color: 'teal', message: t('restore.done') }) },
          )
        }
      >
        {t('restore.button')}
      </Button>
    );
  }
  return (
    <>
      <Button variant="subtle" color="red" onClick={() => setOpened(true)}>
        {t('archive.button')}
      </Button>
      <ConfirmDialog
        opened={opened}
        title={t('archive.title')}
        message={t('archive.message', { name: template.name })}
        confirmLabel={t('archive.confirm')}
        pending={archive.isPending}
        error={archive.error}
        onClose={() => setOpened(false)}
        onConfirm={() =>
          archive.mutate(
            { id: template.id, archived: true },
            {
              onSuccess: () => {
                setOpened(false);
                notifications.show({ color: 'teal', message: t('archive.done') });
              },
            },
          )
        }
      />
    </>
  );
}
