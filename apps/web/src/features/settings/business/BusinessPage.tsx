import { Button, Group, Paper, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { TenantPatch, type Tenant } from '@kayoi/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { meKey, useMe } from '../../../auth/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { validateWith } from '../../../lib/validation';
import { PageHeader } from '../components/PageHeader';
import { useSettingsMutation } from '../hooks/useSettingsMutation';
import { timeZoneChoices } from './timeZones';

interface Values {
  name: string;
  timeZone: string;
  staffCanSeeContacts: boolean;
}

const toPayload = (v: Values): TenantPatch => ({
  name: v.name.trim(),
  timeZone: v.timeZone,
  settings: { staffCanSeeContacts: v.staffCanSeeContacts },
});
const check = validateWith(TenantPatch);

function BusinessForm({ tenant }: { tenant: Tenant }) {
  const { t } = useTranslation('settings');
  // Every page reads the business (name in the header, zone for dates, who sees contacts) from "me".
  const save = useSettingsMutation(
    (patch: TenantPatch) => api<Tenant>('/tenant', { method: 'PATCH', body: patch }),
    [meKey],
  );
  const form = useForm<Values>({
    initialValues: {
      name: tenant.name,
      timeZone: tenant.timeZone,
      staffCanSeeContacts: tenant.settings.staffCanSeeContacts,
    },
    validate: (values) => check(toPayload(values)),
  });
  const zones = useMemo(() => timeZoneChoices(tenant.timeZone), [tenant.timeZone]);
  return (
    <form
      onSubmit={form.onSubmit((values) => save.mutate(toPayload(values), { onSuccess: () => form.resetDirty(values) }))}
      noValidate
    >
      <Paper withBorder p="md">
        <Stack>
          <TextInput label={t('business.name')} required {...form.getInputProps('name')} />
          <Select
            label={t('business.timeZone')}
            description={t('business.timeZoneHelp')}
            searchable
            allowDeselect={false}
            data={zones}
            {...form.getInputProps('timeZone')}
          />
          <Switch
            label={t('business.staffCanSeeContacts')}
            description={t('business.staffCanSeeContactsHelp')}
            {...form.getInputProps('staffCanSeeContacts', { type: 'checkbox' })}
          />
          <ErrorAlert error={save.error} />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {t('common:actions.save')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </form>
  );
}

/** 事業者設定: the owner's page. Changing who sees contact details is audited by the server. */
export function BusinessPage() {
  const { t } = useTranslation('settings');
  const tenant = useMe().data?.tenant;
  return (
    <Stack>
      <PageHeader title={t('business.title')} description={t('business.description')} />
      {tenant && <BusinessForm key={tenant.id} tenant={tenant} />}
    </Stack>
  );
}
