import { Anchor, Stack } from '@mantine/core';
import type { Segment } from '@kayoi/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCan, useTimeZone } from '../../../auth/session';
import { formatDateTime } from '../../../lib/format';
import { PageHeader } from '../../settings/components/PageHeader';
import { QueryState } from '../../settings/components/QueryState';
import { RecordList, type Column } from '../../settings/components/RecordList';
import { useSegmentList } from '../api';

/** /segments: the saved segments with how many customers each matches now. */
export function SegmentsListPage() {
  const { t } = useTranslation('segments');
  const navigate = useNavigate();
  const canManage = useCan('segments.manage');
  const timeZone = useTimeZone();
  const segments = useSegmentList();
  const columns: Column<Segment>[] = [
    {
      key: 'name',
      header: t('columns.name'),
      cell: (s) => (
        <Anchor component={Link} to={`/segments/${s.id}`}>
          {s.name}
        </Anchor>
      ),
    },
    {
      key: 'count',
      header: t('columns.count'),
      numeric: true,
      cell: (s) => (s.customerCount === null ? '—' : t('people', { count: s.customerCount })),
    },
    { key: 'updated', header: t('columns.updated'), cell: (s) => formatDateTime(s.updatedAt, timeZone) },
  ];
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
        {(items) => (
          <RecordList label={t('title')} rows={items} rowKey={(s) => s.id} columns={columns} empty={t('empty')} />
        )}
      </QueryState>
    </Stack>
  );
}
