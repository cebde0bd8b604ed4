import { Stack, Text } from '@mantine/core';
import type { Customer } from '@kayoi/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { CustomerSearch } from '../../checkout/customer/CustomerSearch';
import { SelectedCustomer } from '../../checkout/customer/SelectedCustomer';

/**
 * The customer a template is previewed for: the first of the customer list until someone is
 * picked, so a new template previews at once; "change" opens the search.
 */
export function usePreviewCustomer() {
  const first = useQuery({
    queryKey: ['customers', 'template-preview-first'],
    queryFn: () => api<{ items: Customer[] }>('/customers', { query: { limit: 1 } }).then((r) => r.items[0] ?? null),
    staleTime: 60_000,
  });
  // undefined: not chosen yet (the first customer stands in); null: cleared to search for another.
  const [picked, setPicked] = useState<Customer | null | undefined>(undefined);
  const customer = picked === undefined ? (first.data ?? null) : picked;
  return { customer, pick: setPicked };
}

/** The counter's customer search, reused. */
export function CustomerPicker({
  customer,
  onChange,
}: {
  customer: Customer | null;
  onChange: (customer: Customer | null) => void;
}) {
  const { t } = useTranslation('templates');
  return (
    <Stack gap={4} role="group" aria-label={t('preview.customer')}>
      <Text size="sm" fw={500}>
        {t('preview.customer')}
      </Text>
      {customer ? (
        <SelectedCustomer customer={customer} onClear={() => onChange(null)} />
      ) : (
        <CustomerSearch onPick={onChange} />
      )}
    </Stack>
  );
}
