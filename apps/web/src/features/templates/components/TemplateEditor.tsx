import {
  Alert,
  Badge,
  Button,
  Code,
  Grid,
  Group,
  NativeSelect,
  Stack,
  Switch,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import type { MessageTemplate, TemplateChannel } from '@kayoi/contracts';
import { IconAlertCircle } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCan } from '../../../auth/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { syntaxProblems, useDraftPreview, useSaveTemplate } from '../api';
import {
  isPreviewable,
  newTemplateValues,
  sampleVariant,
  templateChannels,
  templateValues,
  toCreate,
  toDraft,
  type Language,
  type TemplateValues,
  type VariantValues,
} from '../draft';
import { ArchiveButton } from './ArchiveButton';
import { usePreviewCustomer } from './CustomerPicker';
import { PreviewPanel } from './PreviewPanel';
import { VariantFields } from './VariantFields';

const PREVIEW_DEBOUNCE_MS = 400;
const languages: readonly Language[] = ['ja', 'en'];

/** A new template starts from the channel's sample; switching channel swaps a sample left untouched. */
function withChannel(values: TemplateValues, channel: TemplateChannel): TemplateValues {
  const swap = (language: Language, variant: VariantValues) => {
    const before = sampleVariant(values.channel, language);
    const untouched = variant.body === '' || (variant.body === before.body && variant.subject === before.subject);
    return untouched ? sampleVariant(channel, language) : variant;
  };
  return { ...values, channel, ja: swap('ja', values.ja), en: swap('en', values.en) };
}

/** Name, channel, the Japanese and English parts, and the live preview for a real customer. */
export function TemplateEditor({ template }: { template: MessageTemplate | undefined }) {
  const { t } = useTranslation('templates');
  const navigate = useNavigate();
  const canManage = useCan('templates.manage');
  const [values, setValues] = useState<TemplateValues>(() =>
    template ? templateValues(template) : { ...newTemplateValues(), ja: sampleVariant('line_text', 'ja') },
  );
  const [tab, setTab] = useState<Language>('ja');
  const { customer, pick } = usePreviewCustomer();
  const save = useSaveTemplate();
  const readOnly = !canManage || template?.archived === true;

  // The preview speaks the language of the open tab, when that language has a version.
  const previewLanguage: Language = tab === 'en' && values.hasEn ? 'en' : 'ja';
  const requestJson = useMemo(
    () =>
      customer && isPreviewable(values)
        ? JSON.stringify({ template: toDraft(values), customerId: customer.id, language: previewLanguage })
        : null,
    [customer, values, previewLanguage],
  );
  // 400 ms after the last keystroke, so a sentence is rendered once, not per character.
  const [debouncedJson] = useDebouncedValue(requestJson, PREVIEW_DEBOUNCE_MS);
  const preview = useDraftPreview(debouncedJson);
  const waiting = customer === null ? 'customer' : isPreviewable(values) ? null : 'body';

  // The preview checks the syntax as the save will; without a preview, the save's answer stands.
  const previewProblems = debouncedJson !== null ? syntaxProblems(preview.error) : [];
  const problems = previewProblems.length > 0 ? previewProblems : syntaxProblems(save.error);
  const problemsOf = (language: Language) => problems.filter((p) => p.field.startsWith(`${language}.`));

  const onSave = () => {
    const create = toCreate(values);
    save.mutate(template ? { id: template.id, patch: create } : { create }, {
      onSuccess: (saved) => {
        notifications.show({ color: 'teal', message: t('saved') });
        if (!template) void navigate(`/templates/${saved.id}`, { replace: true });
      },
    });
  };

  return (
    <Stack gap="md">
      <Group gap="sm">
        <Title order={3}>{template ? template.name : t('newTitle')}</Title>
        {template?.archived && <Badge color="gray">{t('archivedBadge')}</Badge>}
      </Group>
      {!canManage && (
        <Text c="dimmed" size="sm">
          {t('readOnly')}
        </Text>
      )}
      {canManage && template?.archived && (
        <Alert color="gray" icon={<IconAlertCircle size={18} />}>
          {t('archivedNotice')}
        </Alert>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <TextInput
              label={t('name')}
              value={values.name}
              onChange={(e) => setValues({ ...values, name: e.currentTarget.value })}
              readOnly={readOnly}
              required
              maxLength={100}
            />
            <NativeSelect
              label={t('channel.label')}
              value={values.channel}
              disabled={readOnly}
              onChange={(e) => setValues(withChannel(values, e.currentTarget.value as TemplateChannel))}
              data={templateChannels.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
            />
            <Tabs value={tab} onChange={(v) => setTab(v === 'en' ? 'en' : 'ja')} keepMounted={false}>
              <Tabs.List aria-label={t('languages.label')}>
                {languages.map((language) => (
                  <Tabs.Tab
                    key={language}
                    value={language}
                    rightSection={
                      problemsOf(language).length > 0 ? (
                        <IconAlertCircle size={14} color="var(--mantine-color-red-6)" aria-label={t('problemsIn')} />
                      ) : null
                    }
                  >
                    {t(`languages.${language}`)}
                  </Tabs.Tab>
                ))}
              </Tabs.List>
              <Tabs.Panel value="ja" pt="sm">
                <VariantFields
                  channel={values.channel}
                  language="ja"
                  values={values.ja}
                  onChange={(ja) => setValues({ ...values, ja })}
                  problems={problemsOf('ja')}
                  readOnly={readOnly}
                />
              </Tabs.Panel>
              <Tabs.Panel value="en" pt="sm">
                <Stack gap="sm">
                  <Switch
                    label={t('hasEn')}
                    description={t('enHelp')}
                    checked={values.hasEn}
                    disabled={readOnly}
                    onChange={(e) => {
                      const hasEn = e.currentTarget.checked;
                      const en = hasEn && values.en.body === '' ? sampleVariant(values.channel, 'en') : values.en;
                      setValues({ ...values, hasEn, en });
                    }}
                  />
                  {values.hasEn && (
                    <VariantFields
                      channel={values.channel}
                      language="en"
                      values={values.en}
                      onChange={(en) => setValues({ ...values, en })}
                      problems={problemsOf('en')}
                      readOnly={readOnly}
                    />
                  )}
                </Stack>
              </Tabs.Panel>
            </Tabs>
            <Text size="xs" c="dimmed">
              {t('variables')} <Code>{'{{ customer.name }}'}</Code> <Code>{'{{ last_visit.date }}'}</Code>{' '}
              <Code>{'{{ shop.name }}'}</Code>
            </Text>
            {!readOnly && (
              <Stack gap="xs">
                {save.isError && syntaxProblems(save.error).length === 0 && <ErrorAlert error={save.error} />}
                <Group gap="xs">
                  <Button onClick={onSave} loading={save.isPending} disabled={values.name.trim() === ''}>
                    {t('save')}
                  </Button>
                  {template && <ArchiveButton template={template} />}
                </Group>
              </Stack>
            )}
            {canManage && template?.archived && (
              <Group>
                <ArchiveButton template={template} />
              </Group>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <PreviewPanel
            customer={customer}
            onCustomer={pick}
            waiting={waiting}
            preview={preview.data}
            fetching={preview.isFetching}
            invalid={previewProblems.length > 0}
            error={debouncedJson !== null && previewProblems.length === 0 ? preview.error : null}
          />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
