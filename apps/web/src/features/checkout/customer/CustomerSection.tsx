import { Skeleton } from '@mantine/core';
import type { Customer } from '@kayoi/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Section } from '../components/Section';
import { CustomerSearch } from './CustomerSearch';
import { NewCustomerForm } from './NewCustomerForm';
import { prefillFrom, type NewCustomerValues } from './prefill';
import { SelectedCustomer } from './SelectedCustomer';

interface Props {
  customer: Customer | null;
  /** The customer named in the address (?customerId=) while it loads, or why it did not. */
  loading: boolean;
  error: unknown;
  canCreate: boolean;
  onPick: (customer: Customer) => void;
  onClear: () => void;
}

export function CustomerSection({ customer, loading, error, canCreate, onPick, onClear }: Props) {
  const { t } = useTranslation('checkout');
  const [creating, setCreating] = useState<NewCustomerValues | null>(null);
  let body;
  if (customer) body = <SelectedCustomer customer={customer} onClear={onClear} />;
  else if (loading) body = <Skeleton height={48} radius="md" aria-label={t('customer.loading')} />;
  else if (creating)
    body = (
      <NewCustomerForm
        initialValues={creating}
        onCancel={() => setCreating(null)}
        onCreated={(created) => {
          setCreating(null);
          onPick(created);
        }}
      />
    );
  else
    body = (
      <>
        <ErrorAlert error={error} />
        <CustomerSearch onPick={onPick} onNew={canCreate ? (typed) => setCreating(prefillFrom(typed)) : undefined} />
      </>
    );
  return <Section title={t('customer.section')}>{body}</Section>;
}
