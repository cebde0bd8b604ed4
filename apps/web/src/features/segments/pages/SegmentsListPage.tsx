import { Anchor, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCan, useTimeZone } from '../../../auth/session';
import { formatDateTime } from '../../../lib/format';
import { PageHeader } from '../../settings/components/PageHeader';
import { QueryState } from '../../settings/components/QueryState';
import { useSegmentList } from '../api';

/** /segments: the saved segments with how many customers each matches now. */
export function SegmentsListPage() {
  const { t } = useTranslation('segments');
  const navigate = useNavigate();
  const canManage = useCan('segments.manage');
  const timeZone = useTimeZone();
  const segments = useSegmentList();
  return (
    <Stack gap="md">
      <PageHeader
        title={t('title')}
        description={t('description')}
        addLabel={canManage ? t('new') : null}
        onAdd={() => void navigate('/segments/new')}
      />
      {!canManage && (
        <Anchor component={Link} to="/segments/new" size="sm">
          {t('tryRule')}
        </Anchor>
      )}
      <QueryState query={segments}>
        {(items) =>
          items.length === 0 ? (
            <Text c="dimmed">{t('empty')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={0}>
              <Table aria-label={t('title')} highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('columns.name')}</Table.Th>
                    <Table.Th ta="right">{t('columns.count')}</Table.Th>
                    <Table.Th visibleFrom="xs">{t('columns.updated')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((s) => (
                    <Table.Tr key={s.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/segments/${s.id}`}>
                          {s.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td ta="right">
                        {s.customerCount === null ? '—' : t('people', { count: s.customerCount })}
                      </Table.Td>
                      <Table.Td visibleFrom="xs">{formatDateTime(s.updatedAt, timeZone)}</Table.Td>
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
