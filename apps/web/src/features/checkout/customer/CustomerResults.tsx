import { NavLink, Stack, Text } from '@mantine/core';
import type { Customer } from '@kayoi/contracts';
import { IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../../auth/session';
import { formatDate } from '../../../lib/format';
import { customerKana, customerName } from '../model/defaults';

interface Props {
  customers: readonly Customer[];
  onPick: (customer: Customer) => void;
}

/** Search hits as large buttons; the last visit tells two customers with the same name apart. */
export function CustomerResults({ customers, onPick }: Props) {
  const { t } = useTranslation('checkout');
  const timeZone = useTimeZone();
  return (
    <Stack gap={4} role="list" aria-label={t('customer.results')}>
      {customers.map((customer) => (
        <div role="listitem" key={customer.id}>
          <NavLink
            component="button"
            type="button"
            onClick={() => onPick(customer)}
            label={<Text fw={600}>{customerName(customer) || t('customer.unnamed')}</Text>}
            description={[customerKana(customer), customer.phone].filter(Boolean).join(' · ')}
            rightSection={
              <Text size="xs" c="dimmed" component="span">
                {customer.stats.lastVisitAt
                  ? t('customer.lastVisit', { date: formatDate(customer.stats.lastVisitAt, timeZone) })
                  : t('customer.noVisits')}
                <IconChevronRight size={14} style={{ verticalAlign: 'middle' }} aria-hidden />
              </Text>
            }
            styles={{
              root: { borderRadius: 'var(--mantine-radius-md)', border: '1px solid var(--mantine-color-gray-3)' },
            }}
          />
        </div>
      ))}
    </Stack>
  );
}
