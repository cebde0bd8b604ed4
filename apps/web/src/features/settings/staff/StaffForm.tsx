import { Checkbox, PasswordInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { UserCreate, UserPatch, type Role, type Store, type User } from '@kayoi/contracts';
import { useTranslation } from 'react-i18next';
import { referenceKeys } from '../../../api/reference';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { validateWith } from '../../../lib/validation';
import { FormActions } from '../components/FormActions';
import { useSaveRecord } from '../hooks/useSaveRecord';
import { textOrNull } from '../lib/payload';
import { RoleRadios } from './RoleGuide';

interface Values {
  name: string;
  nameKana: string;
  email: string;
  password: string;
  role: Role;
  storeIds: string[];
}

const common = (v: Values) => ({
  name: v.name.trim(),
  nameKana: textOrNull(v.nameKana),
  email: textOrNull(v.email),
  role: v.role,
  storeIds: v.storeIds,
});
/** A new stylist without a password is a record for visits and reports, not an account. */
const toCreate = (v: Values): UserCreate => ({ ...common(v), password: v.password === '' ? null : v.password });
/** An empty password on edit keeps the current one. */
const toPatch = (v: Values): UserPatch => ({ ...common(v), ...(v.password === '' ? {} : { password: v.password }) });
const checkCreate = validateWith(UserCreate);
const checkPatch = validateWith(UserPatch);

interface Props {
  user?: User;
  stores: Store[];
  onDone: () => void;
}

export function StaffForm({ user, stores, onDone }: Props) {
  const { t } = useTranslation('settings');
  const save = useSaveRecord<UserCreate | UserPatch, User>('/users', user?.id, [referenceKeys.users]);
  const toPayload = user ? toPatch : toCreate;
  const form = useForm<Values>({
    initialValues: {
      name: user?.name ?? '',
      nameKana: user?.nameKana ?? '',
      email: user?.email ?? '',
      password: '',
      role: user?.role ?? 'staff',
      storeIds: user?.storeIds ?? [],
    },
    validate: (values) => {
      const errors = (user ? checkPatch : checkCreate)(toPayload(values));
      // The API would accept it, but a password without an email can never be used to log in.
      if (values.password !== '' && values.email.trim() === '') errors.email ??= t('staff.emailNeededForLogin');
      return errors;
    },
  });
  // An archived store stays ticked for someone still assigned to it; it is not offered to others.
  const choices = stores.filter((s) => !s.archived || form.values.storeIds.includes(s.id));
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(toPayload(values), { onSuccess: onDone }))} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('staff.name')} required data-autofocus {...form.getInputProps('name')} />
          <TextInput label={t('staff.nameKana')} {...form.getInputProps('nameKana')} />
        </SimpleGrid>
        <RoleRadios
          value={form.values.role}
          onChange={(role) => form.setFieldValue('role', role)}
          error={form.errors.role as string | undefined}
        />
        <Checkbox.Group
          label={t('staff.stores')}
          description={t('staff.storesHelp')}
          {...form.getInputProps('storeIds')}
        >
          <Stack gap="xs" mt="xs">
            {choices.map((s) => (
              <Checkbox key={s.id} value={s.id} label={s.name} />
            ))}
          </Stack>
        </Checkbox.Group>
        <TextInput
          label={t('staff.email')}
          type="email"
          autoComplete="off"
          description={t('staff.emailHelp')}
          {...form.getInputProps('email')}
        />
        <PasswordInput
          label={t('staff.password')}
          autoComplete="new-password"
          description={user ? t('staff.passwordHelpEdit') : t('staff.passwordHelpNew')}
          {...form.getInputProps('password')}
        />
        <ErrorAlert error={save.error} />
        <FormActions onCancel={onDone} saving={save.isPending} />
      </Stack>
    </form>
  );
}
