import { Badge, Code, Group, Stack, Text } from '@mantine/core';
import type { AttributeDefinition } from '@kayoi/contracts';
import { useTranslation } from 'react-i18next';
import { referenceKeys, useAttributes } from '../../../api/reference';
import { useCan } from '../../../auth/session';
import { ArchiveDialog } from '../components/ArchiveDialog';
import { PageHeader } from '../components/PageHeader';
import { ArchivableRecords } from '../components/ArchivableRecords';
import type { Column } from '../components/RecordList';
import { SettingsModal } from '../components/SettingsModal';
import { StatusBadge } from '../components/StatusBadge';
import { useArchiveFlow } from '../hooks/useArchiveFlow';
import { useEditor } from '../hooks/useEditor';
import { AttributeForm } from './AttributeForm';

const SHOWN_OPTIONS = 5;

function OptionBadges({ attribute }: { attribute: AttributeDefinition }) {
  const { t } = useTranslation('settings');
  if (attribute.options.length === 0) return <>—</>;
  const more = attribute.options.length - SHOWN_OPTIONS;
  return (
    <Group gap={4}>
      {attribute.options.slice(0, SHOWN_OPTIONS).map((o) => (
        <Badge key={o.value} variant="default" tt="none">
          {o.label}
        </Badge>
      ))}
      {more > 0 && (
        <Text size="xs" c="dimmed">
          {t('attributes.moreOptions', { count: more })}
        </Text>
      )}
    </Group>
  );
}

export function AttributesPage() {
  const { t } = useTranslation('settings');
  const canManage = useCan('settings.manage');
  const attributes = useAttributes();
  const editor = useEditor<AttributeDefinition>();
  const flow = useArchiveFlow<AttributeDefinition>('/attributes', referenceKeys.attributes, {
    restorePatch: { archived: false },
  });
  const nextPosition = Math.min(10_000, Math.max(0, ...(attributes.data ?? []).map((a) => a.position + 1)));

  const columns: Column<AttributeDefinition>[] = [
    { key: 'label', header: t('attributes.label'), cell: (a) => <Text fw={500}>{a.label}</Text> },
    { key: 'key', header: t('attributes.key'), cell: (a) => <Code>{a.key}</Code> },
    { key: 'type', header: t('attributes.type'), cell: (a) => t(`attributes.types.${a.type}`) },
    { key: 'options', header: t('attributes.options'), cell: (a) => <OptionBadges attribute={a} /> },
    { key: 'position', header: t('attributes.position'), numeric: true, cell: (a) => a.position },
    { key: 'status', header: t('list.status'), cell: (a) => <StatusBadge archived={a.archived} /> },
  ];

  return (
    <Stack>
      <PageHeader
        title={t('attributes.title')}
        description={t('attributes.description')}
        addLabel={canManage ? t('attributes.add') : null}
        onAdd={editor.openNew}
      />
      <ArchivableRecords
        query={attributes}
        label={t('attributes.title')}
        empty={t('attributes.empty')}
        columns={columns}
        isArchived={(a) => a.archived}
        nameOf={(a) => a.label}
        flow={flow}
        {...(canManage ? { onEdit: editor.openEdit } : {})}
      />
      <SettingsModal
        opened={editor.opened}
        onClose={editor.close}
        title={editor.isNew ? t('attributes.add') : t('attributes.edit')}
      >
        <AttributeForm
          key={editor.session}
          attribute={editor.record}
          nextPosition={nextPosition}
          onDone={editor.close}
        />
      </SettingsModal>
      <ArchiveDialog flow={flow} nameOf={(a) => a.label} messageKey="attributes.archiveMessage" />
    </Stack>
  );
}
