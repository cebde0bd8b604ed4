import { Table, Text } from '@mantine/core';
import type { Customer } from '@kayoi/contracts';
import { useTranslation } from 'react-i18next';
import { formatDate, formatYen } from '../../../lib/format';
import { formatPhone, useTimeZone } from '../display';
import classes from './CustomerTable.module.css';
import { CustomerName } from '../parts/CustomerName';
import { TagBadges } from '../parts/TagBadges';

interface Props {
  customers: Customer[];
  /** Phone and tags; a viewer without personal data gets neither. */
  personal: boolean;
  onOpen: (customer: Customer) => void;
}

/** Rows are focusable and open on Enter as well as on a click: the counter uses a keyboard too. */
export function CustomerTable({ customers, personal, onOpen }: Props) {
  const { t } = useTranslation('customers');
  const timeZone = useTimeZone();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table highlightOnHover verticalSpacing="xs" aria-label={t('list.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('list.col.name')}</Table.Th>
            {personal && <Table.Th>{t('list.col.phone')}</Table.Th>}
            <Table.Th>{t('list.col.lastVisit')}</Table.Th>
            <Table.Th ta="right">{t('list.col.visits')}</Table.Th>
            <Table.Th ta="right">{t('list.col.revenue')}</Table.Th>
            {personal && <Table.Th>{t('list.col.tags')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {customers.map((c) => (
            <Table.Tr
              key={c.id}
              tabIndex={0}
              className={classes.row}
              onClick={() => onOpen(c)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') onOpen(c);
              }}
            >
              <Table.Td maw={240}>
                <CustomerName customer={c} />
              </Table.Td>
              {personal && (
                <Table.Td>
                  <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {formatPhone(c.phone) || '—'}
                  </Text>
                </Table.Td>
              )}
              <Table.Td>
                <Text size="sm">{formatDate(c.stats.lastVisitAt, timeZone)}</Text>
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm">{c.stats.visitCount}</Text>
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm">{formatYen(c.stats.revenueTotal)}</Text>
              </Table.Td>
              {personal && (
                <Table.Td>
                  <TagBadges tags={c.tags} />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
