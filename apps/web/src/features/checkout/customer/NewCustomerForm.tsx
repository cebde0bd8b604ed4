import { Button, Group, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { CustomerCreate, type Customer } from '@kayoi/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { validateWith } from '../../../lib/validation';
import { useCreateCustomer } from '../api';
import type { NewCustomerValues } from './prefill';

const contractRules = validateWith(CustomerCreate);

interface Props {
  initialValues: NewCustomerValues;
  onCreated: (customer: Customer) => void;
  onCancel: () => void;
}

/** Just enough to find the customer again next time; the rest is filled in on the karte. */
export function NewCustomerForm({ initialValues, onCreated, onCancel }: Props) {
  const { t } = useTranslation('checkout');
  const create = useCreateCustomer();
  const headingId = useId();
  const form = useForm<NewCustomerValues>({
    initialValues,
    validate: (values) => {
      const errors = contractRules(values);
      // The API accepts a phone number alone; at the counter a name or reading is what staff will search.
      if (!values.familyName.trim() && !values.familyNameKana.trim()) errors.familyName ??= t('newCustomer.nameNeeded');
      return errors;
    },
  });
  return (
    <form
      noValidate
      aria-labelledby={headingId}
      onSubmit={form.onSubmit((values) => create.mutate(values, { onSuccess: onCreated }))}
    >
      <Stack gap="xs">
        <Title order={4} size="h6" id={headingId}>
          {t('newCustomer.title')}
        </Title>
        <SimpleGrid cols={2} spacing="xs" verticalSpacing="xs">
          <TextInput
            label={t('newCustomer.familyName')}
            autoComplete="off"
            autoFocus
            {...form.getInputProps('familyName')}
          />
          <TextInput label={t('newCustomer.givenName')} autoComplete="off" {...form.getInputProps('givenName')} />
          <TextInput
            label={t('newCustomer.familyNameKana')}
            autoComplete="off"
            {...form.getInputProps('familyNameKana')}
          />
          <TextInput
            label={t('newCustomer.givenNameKana')}
            autoComplete="off"
            {...form.getInputProps('givenNameKana')}
          />
        </SimpleGrid>
        <TextInput
          label={t('newCustomer.phone')}
          type="tel"
          inputMode="tel"
          autoComplete="off"
          {...form.getInputProps('phone')}
        />
        <ErrorAlert error={create.error} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel}>
            {t('newCustomer.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('newCustomer.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
