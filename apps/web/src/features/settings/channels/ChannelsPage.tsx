import { Stack, Text } from '@mantine/core';
import type { Channel } from '@kayoi/contracts';
import { useTranslation } from 'react-i18next';
import { referenceKeys, useChannels } from '../../../api/reference';
import { useCan } from '../../../auth/session';
import { ArchiveDialog } from '../components/ArchiveDialog';
import { PageHeader } from '../components/PageHeader';
import { ArchivableRecords } from '../components/ArchivableRecords';
import type { Column } from '../components/RecordList';
import { SettingsModal } from '../components/SettingsModal';
import { StatusBadge } from '../components/StatusBadge';
import { useArchiveFlow } from '../hooks/useArchiveFlow';
import { useEditor } from '../hooks/useEditor';
import { AdSpendPanel } from './AdSpendPanel';
import { ChannelForm } from './ChannelForm';

export function ChannelsPage() {
  const { t } = useTranslation('settings');
  const canManage = useCan('settings.manage');
  const channels = useChannels();
  const editor = useEditor<Channel>();
  const flow = useArchiveFlow<Channel>('/channels', referenceKeys.channels, { restorePatch: { archived: false } });

  const columns: Column<Channel>[] = [
    { key: 'name', header: t('channels.name'), cell: (c) => <Text fw={500}>{c.name}</Text> },
    { key: 'kind', header: t('channels.kind'), cell: (c) => t(`channels.kinds.${c.kind}`) },
    { key: 'status', header: t('list.status'), cell: (c) => <StatusBadge archived={c.archived} /> },
  ];

  return (
    <Stack>
      <PageHeader
        title={t('channels.title')}
        description={t('channels.description')}
        addLabel={canManage ? t('channels.add') : null}
        onAdd={editor.openNew}
      />
      <ArchivableRecords
        query={channels}
        label={t('channels.title')}
        empty={t('channels.empty')}
        columns={columns}
        isArchived={(c) => c.archived}
        nameOf={(c) => c.name}
        flow={flow}
        {...(canManage ? { onEdit: editor.openEdit } : {})}
        footer={(all) => <AdSpendPanel channels={all} />}
      />
      <SettingsModal
        opened={editor.opened}
        onClose={editor.close}
        title={editor.isNew ? t('channels.add') : t('channels.edit')}
      >
        <ChannelForm key={editor.session} channel={editor.record} onDone={editor.close} />
      </SettingsModal>
      <ArchiveDialog flow={flow} nameOf={(c) => c.name} messageKey="channels.archiveMessage" />
    </Stack>
  );
}
