import { Anchor, Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCan, useTimeZone } from '../../../auth/session';
import { formatDateTime } from '../../../lib/format';
import { PageHeader } from '../../settings/components/PageHeader';
import { QueryState } from '../../settings/components/QueryState';
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
              {items.length === 0 ? (
                <Text c="dimmed">{t('empty')}</Text>
              ) : (
                <Table.ScrollContainer minWidth={0}>
                  <Table aria-label={t('title')} highlightOnHover>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('columns.name')}</Table.Th>
                        <Table.Th>{t('columns.channel')}</Table.Th>
                        <Table.Th visibleFrom="xs">{t('columns.languages')}</Table.Th>
                        <Table.Th visibleFrom="xs">{t('columns.updated')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {items.map((x) => (
                        <Table.Tr key={x.id}>
                          <Table.Td>
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
                          </Table.Td>
                          <Table.Td>{t(`channel.${x.channel}`)}</Table.Td>
                          <Table.Td visibleFrom="xs">
                            {/* Japanese is always there; English only when added. */}
                            {x.en ? `${t('languages.ja')}・${t('languages.en')}` : t('languages.ja')}
                          </Table.Td>
                          <Table.Td visibleFrom="xs">{formatDateTime(x.updatedAt, timeZone)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </Stack>
          );
        }}
      </QueryState>
    </Stack>
  );
}
