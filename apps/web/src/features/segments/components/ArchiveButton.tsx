import { Button } from '@mantine/core';
import type { Segment } from '@kayoi/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ConfirmDialog } from '../../settings/components/ConfirmDialog';
import { useArchiveSegment } from '../api';

/** Archiving asks first: campaigns that used the segment keep it, but it leaves the list. */
export function ArchiveButton({ segment }: { segment: Segment }) {
  const { t } = useTranslation('segments');
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const archive = useArchiveSegment();
  return (
    <>
      <Button variant="subtle" color="red" onClick={() => setOpened(true)}>
        {t('archive.button')}
      </Button>
      <ConfirmDialog
        opened={opened}
        title={t('archive.title')}
        message={t('archive.message', { name: segment.name })}
        confirmLabel={t('archive.confirm')}
        pending={archive.isPending}
        error={archive.error}
        onClose={() => setOpened(false)}
        // mutateAsync, not mutate's callbacks: the archived segment turns the editor read-only and
        // unmounts this button before a per-call onSuccess would run.
        onConfirm={() =>
          void archive
            .mutateAsync(segment.id)
            .then(() => navigate('/segments'))
            .catch(() => undefined)
        }
      />
    </>
  );
}
