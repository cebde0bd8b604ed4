import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { useCustomerDeliveries } from '../../broadcasts/api';
import { DeliveryStatusBadge } from '../../broadcasts/components/StatusBadge';
import { useTimeZone } from '../display';
import { PagedKarteCard } from './PagedKarteCard';

/** 配信履歴: what Kayoi sent this customer (or held back, or could not send), newest first. */
export function DeliveriesCard({ customerId }: { customerId: string }) {
  const { t } = useTranslation('broadcasts');
  const timeZone = useTimeZone();
  const query = useCustomerDeliveries(customerId);
  return (
    <PagedKarteCard title={t('karte.title')} query={query} empty={t('karte.empty')}>
      {(rows) => (
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
    </PagedKarteCard>
  );
}
