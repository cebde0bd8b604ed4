import { useTranslation } from 'react-i18next';
import { useAttributes, useCatalog } from '../../api/reference';
import { useSegmentList } from '../segments/api';
import type { Names } from './describe';

/** Names for the ids a definition holds (items, attributes, segments), from the shared reference data. */
export function useNames(): Names {
  const { t } = useTranslation('journeys');
  const catalog = useCatalog();
  const attributes = useAttributes();
  const segments = useSegmentList();
  const unknown = t('words.unknown');
  return {
    item: (id) => catalog.data?.find((i) => i.id === id)?.name ?? unknown,
    attribute: (id) => attributes.data?.find((a) => a.id === id)?.label ?? unknown,
    segment: (id) => segments.data?.find((s) => s.id === id)?.name ?? unknown,
  };
}
