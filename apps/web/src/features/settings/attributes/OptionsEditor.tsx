import { ActionIcon, Button, Group, Input, Stack, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AttributeFormValues } from './attributeValues';

interface Props {
  form: UseFormReturnType<AttributeFormValues>;
  /** Values already stored on customers: renaming one would orphan them, so only labels change. */
  lockedValues: string[];
}

/** The choices of a single- or multi-choice attribute: a label for people, a value for imports and segments. */
export function OptionsEditor({ form, lockedValues }: Props) {
  const { t } = useTranslation('settings');
  const error = form.errors.options;
  return (
    <Input.Wrapper
      label={t('attributes.options')}
      description={t('attributes.optionsHelp')}
      error={typeof error === 'string' ? error : undefined}
      withAsterisk
    >
      <Stack gap="xs" mt="xs">
        {form.values.options.map((option, index) => {
          const n = index + 1;
          const locked = lockedValues.includes(option.value);
          return (
            <Group key={form.key(`options.${index}`)} gap="xs" wrap="nowrap" align="flex-start">
              <TextInput
                aria-label={t('attributes.optionLabelN', { n })}
                placeholder={t('attributes.optionLabel')}
                style={{ flex: 2 }}
                {...form.getInputProps(`options.${index}.label`)}
              />
              <TextInput
                aria-label={t('attributes.optionValueN', { n })}
                placeholder={t('attributes.optionValue')}
                readOnly={locked}
                variant={locked ? 'filled' : 'default'}
                style={{ flex: 1 }}
                {...form.getInputProps(`options.${index}.value`)}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                size="input-sm"
                aria-label={t('attributes.removeOptionN', { n })}
                onClick={() => form.removeListItem('options', index)}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          );
        })}
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} />}
          style={{ alignSelf: 'flex-start' }}
          onClick={() => form.insertListItem('options', { value: '', label: '' })}
        >
          {t('attributes.addOption')}
        </Button>
      </Stack>
    </Input.Wrapper>
  );
}
