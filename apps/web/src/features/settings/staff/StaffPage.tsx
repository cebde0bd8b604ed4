import { ActionIcon, Badge, Stack, Text, Tooltip } from '@mantine/core';
import type { Store, User } from '@kayoi/contracts';
import { IconPencil, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { referenceKeys, useStores, useUsers } from '../../../api/reference';
import { useCan } from '../../../auth/session';
import { ArchiveDialog } from '../components/ArchiveDialog';
import { PageHeader } from '../components/PageHeader';
import { ArchivableRecords } from '../components/ArchivableRecords';
import type { Column } from '../components/RecordList';
import { SettingsModal } from '../components/SettingsModal';
import { StatusBadge } from '../components/StatusBadge';
import { useArchiveFlow } from '../hooks/useArchiveFlow';
import { useEditor } from '../hooks/useEditor';
import { RoleBadge, RoleGuide } from './RoleGuide';
import { StaffForm } from './StaffForm';

function storeNames(user: User, stores: Store[]): string {
  const names = user.storeIds.map((id) => stores.find((s) => s.id === id)?.name).filter(Boolean);
  return names.length > 0 ? names.join('、') : '—';
}

export function StaffPage() {
  const { t } = useTranslation('settings');
  const canManage = useCan('users.manage');
  const users = useUsers();
  const stores = useStores().data ?? [];
  const editor = useEditor<User>();
  // DELETE /users/{id} deactivates and ends the person's sessions; their visits keep their name.
  const flow = useArchiveFlow<User>('/users', referenceKeys.users, {
    restorePatch: { active: true },
    archivedMessage: 'deactivated',
    restoredMessage: 'reactivated',
  });

  const columns: Column<User>[] = [
    {
      key: 'name',
      header: t('staff.name'),
      cell: (u) => (
        <div>
          <Text fw={500}>{u.name}</Text>
          {u.nameKana && (
            <Text size="xs" c="dimmed">
              {u.nameKana}
            </Text>
          )}
        </div>
      ),
    },
    { key: 'role', header: t('staff.role'), cell: (u) => <RoleBadge role={u.role} /> },
    { key: 'email', header: t('staff.email'), cell: (u) => <Text size="sm">{u.email ?? '—'}</Text> },
    { key: 'stores', header: t('staff.stores'), cell: (u) => storeNames(u, stores) },
    {
      key: 'login',
      header: t('staff.login'),
      cell: (u) =>
        u.canLogIn ? (
          <Badge variant="outline">{t('staff.canLogIn')}</Badge>
        ) : (
          <Text size="sm" c="dimmed">
            {t('staff.noLogin')}
          </Text>
        ),
    },
    {
      key: 'status',
      header: t('list.status'),
      cell: (u) => <StatusBadge archived={!u.active} inactiveLabel={t('staff.inactive')} />,
    },
  ];

  const actions = (u: User) => {
    const edit = t('list.editNamed', { name: u.name });
    const toggle = u.active
      ? t('staff.deactivateNamed', { name: u.name })
      : t('staff.reactivateNamed', { name: u.name });
    return (
      <>
        <Tooltip label={edit}>
          <ActionIcon variant="subtle" onClick={() => editor.openEdit(u)} aria-label={edit}>
            <IconPencil size={18} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label={toggle}>
          <ActionIcon
            variant="subtle"
            color={u.active ? 'red' : 'teal'}
            onClick={() => (u.active ? flow.ask(u) : flow.restore.mutate(u))}
            aria-label={toggle}
          >
            {u.active ? <IconUserOff size={18} /> : <IconUserCheck size={18} />}
          </ActionIcon>
        </Tooltip>
      </>
    );
  };

  return (
    <Stack>
      <PageHeader
        title={t('staff.title')}
        description={t('staff.description')}
        addLabel={canManage ? t('staff.add') : null}
        onAdd={editor.openNew}
      />
      <ArchivableRecords
        query={users}
        label={t('staff.title')}
        empty={t('staff.empty')}
        columns={columns}
        isArchived={(u) => !u.active}
        nameOf={(u) => u.name}
        flow={flow}
        {...(canManage ? { onEdit: editor.openEdit } : {})}
        actions={actions}
        showArchivedLabel={(count) => t('staff.showInactive', { count })}
      />
      <RoleGuide />
      <SettingsModal
        opened={editor.opened}
        onClose={editor.close}
        title={editor.isNew ? t('staff.add') : t('staff.edit')}
      >
        <StaffForm key={editor.session} user={editor.record} stores={stores} onDone={editor.close} />
      </SettingsModal>
      <ArchiveDialog
        flow={flow}
        nameOf={(u) => u.name}
        titleKey="staff.deactivateTitle"
        messageKey="staff.deactivateMessage"
        confirmKey="staff.deactivate"
      />
    </Stack>
  );
}
