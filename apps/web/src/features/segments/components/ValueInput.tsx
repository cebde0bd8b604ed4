import { Autocomplete, Group, MultiSelect, NumberInput, Select } from '@mantine/core';
import { consentChannels } from '@kayoi/contracts';
import { useTranslation } from 'react-i18next';
import { useTags } from '../../../api/reference';
import type { FieldDef } from '../fields';
import type { Option } from './useFieldOptions';

interface Props {
  def: FieldDef;
  op: string;
  value: unknown;
  options: Option[];
  onChange: (value: unknown) => void;
}

/** Months are numbers in the rule but strings in a select; everything else is a string id. */
const fromOption = (v: string): string | number => (/^\d+$/.test(v) ? Number(v) : v);
const toOption = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
/** An emptied number box stays empty (the API then names the problem) instead of becoming 0. */
const fromNumber = (v: string | number): number | string => (typeof v === 'number' ? v : v === '' ? '' : Number(v));

/** The value box(es) for one condition, typed by its field and operator. */
export function ValueInput({ def, op, value, options, onChange }: Props) {
  const { t } = useTranslation('segments');
  const tags = useTags().data ?? [];
  if (op === 'exists') {
    return (
      <Select
        aria-label={t('value')}
        data={[
          { value: 'true', label: t('exists.true') },
          { value: 'false', label: t('exists.false') },
        ]}
        value={String(value === true)}
        onChange={(v) => onChange(v === 'true')}
        allowDeselect={false}
      />
    );
  }
  if (def.kind === 'number') {
    const box = (label: string, v: unknown, set: (n: number | string) => void) => (
      <NumberInput
        aria-label={label}
        value={typeof v === 'number' ? v : ''}
        onChange={(n) => set(fromNumber(n))}
        step={def.step ?? 1}
        decimalScale={def.step !== undefined && def.step < 1 ? 2 : 0}
        w={{ base: '100%', xs: 120 }}
      />
    );
    if (op === 'between') {
      const [low, high] = Array.isArray(value) ? value : [value, value];
      return (
        <Group gap={4} wrap="nowrap">
          {box(t('low'), low, (n) => onChange([n, high]))}
          {box(t('high'), high, (n) => onChange([low, n]))}
        </Group>
      );
    }
    return box(t('value'), value, onChange);
  }
  if (def.kind === 'tag') {
    return (
      <Autocomplete
        aria-label={t('value')}
        data={tags.map((tag) => tag.tag)}
        value={toOption(value)}
        onChange={onChange}
      />
    );
  }
  const data =
    def.kind === 'consent'
      ? ['granted', 'withdrawn', 'unknown'].map((s) => ({ value: s, label: t(`consent.${s}`) }))
      : options;
  if (op === 'in' || op === 'notIn') {
    return (
      <MultiSelect
        aria-label={t('value')}
        data={data}
        value={Array.isArray(value) ? value.map(toOption) : []}
        onChange={(vs) => onChange(vs.map(fromOption))}
        searchable
      />
    );
  }
  return (
    <Select
      aria-label={t('value')}
      data={data}
      value={toOption(value) || null}
      onChange={(v) => onChange(v === null ? '' : fromOption(v))}
      searchable
    />
  );
}

/** The consent condition's channel (LINE, email, SMS). */
export function ConsentChannelInput({ value, onChange }: { value: unknown; onChange: (v: string) => void }) {
  const { t } = useTranslation('segments');
  return (
    <Select
      aria-label={t('channel')}
      data={consentChannels.map((c) => ({ value: c, label: t(`consentChannel.${c}`) }))}
      value={toOption(value) || null}
      onChange={(v) => onChange(v ?? 'line')}
      allowDeselect={false}
      w={{ base: '100%', xs: 120 }}
    />
  );
}
