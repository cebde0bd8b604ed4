import { Group, Stack, Text, UnstyledButton } from '@mantine/core';
import type { Customer } from '@kayoi/contracts';
import { useTranslation } from 'react-i18next';
import { formatDate, formatYen } from '../../../lib/format';
import { formatPhone, useTimeZone } from '../display';
import { CustomerName } from '../parts/CustomerName';
import { TagBadges } from '../parts/TagBadges';

interface Props {
  customers: Customer[];
  /** Phone and tags; a viewer without personal data gets neither. */
  personal: boolean;
  onOpen: (customer: Customer) => void;
}

/** The list on a phone: one tappable card per customer instead of a table to scroll sideways. */
export function CustomerCards({ customers, personal, onOpen }: Props) {
  const { t } = useTranslation('customers');
  const timeZone = useTimeZone();
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('list.tableLabel')}>
      {customers.map((c) => (
        <li key={c.id}>
          <UnstyledButton
            onClick={() => onOpen(c)}
            p="sm"
            w="100%"
            style={{
              display: 'block',
              border: '1px solid var(--mantine-color-default-border)',
              borderRadius: 'var(--mantine-radius-md)',
            }}
          >
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <CustomerName customer={c} />
              <Stack gap={0} align="flex-end" style={{ flexShrink: 0 }}>
                <Text size="xs" c="dimmed">
                  {t('list.col.lastVisit')}
                </Text>
                <Text size="sm">{formatDate(c.stats.lastVisitAt, timeZone)}</Text>
              </Stack>
            </Group>
            <Group justify="space-between" mt={6} wrap="nowrap">
              <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }} c={c.phone ? undefined : 'dimmed'}>
                {personal ? formatPhone(c.phone) || '—' : ''}
              </Text>
              <Text size="sm">
                {t('list.visitsShort', { count: c.stats.visitCount })} · {formatYen(c.stats.revenueTotal)}
              </Text>
            </Group>
            {c.tags.length > 0 && (
              <Group mt={6}>
                <TagBadges tags={c.tags} />
              </Group>
            )}
          </UnstyledButton>
        </li>
      ))}
    </Stack>
  );
}
