import { Anchor, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCan, useTimeZone } from '../../../auth/session';
import { PageHeader } from '../../settings/components/PageHeader';
import { QueryState } from '../../settings/components/QueryState';
import { useBroadcastList } from '../api';
import { whenOf } from '../display';
import { BroadcastStatusBadge } from '../components/StatusBadge';

/** /broadcasts: every broadcast, newest first, with what happened to its messages. */
export function BroadcastsListPage() {
  const { t } = useTranslation('broadcasts');
  const navigate = useNavigate();
  const canManage = useCan('broadcasts.manage');
  const timeZone = useTimeZone();
  const broadcasts = useBroadcastList();
  return (
    <Stack gap="md">
      <PageHeader
        title={t('title')}
        description={t('description')}
        addLabel={canManage ? t('new') : null}
        onAdd={() => void navigate('/broadcasts/new')}
      />
      <QueryState query={broadcasts}>
        {(items) =>
          items.length === 0 ? (
            <Text c="dimmed">{t('empty')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={0}>
              <Table aria-label={t('title')} highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('columns.name')}</Table.Th>
                    <Table.Th>{t('columns.status')}</Table.Th>
                    <Table.Th visibleFrom="sm">{t('columns.when')}</Table.Th>
                    <Table.Th ta="right">{t('columns.sent')}</Table.Th>
                    <Table.Th ta="right" visibleFrom="xs">
                      {t('columns.heldOut')}
                    </Table.Th>
                    <Table.Th ta="right" visibleFrom="sm">
                      {t('columns.skipped')}
                    </Table.Th>
                    <Table.Th ta="right" visibleFrom="sm">
                      {t('columns.failed')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((b) => (
                    <Table.Tr key={b.id} data-broadcast={b.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/broadcasts/${b.id}`}>
                          {b.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <BroadcastStatusBadge status={b.status} />
                      </Table.Td>
                      <Table.Td visibleFrom="sm">
                        {t(whenOf(b, timeZone).key, { date: whenOf(b, timeZone).date })}
                      </Table.Td>
                      <Table.Td ta="right">{b.counts.sent}</Table.Td>
                      <Table.Td ta="right" visibleFrom="xs">
                        {b.counts.held_out}
                      </Table.Td>
                      <Table.Td ta="right" visibleFrom="sm">
                        {b.counts.skipped}
                      </Table.Td>
                      <Table.Td ta="right" visibleFrom="sm">
                        {b.counts.failed}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
    </Stack>
  );
}
