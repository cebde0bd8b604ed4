import type { QueryKey } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../api/client';
import { useSettingsMutation, type DoneMessage } from './useSettingsMutation';

interface Options {
  /** The PATCH that undoes the archive ({archived: false} or {active: true}). */
  restorePatch: object;
  archivedMessage?: DoneMessage;
  restoredMessage?: DoneMessage;
}

/**
 * Archive with a confirmation, restore without one: DELETE on reference data only hides a
 * record (history keeps pointing at it), so putting it back is harmless.
 */
export function useArchiveFlow<T extends { id: string }>(path: string, queryKey: QueryKey, options: Options) {
  // The target outlives closing so the dialog's fade-out keeps its text.
  const [state, setState] = useState<{ opened: boolean; target: T | null }>({ opened: false, target: null });
  const archive = useSettingsMutation(
    (row: T) => api<T>(`${path}/${row.id}`, { method: 'DELETE' }),
    [queryKey],
    options.archivedMessage ?? 'archived',
  );
  const restore = useSettingsMutation(
    (row: T) => api<T>(`${path}/${row.id}`, { method: 'PATCH', body: options.restorePatch }),
    [queryKey],
    options.restoredMessage ?? 'restored',
  );
  const close = () => setState((s) => ({ ...s, opened: false }));
  return {
    ...state,
    ask: (row: T) => {
      archive.reset();
      setState({ opened: true, target: row });
    },
    close,
    confirm: () => {
      if (state.target) archive.mutate(state.target, { onSuccess: close });
    },
    archive,
    restore,
  };
}

export type ArchiveFlow<T extends { id: string }> = ReturnType<typeof useArchiveFlow<T>>;
