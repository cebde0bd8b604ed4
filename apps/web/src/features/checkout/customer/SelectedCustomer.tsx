import { Avatar, Button, Group, Stack, Text } from '@mantine/core';
import type { Customer } from '@kayoi/contracts';
import { useTranslation } from 'react-i18next';
import { customerKana, customerName } from '../model/defaults';

/** The customer being checked out, with a way back to the search if the wrong one was picked. */
export function SelectedCustomer({ customer, onClear }: { customer: Customer; onClear: () => void }) {
  const { t } = useTranslation('checkout');
  const name = customerName(customer) || t('customer.unnamed');
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm" data-testid="selected-customer">
      <Group wrap="nowrap" gap="sm" miw={0}>
        <Avatar color="teal" radius="xl" aria-hidden>
          {name.slice(0, 1)}
        </Avatar>
        <Stack gap={0} miw={0}>
          <Text fw={700} truncate>
            {t('customer.honorific', { name })}
          </Text>
          <Text size="sm" c="dimmed" truncate>
            {[customerKana(customer), customer.phone].filter(Boolean).join(' · ')}
          </Text>
        </Stack>
      </Group>
      <Button variant="light" size="compact-md" onClick={onClear} aria-label={t('customer.change')}>
        {t('customer.changeShort')}
      </Button>
    </Group>
  );
}
