import { referenceKeys } from '../../../api/reference';
import type { AdSpend } from '@kayoi/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { useSettingsMutation } from '../hooks/useSettingsMutation';

/** Analytics pages that compute acquisition cost read the same key, so they refresh too. */
export const adSpendKey = referenceKeys.adSpend;

export function useAdSpend(channelId: string | null, year: number) {
  return useQuery({
    queryKey: [...adSpendKey, channelId, year],
    queryFn: () =>
      api<{ items: AdSpend[] }>('/ad-spend', { query: { channelId, from: `${year}-01`, to: `${year}-12` } }).then(
        (r) => r.items,
      ),
    enabled: channelId !== null,
  });
}

export interface AdSpendChange {
  month: string;
  /** null removes the month's figure. */
  amount: number | null;
  /** Kept as it was: the grid edits amounts only. */
  note: string | null;
}

/** One request per changed month: the API keys spend by channel and month. */
export function useSaveAdSpend(channelId: string | null) {
  return useSettingsMutation(
    async (changes: AdSpendChange[]) => {
      for (const change of changes) {
        const path = `/ad-spend/${channelId}/${change.month}`;
        if (change.amount === null) await api(path, { method: 'DELETE' });
        else await api(path, { method: 'PUT', body: { amount: change.amount, note: change.note } });
      }
    },
    [adSpendKey],
  );
}
