import { Anchor, Button, Center, Loader, Select, Stack, Table, Text } from '@mantine/core';
import { deliveryStatuses, type Delivery, type DeliveryStatus } from '@kayoi/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../lib/format';
import { useBroadcastDeliveries } from '../api';
import { DeliveryStatusBadge } from './StatusBadge';

const ALL = 'all';

function Row({ delivery: d, timeZone }: { delivery: Delivery; timeZone: string }) {
  const { t } = useTranslation('broadcasts');
  return (
    <Table.Tr data-delivery={d.id}>
      <Table.Td>
        {/* The log carries no personal data (analysts read it too): the id's tail, linking to the karte. */}
        <Anchor component={Link} to={`/customers/${d.customerId}`} title={t('log.openKarte')} ff="monospace">
          …{d.customerId.slice(-8)}
        </Anchor>
      </Table.Td>
      <Table.Td>{t(`arm.${d.arm}`)}</Table.Td>
      <Table.Td>{d.channel ? t(`channel.${d.channel}`) : t('channel.none')}</Table.Td>
      <Table.Td>
        <DeliveryStatusBadge status={d.status} />
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'normal', minWidth: 160 }}>{d.reason ? t(`reason.${d.reason}`) : ''}</Table.Td>
      <Table.Td style={{ whiteSpace: 'normal', minWidth: 160 }}>
        <Text size="xs" c="dimmed" style={{ wordBreak: 'break-word' }}>
          {d.detail ?? ''}
        </Text>
      </Table.Td>
      <Table.Td ta="right">{d.attempts}</Table.Td>
      <Table.Td ta="right">{d.clicks}</Table.Td>
      <Table.Td>{formatDateTime(d.sentAt, timeZone)}</Table.Td>
    </Table.Tr>
  );
}

/** One row per customer in the API's order, a page at a time, filtered by status. */
export function DeliveryLog({ broadcastId, timeZone, live }: { broadcastId: string; timeZone: string; live: boolean }) {
  const { t } = useTranslation(['broadcasts', 'common']);
  const [status, setStatus] = useState<DeliveryStatus | null>(null);
  const query = useBroadcastDeliveries(broadcastId, status, live);
  const rows = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="sm">
      <Select
        label={t('log.filter')}
        data={[
          { value: ALL, label: t('log.all') },
          ...deliveryStatuses.map((s) => ({ value: s, label: t(`counts.${s}`) })),
        ]}
        value={status ?? ALL}
        onChange={(v) => setStatus(!v || v === ALL ? null : (v as DeliveryStatus))}
        allowDeselect={false}
        maw={260}
      />
      <ErrorAlert error={query.error} />
      {query.isPending ? (
        <Center p="md">
          <Loader size="sm" aria-label={t('common:common.loading')} />
        </Center>
      ) : rows.length === 0 ? (
        <Text c="dimmed">{t('log.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={980}>
          {/* One line per cell, except the reason and the provider's answer, which wrap. */}
          <Table aria-label={t('detail.log')} striped style={{ whiteSpace: 'nowrap' }}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('log.customer')}</Table.Th>
                <Table.Th>{t('log.arm')}</Table.Th>
                <Table.Th>{t('log.channel')}</Table.Th>
                <Table.Th>{t('log.status')}</Table.Th>
                <Table.Th>{t('log.reason')}</Table.Th>
                <Table.Th>{t('log.detail')}</Table.Th>
                <Table.Th ta="right">{t('log.attempts')}</Table.Th>
                <Table.Th ta="right">{t('log.clicks')}</Table.Th>
                <Table.Th>{t('log.sentAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((d) => (
                <Row key={d.id} delivery={d} timeZone={timeZone} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {query.hasNextPage && (
        <Center>
          <Button variant="default" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
            {t('common:actions.more')}
          </Button>
        </Center>
      )}
    </Stack>
  );
}
