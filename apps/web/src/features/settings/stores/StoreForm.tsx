import { Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { StoreCreate, type Store } from '@kayoi/contracts';
import { useTranslation } from 'react-i18next';
import { referenceKeys } from '../../../api/reference';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { validateWith } from '../../../lib/validation';
import { FormActions } from '../components/FormActions';
import { useSaveRecord } from '../hooks/useSaveRecord';
import { textOrNull } from '../lib/payload';

interface Values {
  name: string;
  address: string;
  phone: string;
}

const toPayload = (v: Values): StoreCreate => ({
  name: v.name.trim(),
  address: textOrNull(v.address),
  phone: textOrNull(v.phone),
});
const check = validateWith(StoreCreate);

export function StoreForm({ store, onDone }: { store?: Store; onDone: () => void }) {
  const { t } = useTranslation('settings');
  const save = useSaveRecord<StoreCreate, Store>('/stores', store?.id, [referenceKeys.stores]);
  const form = useForm<Values>({
    initialValues: { name: store?.name ?? '', address: store?.address ?? '', phone: store?.phone ?? '' },
    validate: (values) => check(toPayload(values)),
  });
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(toPayload(values), { onSuccess: onDone }))} noValidate>
      <Stack>
        <TextInput label={t('stores.name')} required data-autofocus {...form.getInputProps('name')} />
        <TextInput label={t('stores.address')} {...form.getInputProps('address')} />
        <TextInput label={t('stores.phone')} type="tel" inputMode="tel" {...form.getInputProps('phone')} />
        <ErrorAlert error={save.error} />
        <FormActions onCancel={onDone} saving={save.isPending} />
      </Stack>
    </form>
  );
}
