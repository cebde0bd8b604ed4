import { Anchor, Stack } from '@mantine/core';
import type { Broadcast } from '@kayoi/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCan, useTimeZone } from '../../../auth/session';
import { PageHeader } from '../../settings/components/PageHeader';
import { QueryState } from '../../settings/components/QueryState';
import { RecordList, type Column } from '../../settings/components/RecordList';
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
  const count = (key: keyof Broadcast['counts'], header: string): Column<Broadcast> => ({
    key,
    header,
    numeric: true,
    cell: (b) => b.counts[key],
  });
  const columns: Column<Broadcast>[] = [
    {
      key: 'name',
      header: t('columns.name'),
      cell: (b) => (
        <Anchor component={Link} to={`/broadcasts/${b.id}`}>
          {b.name}
        </Anchor>
      ),
    },
    { key: 'status', header: t('columns.status'), cell: (b) => <BroadcastStatusBadge status={b.status} /> },
    {
      key: 'when',
      header: t('columns.when'),
      cell: (b) => {
        const when = whenOf(b, timeZone);
        return t(when.key, { date: when.date });
      },
    },
    count('sent', t('columns.sent')),
    count('held_out', t('columns.heldOut')),
    count('skipped', t('columns.skipped')),
    count('failed', t('columns.failed')),
  ];
  return (
    <Stack gap="md">
      <PageHeader
        title={t('title')}
        description={t('description')}
        addLabel={canManage ? t('new') : null}
        onAdd={() => void navigate('/broadcasts/new')}
      />
      <QueryState query={broadcasts}>
        {(items) => (
          <RecordList label={t('title')} rows={items} rowKey={(b) => b.id} columns={columns} empty={t('empty')} />
        )}
      </QueryState>
    </Stack>
  );
}
