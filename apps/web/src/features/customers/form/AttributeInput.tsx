import { MultiSelect, NumberInput, Select, TextInput, Textarea } from '@mantine/core';
import type { AttributeDefinition } from '@kayoi/contracts';
import { useTranslation } from 'react-i18next';
import type { AttrFormValue } from './customerForm';

interface Props {
  def: AttributeDefinition;
  value: AttrFormValue;
  onChange: (value: AttrFormValue) => void;
  error?: React.ReactNode;
}

/** One input per custom attribute, of the kind its definition asks for. */
export function AttributeInput({ def, value, onChange, error }: Props) {
  const { t } = useTranslation('customers');
  const options = def.options.map((o) => ({ value: o.value, label: o.label }));
  const common = { label: def.label, error };
  switch (def.type) {
    case 'text':
      return (
        <Textarea
          {...common}
          autosize
          minRows={1}
          maxRows={4}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'number':
      return (
        <NumberInput
          {...common}
          value={typeof value === 'number' || typeof value === 'string' ? value : ''}
          onChange={(v) => onChange(v)}
        />
      );
    case 'date':
      return (
        <TextInput
          {...common}
          type="date"
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'boolean':
      return (
        <Select
          {...common}
          placeholder={t('form.notRecorded')}
          data={[
            { value: 'true', label: t('attributes.yes') },
            { value: 'false', label: t('attributes.no') },
          ]}
          value={typeof value === 'string' ? value : null}
          onChange={onChange}
          clearable
        />
      );
    case 'single_choice':
      return (
        <Select
          {...common}
          placeholder={t('form.notRecorded')}
          data={options}
          value={typeof value === 'string' ? value : null}
          onChange={onChange}
          clearable
        />
      );
    case 'multi_choice':
      return (
        <MultiSelect
          {...common}
          placeholder={t('form.notRecorded')}
          data={options}
          value={Array.isArray(value) ? value : []}
          onChange={onChange}
          clearable
        />
      );
  }
}
