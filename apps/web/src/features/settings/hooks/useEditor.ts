import { useState } from 'react';

interface State<T> {
  opened: boolean;
  record: T | undefined;
  /** A fresh form each time the modal opens, even for the same record. */
  session: number;
}

/**
 * Which record the modal edits (undefined = a new one). The record outlives closing so the
 * modal's fade-out still shows the form it had, not a blank "add" form.
 */
export function useEditor<T>() {
  const [state, setState] = useState<State<T>>({ opened: false, record: undefined, session: 0 });
  return {
    ...state,
    isNew: state.record === undefined,
    openNew: () => setState((s) => ({ opened: true, record: undefined, session: s.session + 1 })),
    openEdit: (record: T) => setState((s) => ({ opened: true, record, session: s.session + 1 })),
    close: () => setState((s) => ({ ...s, opened: false })),
  };
}
