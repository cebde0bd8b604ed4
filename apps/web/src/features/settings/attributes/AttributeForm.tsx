import { NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  AttributeDefinitionCreate,
  attributeTypes,
  type AttributeDefinition,
  type AttributeDefinitionPatch,
  type AttributeType,
} from '@kayoi/contracts';
import { useTranslation } from 'react-i18next';
import { referenceKeys } from '../../../api/reference';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { validateWith } from '../../../lib/validation';
import { FormActions } from '../components/FormActions';
import { useSaveRecord } from '../hooks/useSaveRecord';
import { initialValues, isChoice, toCreate, toPatch, type AttributeFormValues } from './attributeValues';
import { OptionsEditor } from './OptionsEditor';

const check = validateWith(AttributeDefinitionCreate);

interface Props {
  attribute?: AttributeDefinition;
  nextPosition: number;
  onDone: () => void;
}

export function AttributeForm({ attribute, nextPosition, onDone }: Props) {
  const { t } = useTranslation('settings');
  const save = useSaveRecord<AttributeDefinitionCreate | AttributeDefinitionPatch, AttributeDefinition>(
    '/attributes',
    attribute?.id,
    [referenceKeys.attributes],
  );
  const form = useForm<AttributeFormValues>({
    initialValues: initialValues(attribute, nextPosition),
    validate: (values) => {
      const payload = toCreate(values);
      const errors = check(payload);
      // The schema's refinements say "invalid"; the person needs to know which rule.
      if (errors.options) {
        const distinct = new Set(payload.options.map((o) => o.value)).size;
        if (payload.options.length === 0) errors.options = t('attributes.needsOptions');
        else if (distinct !== payload.options.length) errors.options = t('attributes.duplicateValues');
      }
      if (errors.key && payload.key !== '') errors.key = t('attributes.keyFormat');
      return errors;
    },
  });
  const editing = attribute !== undefined;
  const submit = (values: AttributeFormValues) =>
    save.mutate(editing ? toPatch(values) : toCreate(values), { onSuccess: onDone });
  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        <TextInput
          label={t('attributes.label')}
          description={t('attributes.labelHelp')}
          required
          data-autofocus
          {...form.getInputProps('label')}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput
            label={t('attributes.key')}
            description={editing ? t('attributes.fixedAfterCreate') : t('attributes.keyHelp')}
            required
            readOnly={editing}
            variant={editing ? 'filled' : 'default'}
            autoCapitalize="off"
            spellCheck={false}
            {...form.getInputProps('key')}
          />
          <Select
            label={t('attributes.type')}
            description={editing ? t('attributes.fixedAfterCreate') : undefined}
            required
            readOnly={editing}
            variant={editing ? 'filled' : 'default'}
            allowDeselect={false}
            data={attributeTypes.map((type) => ({ value: type, label: t(`attributes.types.${type}`) }))}
            {...form.getInputProps('type')}
            onChange={(value) => value && form.setFieldValue('type', value as AttributeType)}
          />
        </SimpleGrid>
        {isChoice(form.values.type) && (
          <OptionsEditor form={form} lockedValues={attribute?.options.map((o) => o.value) ?? []} />
        )}
        <NumberInput
          label={t('attributes.position')}
          description={t('attributes.positionHelp')}
          min={0}
          max={10_000}
          allowDecimal={false}
          allowNegative={false}
          {...form.getInputProps('position')}
        />
        <ErrorAlert error={save.error} />
        <FormActions onCancel={onDone} saving={save.isPending} />
      </Stack>
    </form>
  );
}
