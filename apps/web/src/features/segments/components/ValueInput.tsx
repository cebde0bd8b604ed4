import { Autocomplete, Group, MultiSelect, NumberInput, Select, TagsInput, TextInput } from '@mantine/core';
import { consentChannels } from '@kayoi/contracts';
import { useTranslation } from 'react-i18next';
import { useTags } from '../../../api/reference';
import type { Option } from './useFieldOptions';

/** How the value is entered, resolved from the field (or, for a custom attribute, from its type). */
export interface ValueShape {
  kind: 'number' | 'date' | 'text' | 'choice' | 'boolean' | 'tag' | 'consent';
  options: Option[];
  step?: number;
  /** Decimal places a number box accepts (none: any). */
  decimalScale?: number;
  /** Choices whose values are numbers in the rule (months) but strings in a select. */
  numeric?: boolean;
}

interface Props {
  shape: ValueShape;
  op: string;
  value: unknown;
  onChange: (value: unknown) => void;
}

const toOption = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
/** An emptied number box stays empty (the API then names the problem) instead of becoming 0. */
const fromNumber = (v: string | number): number | string => (typeof v === 'number' ? v : v === '' ? '' : Number(v));
/** A typed list entry that reads as a number becomes one; anything else is sent as typed for the API to judge. */
const listNumber = (v: string): number | string => (v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : v);
const boxWidth = { base: '100%', xs: 150 };

/** The value box(es) for one condition, typed by its field and operator. */
export function ValueInput({ shape, op, value, onChange }: Props) {
  const { t } = useTranslation('segments');
  const tags = useTags().data ?? [];
  const fromOption = (v: string): string | number => (shape.numeric && /^\d+$/.test(v) ? Number(v) : v);
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
  const list = Array.isArray(value) ? value : [];
  if ((op === 'in' || op === 'notIn') && shape.kind !== 'choice' && shape.kind !== 'consent') {
    // Numbers, dates and text: type each value and press Enter.
    return (
      <TagsInput
        aria-label={t('value')}
        placeholder={t('listPlaceholder')}
        value={list.map(toOption)}
        onChange={(vs) => onChange(shape.kind === 'number' ? vs.map(listNumber) : vs)}
        w={{ base: '100%', xs: 220 }}
      />
    );
  }
  if (shape.kind === 'number' || shape.kind === 'date') {
    const box = (label: string, v: unknown, set: (next: unknown) => void) =>
      shape.kind === 'number' ? (
        <NumberInput
          aria-label={label}
          value={typeof v === 'number' ? v : ''}
          onChange={(n) => set(fromNumber(n))}
          step={shape.step ?? 1}
          decimalScale={shape.decimalScale}
          w={boxWidth}
        />
      ) : (
        <TextInput
          type="date"
          aria-label={label}
          value={toOption(v)}
          onChange={(e) => set(e.currentTarget.value)}
          w={boxWidth}
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
  if (shape.kind === 'text') {
    return (
      <TextInput aria-label={t('value')} value={toOption(value)} onChange={(e) => onChange(e.currentTarget.value)} />
    );
  }
  if (shape.kind === 'boolean') {
    return (
      <Select
        aria-label={t('value')}
        data={[
          { value: 'true', label: t('boolean.true') },
          { value: 'false', label: t('boolean.false') },
        ]}
        value={typeof value === 'boolean' ? String(value) : null}
        onChange={(v) => onChange(v === 'true')}
        allowDeselect={false}
      />
    );
  }
  if (shape.kind === 'tag') {
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
    shape.kind === 'consent'
      ? ['granted', 'withdrawn', 'unknown'].map((s) => ({ value: s, label: t(`consent.${s}`) }))
      : shape.options;
  if (op === 'in' || op === 'notIn') {
    return (
      <MultiSelect
        aria-label={t('value')}
        data={data}
        value={list.map(toOption)}
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
