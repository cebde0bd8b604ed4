import { Button, Center, Loader, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../lib/format';
import { useCustomerDeliveries } from '../../broadcasts/api';
import { DeliveryStatusBadge } from '../../broadcasts/components/StatusBadge';
import { useTimeZone } from '../display';
import { KarteCard } from './Card';

/** 配信履歴: what Kayoi sent this customer (or held back, or could not send), newest first. */
export function DeliveriesCard({ customerId }: { customerId: string }) {
  const { t } = useTranslation(['broadcasts', 'common']);
  const timeZone = useTimeZone();
  const query = useCustomerDeliveries(customerId);
  const rows = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <KarteCard title={t('karte.title')}>
      <ErrorAlert error={query.error} />
      {query.isPending ? (
        <Center p="md">
          <Loader size="sm" aria-label={t('common:common.loading')} />
        </Center>
      ) : rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('karte.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={0}>
          <Table aria-label={t('karte.title')} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('karte.campaign')}</Table.Th>
                <Table.Th>{t('karte.channel')}</Table.Th>
                <Table.Th>{t('karte.status')}</Table.Th>
                <Table.Th visibleFrom="xs">{t('karte.sentAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((d) => (
                <Table.Tr key={d.id} data-delivery={d.id}>
                  <Table.Td>
                    <Text size="sm">{d.campaignName}</Text>
                    {d.reason && (
                      <Text size="xs" c="dimmed">
                        {t(`reason.${d.reason}`)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{d.channel ? t(`channel.${d.channel}`) : t('channel.none')}</Table.Td>
                  <Table.Td>
                    <DeliveryStatusBadge status={d.status} />
                  </Table.Td>
                  <Table.Td visibleFrom="xs" style={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(d.sentAt, timeZone)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {query.hasNextPage && (
        <Center mt="md">
          <Button variant="default" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
            {t('common:actions.more')}
          </Button>
        </Center>
      )}
    </KarteCard>
  );
}
