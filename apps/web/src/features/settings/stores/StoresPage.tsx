import { Stack, Text } from '@mantine/core';
import type { Store } from '@kayoi/contracts';
import { useTranslation } from 'react-i18next';
import { referenceKeys, useStores } from '../../../api/reference';
import { useCan } from '../../../auth/session';
import { ArchiveDialog } from '../components/ArchiveDialog';
import { PageHeader } from '../components/PageHeader';
import { ArchivableRecords } from '../components/ArchivableRecords';
import type { Column } from '../components/RecordList';
import { SettingsModal } from '../components/SettingsModal';
import { StatusBadge } from '../components/StatusBadge';
import { useArchiveFlow } from '../hooks/useArchiveFlow';
import { useEditor } from '../hooks/useEditor';
import { StoreForm } from './StoreForm';

export function StoresPage() {
  const { t } = useTranslation('settings');
  const canManage = useCan('settings.manage');
  const stores = useStores();
  const editor = useEditor<Store>();
  const flow = useArchiveFlow<Store>('/stores', referenceKeys.stores, { restorePatch: { archived: false } });

  const columns: Column<Store>[] = [
    { key: 'name', header: t('stores.name'), cell: (s) => <Text fw={500}>{s.name}</Text> },
    { key: 'address', header: t('stores.address'), cell: (s) => s.address ?? '—' },
    { key: 'phone', header: t('stores.phone'), cell: (s) => s.phone ?? '—' },
    { key: 'status', header: t('list.status'), cell: (s) => <StatusBadge archived={s.archived} /> },
  ];

  return (
    <Stack>
      <PageHeader
        title={t('stores.title')}
        description={t('stores.description')}
        addLabel={canManage ? t('stores.add') : null}
        onAdd={editor.openNew}
      />
      <ArchivableRecords
        query={stores}
        label={t('stores.title')}
        empty={t('stores.empty')}
        columns={columns}
        isArchived={(s) => s.archived}
        nameOf={(s) => s.name}
        flow={flow}
        {...(canManage ? { onEdit: editor.openEdit } : {})}
      />
      <SettingsModal
        opened={editor.opened}
        onClose={editor.close}
        title={editor.isNew ? t('stores.add') : t('stores.edit')}
      >
        <StoreForm key={editor.session} store={editor.record} onDone={editor.close} />
      </SettingsModal>
      <ArchiveDialog flow={flow} nameOf={(s) => s.name} messageKey="stores.archiveMessage" />
    </Stack>
  );
}
