import { Anchor, Badge, Group, Stack } from '@mantine/core';
import type { MessageTemplate } from '@kayoi/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCan, useTimeZone } from '../../../auth/session';
import { formatDateTime } from '../../../lib/format';
import { PageHeader } from '../../settings/components/PageHeader';
import { QueryState } from '../../settings/components/QueryState';
import { RecordList, type Column } from '../../settings/components/RecordList';
import { ShowArchivedSwitch } from '../../settings/components/ShowArchivedSwitch';
import { useTemplateList } from '../api';

/** /templates: the saved templates, newest change first; archived ones behind a switch. */
export function TemplatesListPage() {
  const { t } = useTranslation('templates');
  const navigate = useNavigate();
  const canManage = useCan('templates.manage');
  const timeZone = useTimeZone();
  const templates = useTemplateList();
  const [showArchived, setShowArchived] = useState(false);
  const columns: Column<MessageTemplate>[] = [
    {
      key: 'name',
      header: t('columns.name'),
      cell: (x) => (
        <Group gap="xs" wrap="nowrap">
          <Anchor component={Link} to={`/templates/${x.id}`}>
            {x.name}
          </Anchor>
          {x.archived && (
            <Badge size="sm" color="gray" variant="light">
              {t('archivedBadge')}
            </Badge>
          )}
        </Group>
      ),
    },
    { key: 'channel', header: t('columns.channel'), cell: (x) => t(`channel.${x.channel}`) },
    {
      key: 'languages',
      header: t('columns.languages'),
      // Japanese is always there; English only when added.
      cell: (x) => (x.en ? `${t('languages.ja')}・${t('languages.en')}` : t('languages.ja')),
    },
    { key: 'updated', header: t('columns.updated'), cell: (x) => formatDateTime(x.updatedAt, timeZone) },
  ];
  return (
    <Stack gap="md">
      <PageHeader
        title={t('title')}
        description={t('description')}
        addLabel={canManage ? t('new') : null}
        onAdd={() => void navigate('/templates/new')}
      />
      <QueryState query={templates}>
        {(all) => {
          const archivedCount = all.filter((x) => x.archived).length;
          const items = all
            .filter((x) => showArchived || !x.archived)
            .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
          return (
            <Stack gap="sm">
              <ShowArchivedSwitch
                checked={showArchived}
                onChange={setShowArchived}
                count={archivedCount}
                label={t('showArchived', { count: archivedCount })}
              />
              <RecordList
                label={t('title')}
                rows={items}
                rowKey={(x) => x.id}
                columns={columns}
                empty={t('empty')}
                dimmed={(x) => x.archived}
              />
            </Stack>
          );
        }}
      </QueryState>
    </Stack>
  );
}
