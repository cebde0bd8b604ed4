import {
  ActionIcon,
  Badge,
  Button,
  CopyButton,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { LineSettingsUpdate, type LineSettings } from '@kayoi/contracts';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useMe, useTimeZone } from '../../../auth/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../lib/format';
import { validateWith } from '../../../lib/validation';
import { PageHeader } from '../components/PageHeader';
import { QueryState } from '../components/QueryState';
import { StatusTable } from '../components/StatusTable';
import { useSettingsMutation } from '../hooks/useSettingsMutation';

const lineKey = ['channels', 'line'] as const;
const check = validateWith(LineSettingsUpdate);

function SetBadge({ set }: { set: boolean }) {
  const { t } = useTranslation('settings');
  return (
    <Badge color={set ? 'teal' : 'gray'} variant="light">
      {set ? t('line.set') : t('line.notSet')}
    </Badge>
  );
}

/** The address LINE posts events to: this business's own, so LINE's signature is checked with its secret. */
function WebhookUrl({ tenantId }: { tenantId: string }) {
  const { t } = useTranslation('settings');
  const url = `${window.location.origin}/api/v1/line/webhook/${tenantId}`;
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <TextInput
          label={t('line.webhook')}
          description={t('line.webhookHelp')}
          value={url}
          readOnly
          onFocus={(e) => e.currentTarget.select()}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          rightSection={
            <CopyButton value={url}>
              {({ copied, copy }) => (
                <Tooltip label={copied ? t('line.copied') : t('line.copy')} withArrow>
                  <ActionIcon variant="subtle" onClick={copy} aria-label={t('line.copy')}>
                    {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                  </ActionIcon>
                </Tooltip>
              )}
            </CopyButton>
          }
        />
      </Stack>
    </Paper>
  );
}

function LineForm({ settings }: { settings: LineSettings }) {
  const { t } = useTranslation('settings');
  const save = useSettingsMutation(
    (update: LineSettingsUpdate) => api<LineSettings>('/channels/line', { method: 'PUT', body: update }),
    [lineKey],
  );
  // The secret and the token are never read back: the form always starts them empty.
  const form = useForm<LineSettingsUpdate>({
    initialValues: { channelId: settings.channelId ?? '', channelSecret: '', channelAccessToken: '' },
    validate: (values) => check({ ...values, channelId: values.channelId.trim() }),
  });
  return (
    <form
      // After a save the page remounts this form (keyed by updatedAt), which empties the secrets again.
      onSubmit={form.onSubmit((values) => save.mutate({ ...values, channelId: values.channelId.trim() }))}
      noValidate
    >
      <Paper withBorder p="md">
        <Stack>
          <Title order={4}>{t('line.credentials')}</Title>
          <Text size="sm" c="dimmed">
            {t('line.secretsNote')}
          </Text>
          <TextInput
            label={t('line.channelId')}
            description={t('line.channelIdHelp')}
            inputMode="numeric"
            autoComplete="off"
            required
            {...form.getInputProps('channelId')}
          />
          <PasswordInput
            label={t('line.channelSecret')}
            description={t('line.channelSecretHelp')}
            autoComplete="new-password"
            required
            {...form.getInputProps('channelSecret')}
          />
          <PasswordInput
            label={t('line.channelAccessToken')}
            description={t('line.channelAccessTokenHelp')}
            autoComplete="new-password"
            required
            {...form.getInputProps('channelAccessToken')}
          />
          <ErrorAlert error={save.error} />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {t('line.save')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </form>
  );
}

/** LINE: the owner connects the shop's Official Account. Secrets are write-only. */
export function LinePage() {
  const { t } = useTranslation('settings');
  const me = useMe().data;
  const settings = useQuery({ queryKey: lineKey, queryFn: () => api<LineSettings>('/channels/line') });
  const timeZone = useTimeZone();
  return (
    <Stack>
      <PageHeader title={t('line.title')} description={t('line.description')} />
      <QueryState query={settings}>
        {(s) => (
          <Stack>
            <StatusTable
              label={t('line.status')}
              rows={[
                [
                  t('line.status'),
                  <Badge key="c" color={s.configured ? 'teal' : 'gray'}>
                    {s.configured ? t('line.connected') : t('line.notConnected')}
                  </Badge>,
                ],
                [t('line.channelId'), s.channelId ?? '—'],
                [t('line.channelSecret'), <SetBadge key="s" set={s.channelSecretLast4 !== null} />],
                [t('line.channelAccessToken'), <SetBadge key="a" set={s.channelAccessTokenLast4 !== null} />],
                [t('line.updatedAt'), s.updatedAt ? formatDateTime(s.updatedAt, timeZone) : '—'],
              ]}
            />
            {me && <WebhookUrl tenantId={me.tenant.id} />}
            <LineForm key={s.updatedAt ?? 'new'} settings={s} />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
