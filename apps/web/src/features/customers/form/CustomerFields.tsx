import { Checkbox, Divider, Group, Select, SimpleGrid, Stack, TagsInput, TextInput, Textarea } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { consentChannels, genders, type AttributeDefinition } from '@kayoi/contracts';
import { useTranslation } from 'react-i18next';
import { useChannels, useTags } from '../../../api/reference';
import { AttributeInput } from './AttributeInput';
import type { AttrFormValue, CustomerFormValues } from './customerForm';

interface Props {
  form: UseFormReturnType<CustomerFormValues>;
  attributes: AttributeDefinition[];
  masked: string[];
  creating: boolean;
  today: string;
}

function Section({ label }: { label: string }) {
  return <Divider label={label} labelPosition="left" mt="sm" />;
}

/** The karte's fields, grouped as a paper karte is: who, how to reach them, profile, care notes. */
export function CustomerFields({ form, attributes, masked, creating, today }: Props) {
  const { t } = useTranslation('customers');
  const channels = useChannels().data ?? [];
  const tags = useTags().data ?? [];
  // A field the role sees only masked cannot be edited: its real value never reached the browser.
  const text = (field: keyof CustomerFormValues & string) => {
    const hidden = masked.includes(field);
    return {
      ...form.getInputProps(field),
      disabled: hidden,
      description: hidden ? t('form.maskedField') : undefined,
    };
  };
  const liveChannels = channels.filter((c) => !c.archived || c.id === form.values.acquisitionChannelId);

  return (
    <Stack gap="sm">
      <Section label={t('form.sectionName')} />
      <SimpleGrid cols={2} spacing="sm">
        <TextInput label={t('field.familyName')} autoComplete="off" {...text('familyName')} />
        <TextInput label={t('field.givenName')} autoComplete="off" {...text('givenName')} />
        <TextInput label={t('field.familyNameKana')} autoComplete="off" {...text('familyNameKana')} />
        <TextInput label={t('field.givenNameKana')} autoComplete="off" {...text('givenNameKana')} />
      </SimpleGrid>

      <Section label={t('form.sectionContact')} />
      <TextInput label={t('field.phone')} type="tel" inputMode="tel" autoComplete="off" {...text('phone')} />
      <TextInput label={t('field.email')} type="email" autoComplete="off" {...text('email')} />
      <TextInput label={t('field.lineUserId')} autoComplete="off" {...text('lineUserId')} />

      <Section label={t('form.sectionProfile')} />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <Select
          label={t('field.gender')}
          data={genders.map((g) => ({ value: g, label: t(`gender.${g}`) }))}
          allowDeselect={false}
          {...form.getInputProps('gender')}
        />
        <TextInput label={t('field.birthday')} type="date" max={today} {...text('birthday')} />
        <TextInput label={t('field.postalCode')} autoComplete="off" {...text('postalCode')} />
        <TextInput label={t('field.area')} autoComplete="off" {...text('area')} />
        <Select
          label={t('field.channel')}
          placeholder={t('form.notRecorded')}
          data={liveChannels.map((c) => ({ value: c.id, label: c.name }))}
          clearable
          {...form.getInputProps('acquisitionChannelId')}
        />
        <TextInput label={t('field.acquiredOn')} type="date" max={today} {...text('acquiredOn')} />
        <TextInput label={t('field.externalId')} autoComplete="off" {...text('externalId')} />
      </SimpleGrid>

      {attributes.length > 0 && (
        <>
          <Section label={t('form.sectionAttributes')} />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            {attributes.map((def) => (
              <AttributeInput
                key={def.id}
                def={def}
                value={form.values.attributes[def.key] ?? null}
                onChange={(v: AttrFormValue) => form.setFieldValue(`attributes.${def.key}`, v)}
                error={form.errors[`attributes.${def.key}`]}
              />
            ))}
          </SimpleGrid>
        </>
      )}

      <Section label={t('form.sectionNotes')} />
      <TagsInput
        label={t('field.tags')}
        description={t('form.tagsHelp')}
        data={tags.map((tag) => tag.tag)}
        clearable
        {...form.getInputProps('tags')}
      />
      <Textarea label={t('field.notes')} autosize minRows={3} maxRows={10} {...text('notes')} />

      {creating && (
        <>
          <Section label={t('form.sectionConsent')} />
          <Group gap="lg">
            {consentChannels.map((c) => (
              <Checkbox
                key={c}
                label={t(`consent.grantedOn`, { channel: t(`consent.channel.${c}`) })}
                {...form.getInputProps(`consents.${c}`, { type: 'checkbox' })}
              />
            ))}
          </Group>
        </>
      )}
    </Stack>
  );
}
