import { Button, Group, NumberInput, Paper, Radio, Select, Stack, Switch } from '@mantine/core';
import { useForm } from '@mantine/form';
import { spendBases, type SpendBasis, type Tenant, type TenantPatch } from '@kayoi/contracts';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { meKey, useMe } from '../../../auth/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import i18n from '../../../i18n';
import { PageHeader } from '../components/PageHeader';
import { useSettingsMutation } from '../hooks/useSettingsMutation';

interface Values {
  spendBasis: SpendBasis;
  /** The owner thinks of a discount rate in percent (10 %); the API keeps a fraction (0.1). */
  discountPercent: number | string;
  nightlyRefresh: boolean;
  /** Select values are strings. */
  nightlyHour: string;
}

const hours = Array.from({ length: 24 }, (_, h) => ({ value: String(h), label: `${h}:00` }));

/** Two decimals of a percent are plenty, and keep 7.5 % from becoming 0.07500000000000001. */
const toFraction = (percent: number) => Math.round(percent * 100) / 10_000;

const toPayload = (v: Values): TenantPatch => ({
  settings: {
    analytics: {
      spendBasis: v.spendBasis,
      discountRatePerYear: toFraction(Number(v.discountPercent)),
      nightlyRefresh: v.nightlyRefresh,
      nightlyHour: Number(v.nightlyHour),
    },
  },
});

/** The same range the API checks (0–1 as a fraction), said in percent. */
function checkPercent(value: number | string): string | null {
  if (value === '' || !Number.isFinite(Number(value))) return i18n.t('validation.required');
  if (Number(value) < 0) return i18n.t('validation.tooSmall', { minimum: '0' });
  if (Number(value) > 100) return i18n.t('validation.tooBig', { maximum: '100' });
  return null;
}

function AnalyticsForm({ tenant }: { tenant: Tenant }) {
  const { t } = useTranslation('settings');
  // Every page reads the business from "me"; the next refresh reads the settings from the server.
  const save = useSettingsMutation(
    (patch: TenantPatch) => api<Tenant>('/tenant', { method: 'PATCH', body: patch }),
    [meKey],
  );
  const current = tenant.settings.analytics;
  const form = useForm<Values>({
    initialValues: {
      spendBasis: current.spendBasis,
      discountPercent: Math.round(current.discountRatePerYear * 10_000) / 100,
      nightlyRefresh: current.nightlyRefresh,
      nightlyHour: String(current.nightlyHour),
    },
    validate: { discountPercent: checkPercent },
  });
  return (
    <form
      onSubmit={form.onSubmit((values) => save.mutate(toPayload(values), { onSuccess: () => form.resetDirty(values) }))}
      noValidate
    >
      <Paper withBorder p="md">
        <Stack>
          <Radio.Group
            label={t('analytics.spendBasis')}
            description={t('analytics.spendBasisHelp')}
            {...form.getInputProps('spendBasis')}
          >
            <Stack gap="xs" mt="xs">
              {spendBases.map((basis) => (
                <Radio
                  key={basis}
                  value={basis}
                  label={t(`analytics.basis.${basis}`)}
                  description={t(`analytics.basisHelp.${basis}`)}
                />
              ))}
            </Stack>
          </Radio.Group>
          <NumberInput
            label={t('analytics.discountRate')}
            description={t('analytics.discountRateHelp')}
            rightSection="%"
            min={0}
            max={100}
            step={0.5}
            decimalScale={2}
            clampBehavior="none"
            styles={{ wrapper: { maxWidth: 240 } }}
            {...form.getInputProps('discountPercent')}
          />
          <Switch
            label={t('analytics.nightlyRefresh')}
            description={t('analytics.nightlyRefreshHelp')}
            {...form.getInputProps('nightlyRefresh', { type: 'checkbox' })}
          />
          <Select
            label={t('analytics.nightlyHour')}
            description={t('analytics.nightlyHourHelp', { zone: tenant.timeZone })}
            data={hours}
            allowDeselect={false}
            disabled={!form.values.nightlyRefresh}
            styles={{ wrapper: { maxWidth: 240 } }}
            {...form.getInputProps('nightlyHour')}
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

/** 分析: what CLV counts, how future value is discounted, and when the nightly refresh runs. */
export function AnalyticsSettingsPage() {
  const { t } = useTranslation('settings');
  const tenant = useMe().data?.tenant;
  return (
    <Stack>
      <PageHeader title={t('analytics.title')} description={t('analytics.description')} />
      {tenant && <AnalyticsForm key={tenant.id} tenant={tenant} />}
    </Stack>
  );
}
