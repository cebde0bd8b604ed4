import type { AttributeDefinition } from '@kayoi/contracts';
import { genders, rfmSegments } from '@kayoi/contracts';
import { useTranslation } from 'react-i18next';
import { useAttributes, useCatalog, useChannels, useStores, useUsers } from '../../../api/reference';
import type { OptionSource } from '../fields';

export interface Option {
  value: string;
  label: string;
}

/** The choices for every list-valued field, and the custom attributes with their types and options. */
export type FieldOptions = Record<OptionSource, Option[]> & { attributes: AttributeDefinition[] };

/** The choices for every list-valued field, labelled in the person's language. */
export function useFieldOptions(): FieldOptions {
  const { t } = useTranslation('segments');
  const channels = useChannels().data ?? [];
  const stores = useStores().data ?? [];
  const users = useUsers().data ?? [];
  const items = useCatalog().data ?? [];
  const attributes = useAttributes().data ?? [];
  const months = Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: t('month', { month: i + 1 }) }));
  // Categories are free text on catalog items (as printed on the receipt); each once, in catalog order.
  const categories = [...new Set(items.map((i) => i.category).filter((c): c is string => !!c))];
  return {
    gender: genders.map((g) => ({ value: g, label: t(`gender.${g}`) })),
    rfm: rfmSegments.map((s) => ({ value: s, label: t(`rfm.${s}`) })),
    month: [{ value: 'thisMonth', label: t('thisMonth') }, { value: 'nextMonth', label: t('nextMonth') }, ...months],
    channel: channels.map((c) => ({ value: c.id, label: c.name })),
    store: stores.map((s) => ({ value: s.id, label: s.name })),
    staff: users.map((u) => ({ value: u.id, label: u.name })),
    // Retired items stay pickable (saved rules and old visits use them), marked as such.
    item: items.map((i) => ({
      value: i.id,
      label: i.active ? i.name : t('inactiveItem', { name: i.name }),
    })),
    category: categories.map((c) => ({ value: c, label: c })),
    attributes,
  };
}
