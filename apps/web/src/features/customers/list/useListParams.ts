import { customerSorts, type CustomerSort } from '@kayoi/contracts';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { CustomerListParams } from '../api';
import { usePiiView } from '../display';

const filterKeys = [
  'tag',
  'storeId',
  'channelId',
  'birthdayMonth',
  'lastVisitFrom',
  'lastVisitTo',
  'includeErased',
] as const;
export type FilterKey = (typeof filterKeys)[number] | 'q' | 'sort';

/**
 * The API refuses these for a viewer without personal data: a name search or a birthday month
 * would tell them whose record it is, and kana order is a list of names.
 */
export const personalSorts: readonly CustomerSort[] = ['kana'];

function monthOf(value: string | null): number | undefined {
  const month = Number(value);
  return Number.isInteger(month) && month >= 1 && month <= 12 ? month : undefined;
}

function isSort(value: string | null): value is CustomerSort {
  return (customerSorts as readonly (string | null)[]).includes(value);
}

/**
 * Search and filters live in the address, so going back from a karte restores the list, and
 * a filtered list can be bookmarked or shared with a colleague.
 */
export function useListParams() {
  const [search, setSearch] = useSearchParams();
  const pii = usePiiView();
  const personal = pii !== 'none';

  const params = useMemo((): CustomerListParams => {
    const get = (key: FilterKey) => search.get(key) || undefined;
    const sort = search.get('sort');
    return {
      q: personal ? get('q') : undefined,
      tag: get('tag'),
      storeId: get('storeId'),
      channelId: get('channelId'),
      lastVisitFrom: get('lastVisitFrom'),
      lastVisitTo: get('lastVisitTo'),
      birthdayMonth: personal ? monthOf(search.get('birthdayMonth')) : undefined,
      includeErased: search.get('includeErased') === 'true' || undefined,
      sort: isSort(sort) && (personal || !personalSorts.includes(sort)) ? sort : 'recent',
    };
  }, [search, personal]);

  const setParam = useCallback(
    (key: FilterKey, value: string | null) =>
      setSearch(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (value) next.set(key, value);
          else next.delete(key);
          return next;
        },
        // Typing a search should not leave one history entry per pause.
        { replace: true },
      ),
    [setSearch],
  );

  const clearFilters = useCallback(
    () =>
      setSearch(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const key of [...filterKeys, 'q']) next.delete(key);
          return next;
        },
        { replace: true },
      ),
    [setSearch],
  );

  const activeFilters = filterKeys.filter((key) => Boolean(params[key])).length;
  return { params, setParam, clearFilters, activeFilters, personal };
}
