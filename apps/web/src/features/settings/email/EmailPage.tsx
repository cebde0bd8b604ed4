import {
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  PasswordInput,
  SimpleGrid,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { EmailSettingsUpdate, smtpSecurities, type EmailSettings, type SmtpSecurity } from '@kayoi/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useTimeZone } from '../../../auth/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../lib/format';
import { validateWith } from '../../../lib/validation';
import { PageHeader } from '../components/PageHeader';
import { QueryState } from '../components/QueryState';
import { StatusTable } from '../components/StatusTable';
import { useSettingsMutation } from '../hooks/useSettingsMutation';

const emailKey = ['channels', 'email'] as const;
const check = validateWith(EmailSettingsUpdate);

interface Values {
  fromName: string;
  fromAddress: string;
  replyTo: string;
  smtpHost: string;
  smtpPort: number | string;
  smtpSecurity: SmtpSecurity;
  smtpUsername: string;
  /** Empty keeps the stored password: it is never read back. */
  smtpPassword: string;
  removePassword: boolean;
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** Empty optional fields are null; an empty password is left out (keep), "remove" sends null. */
function toEmailUpdate(v: Values): EmailSettingsUpdate {
  const update: EmailSettingsUpdate = {
    fromName: v.fromName.trim(),
    fromAddress: v.fromAddress.trim(),
    replyTo: orNull(v.replyTo),
    smtpHost: v.smtpHost.trim(),
    smtpPort: typeof v.smtpPort === 'number' ? v.smtpPort : Number.NaN,
    smtpSecurity: v.smtpSecurity,
    smtpUsername: orNull(v.smtpUsername),
  };
  if (v.removePassword) return { ...update, smtpPassword: null };
  return v.smtpPassword === '' ? update : { ...update, smtpPassword: v.smtpPassword };
}

function EmailForm({ settings }: { settings: EmailSettings }) {
  const { t } = useTranslation('settings');
  const save = useSettingsMutation(
    (update: EmailSettingsUpdate) => api<EmailSettings>('/channels/email', { method: 'PUT', body: update }),
    [emailKey],
  );
  const form = useForm<Values>({
    initialValues: {
      fromName: settings.fromName ?? '',
      fromAddress: settings.fromAddress ?? '',
      replyTo: settings.replyTo ?? '',
      smtpHost: settings.smtpHost ?? '',
      smtpPort: settings.smtpPort ?? 587,
      smtpSecurity: settings.smtpSecurity ?? 'starttls',
      smtpUsername: settings.smtpUsername ?? '',
      smtpPassword: '',
      removePassword: false,
    },
    validate: (values) => check(toEmailUpdate(values)),
  });
  const passwordStored = settings.smtpPassword.configured;
  return (
    // After a save the page remounts this form (keyed by updatedAt), which empties the password again.
    <form onSubmit={form.onSubmit((values) => save.mutate(toEmailUpdate(values)))} noValidate>
      <Stack>
        <Paper withBorder p="md">
          <Stack>
            <Title order={4}>{t('email.sender')}</Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('email.fromName')} required {...form.getInputProps('fromName')} />
              <TextInput label={t('email.fromAddress')} type="email" required {...form.getInputProps('fromAddress')} />
              <TextInput label={t('email.replyTo')} type="email" {...form.getInputProps('replyTo')} />
            </SimpleGrid>
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Stack>
            <Title order={4}>{t('email.smtp')}</Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('email.smtpHost')} required autoComplete="off" {...form.getInputProps('smtpHost')} />
              <NumberInput
                label={t('email.smtpPort')}
                required
                min={1}
                max={65535}
                allowDecimal={false}
                allowNegative={false}
                thousandSeparator={false}
                {...form.getInputProps('smtpPort')}
              />
              <NativeSelect
                label={t('email.smtpSecurity')}
                data={smtpSecurities.map((s) => ({ value: s, label: t(`email.security.${s}`) }))}
                {...form.getInputProps('smtpSecurity')}
              />
              <TextInput label={t('email.smtpUsername')} autoComplete="off" {...form.getInputProps('smtpUsername')} />
              <PasswordInput
                label={t('email.smtpPassword')}
                description={passwordStored ? t('email.passwordKeep') : t('email.passwordNew')}
                autoComplete="new-password"
                disabled={form.values.removePassword}
                {...form.getInputProps('smtpPassword')}
              />
            </SimpleGrid>
            {passwordStored && (
              <Checkbox
                label={t('email.removePassword')}
                {...form.getInputProps('removePassword', { type: 'checkbox' })}
              />
            )}
          </Stack>
        </Paper>
        <ErrorAlert error={save.error} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t('email.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** メール: the owner's sender and SMTP relay. The password is write-only. */
export function EmailPage() {
  const { t } = useTranslation('settings');
  const timeZone = useTimeZone();
  const settings = useQuery({ queryKey: emailKey, queryFn: () => api<EmailSettings>('/channels/email') });
  return (
    <Stack>
      <PageHeader title={t('email.title')} description={t('email.description')} />
      <QueryState query={settings}>
        {(s) => (
          <Stack>
            <StatusTable
              label={t('email.status')}
              rows={[
                [
                  t('email.status'),
                  <Badge key="c" color={s.configured ? 'teal' : 'gray'}>
                    {s.configured ? t('email.configured') : t('email.notConfigured')}
                  </Badge>,
                ],
                [
                  t('email.smtpPassword'),
                  <Badge key="p" color={s.smtpPassword.configured ? 'teal' : 'gray'} variant="light">
                    {s.smtpPassword.configured ? t('email.set') : t('email.notSet')}
                  </Badge>,
                ],
                [t('email.updatedAt'), s.updatedAt ? formatDateTime(s.updatedAt, timeZone) : '—'],
              ]}
            />
            <EmailForm key={s.updatedAt ?? 'new'} settings={s} />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
