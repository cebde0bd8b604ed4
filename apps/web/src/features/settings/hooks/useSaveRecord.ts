import type { QueryKey } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { useSettingsMutation } from './useSettingsMutation';

/** POST to the collection for a new record, PATCH the record itself for an edit. */
export function useSaveRecord<TPayload, TResult>(path: string, id: string | undefined, queryKeys: readonly QueryKey[]) {
  return useSettingsMutation(
    (payload: TPayload) =>
      id === undefined
        ? api<TResult>(path, { method: 'POST', body: payload })
        : api<TResult>(`${path}/${id}`, { method: 'PATCH', body: payload }),
    queryKeys,
  );
}
