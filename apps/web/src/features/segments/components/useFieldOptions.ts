import { genders, rfmSegments } from '@kayoi/contracts';
import { useTranslation } from 'react-i18next';
import { useChannels, useStores, useUsers } from '../../../api/reference';
import type { OptionSource } from '../fields';

export interface Option {
  value: string;
  label: string;
}

/** The choices for every list-valued field, labelled in the person's language. */
export function useFieldOptions(): Record<OptionSource, Option[]> {
  const { t } = useTranslation('segments');
  const channels = useChannels().data ?? [];
  const stores = useStores().data ?? [];
  const users = useUsers().data ?? [];
  const months = Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: t('month', { month: i + 1 }) }));
  return {
    gender: genders.map((g) => ({ value: g, label: t(`gender.${g}`) })),
    rfm: rfmSegments.map((s) => ({ value: s, label: t(`rfm.${s}`) })),
    month: [{ value: 'thisMonth', label: t('thisMonth') }, { value: 'nextMonth', label: t('nextMonth') }, ...months],
    channel: channels.map((c) => ({ value: c.id, label: c.name })),
    store: stores.map((s) => ({ value: s.id, label: s.name })),
    staff: users.map((u) => ({ value: u.id, label: u.name })),
  };
}
