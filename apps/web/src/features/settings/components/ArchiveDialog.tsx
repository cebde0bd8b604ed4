import { useTranslation } from 'react-i18next';
import type { ArchiveFlow } from '../hooks/useArchiveFlow';
import { ConfirmDialog } from './ConfirmDialog';

interface Props<T extends { id: string }> {
  flow: ArchiveFlow<T>;
  nameOf: (row: T) => string;
  /** Key in the settings namespace for the explanation ({{name}} is the record). */
  messageKey: string;
  titleKey?: string;
  confirmKey?: string;
}

export function ArchiveDialog<T extends { id: string }>({ flow, nameOf, messageKey, titleKey, confirmKey }: Props<T>) {
  const { t } = useTranslation('settings');
  const name = flow.target ? nameOf(flow.target) : '';
  return (
    <ConfirmDialog
      opened={flow.opened}
      title={t(titleKey ?? 'list.archiveTitle', { name })}
      message={t(messageKey, { name })}
      confirmLabel={t(confirmKey ?? 'list.archive')}
      onConfirm={flow.confirm}
      onClose={flow.close}
      pending={flow.archive.isPending}
      error={flow.archive.error}
    />
  );
}
