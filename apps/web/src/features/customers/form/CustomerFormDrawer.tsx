import { Box, Button, Center, Drawer, Group, Loader, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import type { AttributeDefinition, Customer } from '@kayoi/contracts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAttributes } from '../../../api/reference';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { todayIn } from '../../../lib/format';
import { useCreateCustomer, useUpdateCustomer } from '../api';
import { displayName, useTimeZone } from '../display';
import { CustomerFields } from './CustomerFields';
import { blankValues, createInput, patchInput, toInput, validateInput, valuesOf } from './customerForm';

interface Props {
  opened: boolean;
  onClose: () => void;
  /** Given: edit this customer. Absent: register a new one. */
  customer?: Customer;
  onSaved?: (customer: Customer) => void;
}

/** Full screen on a phone, a side panel on a desktop; the form is built afresh on every opening. */
export function CustomerFormDrawer({ opened, onClose, customer, onSaved }: Props) {
  const { t } = useTranslation('customers');
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const attributes = useAttributes();
  const title = customer ? t('form.editTitle', { name: displayName(customer, t).text }) : t('form.newTitle');
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      title={title}
      position="right"
      size={phone ? '100%' : 'lg'}
      closeButtonProps={{ 'aria-label': t('common:actions.cancel') }}
    >
      {attributes.data ? (
        <FormBody
          customer={customer}
          definitions={attributes.data.filter((d) => !d.archived).sort((a, b) => a.position - b.position)}
          onClose={onClose}
          onSaved={onSaved}
        />
      ) : attributes.error ? (
        <ErrorAlert error={attributes.error} />
      ) : (
        <Center p="xl">
          <Loader />
        </Center>
      )}
    </Drawer>
  );
}

interface BodyProps {
  customer?: Customer;
  definitions: AttributeDefinition[];
  onClose: () => void;
  onSaved?: (customer: Customer) => void;
}

function FormBody({ customer, definitions, onClose, onSaved }: BodyProps) {
  const { t } = useTranslation(['customers', 'common']);
  const timeZone = useTimeZone();
  const today = todayIn(timeZone);
  const masked = useMemo(() => customer?.masked ?? [], [customer]);
  const create = useCreateCustomer();
  const update = useUpdateCustomer(customer?.id ?? '');
  const mutation = customer ? update : create;
  // Frozen at opening: a refetch meanwhile must not make untouched fields look changed.
  const [initial] = useState(() => (customer ? valuesOf(customer, definitions) : blankValues(definitions)));
  const form = useForm({
    initialValues: initial,
    validate: (values) => validateInput(toInput(values, definitions, masked), values, masked, today, t),
  });

  const submit = form.onSubmit(
    (values) => {
      const input = customer
        ? patchInput(toInput(initial, definitions, masked), toInput(values, definitions, masked))
        : createInput(values, definitions);
      if (customer && Object.keys(input).length === 0) {
        onClose();
        return;
      }
      mutation.mutate(input, {
        onSuccess: (saved) => {
          notifications.show({ color: 'teal', message: t(customer ? 'form.saved' : 'form.created') });
          onClose();
          onSaved?.(saved);
        },
      });
    },
    // The first mistake may be further up a long form: take the person to it.
    () =>
      window.requestAnimationFrame(() =>
        document.querySelector<HTMLElement>('[data-customer-form] [aria-invalid="true"]')?.focus(),
      ),
  );

  return (
    <form noValidate onSubmit={submit} data-customer-form>
      <Stack gap="md">
        <CustomerFields form={form} attributes={definitions} masked={masked} creating={!customer} today={today} />
        <ErrorAlert error={mutation.error} />
        {/* Kept in view at the bottom: the form is longer than a phone screen. */}
        <Box pos="sticky" bottom={0} py="sm" bg="var(--mantine-color-body)" style={{ zIndex: 1 }}>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {customer ? t('common:actions.save') : t('form.register')}
            </Button>
          </Group>
        </Box>
      </Stack>
    </form>
  );
}
