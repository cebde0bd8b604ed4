import { ActionIcon, Tooltip } from '@mantine/core';
import { IconArchive, IconPencil, IconRestore } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** Spoken with each button, so "編集" is never ambiguous in a list of ten. */
  name: string;
  archived: boolean;
  onEdit: () => void;
  onArchive: () => void;
  onRestore: () => void;
  archiveLabel?: string;
  restoreLabel?: string;
}

export function RowActions({ name, archived, onEdit, onArchive, onRestore, archiveLabel, restoreLabel }: Props) {
  const { t } = useTranslation('settings');
  const edit = t('list.editNamed', { name });
  const archive = archiveLabel ?? t('list.archiveNamed', { name });
  const restore = restoreLabel ?? t('list.restoreNamed', { name });
  return (
    <>
      <Tooltip label={edit}>
        <ActionIcon variant="subtle" onClick={onEdit} aria-label={edit}>
          <IconPencil size={18} />
        </ActionIcon>
      </Tooltip>
      {archived ? (
        <Tooltip label={restore}>
          <ActionIcon variant="subtle" color="teal" onClick={onRestore} aria-label={restore}>
            <IconRestore size={18} />
          </ActionIcon>
        </Tooltip>
      ) : (
        <Tooltip label={archive}>
          <ActionIcon variant="subtle" color="red" onClick={onArchive} aria-label={archive}>
            <IconArchive size={18} />
          </ActionIcon>
        </Tooltip>
      )}
    </>
  );
}
