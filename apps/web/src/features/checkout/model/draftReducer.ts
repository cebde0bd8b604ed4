import type { CatalogItem, PaymentMethod } from '@kayoi/contracts';
import { MAX_QUANTITY, freeLine, lineFromCatalog, type CheckoutDraft, type DraftLine } from './draft';

export interface DraftState extends CheckoutDraft {
  /** Line keys come from a counter so that the reducer stays pure. */
  nextKey: number;
}

export type DraftAction =
  | { type: 'addItem'; item: CatalogItem }
  | { type: 'addFreeLine' }
  | { type: 'changeQuantity'; key: string; delta: number }
  | { type: 'updateLine'; key: string; patch: Partial<Pick<DraftLine, 'name' | 'kind' | 'unitPrice' | 'discount'>> }
  | { type: 'removeLine'; key: string }
  | { type: 'setDiscount'; discount: number }
  | { type: 'setMethod'; index: number; method: PaymentMethod }
  | { type: 'setAmount'; index: number; amount: number | null }
  | { type: 'split'; total: number; method: PaymentMethod }
  | { type: 'unsplit' }
  | { type: 'balance'; total: number }
  | { type: 'setStartedAt'; startedAt: string | null }
  | { type: 'reset' };

export const emptyDraft: DraftState = {
  lines: [],
  discount: 0,
  payments: [{ method: 'cash', amount: null }],
  startedAt: null,
  nextKey: 1,
};

const clampQuantity = (quantity: number) => Math.min(MAX_QUANTITY, Math.max(1, quantity));

function mapLine(state: DraftState, key: string, change: (line: DraftLine) => DraftLine): DraftState {
  return { ...state, lines: state.lines.map((line) => (line.key === key ? change(line) : line)) };
}

export function draftReducer(state: DraftState, action: DraftAction): DraftState {
  switch (action.type) {
    case 'addItem': {
      // Tapping an item already on the bill means one more of it, as at a register.
      const existing = state.lines.find((line) => line.itemId === action.item.id);
      if (existing) return mapLine(state, existing.key, (l) => ({ ...l, quantity: clampQuantity(l.quantity + 1) }));
      const line = lineFromCatalog(action.item, `line-${state.nextKey}`);
      return { ...state, lines: [...state.lines, line], nextKey: state.nextKey + 1 };
    }
    case 'addFreeLine':
      return { ...state, lines: [...state.lines, freeLine(`line-${state.nextKey}`)], nextKey: state.nextKey + 1 };
    case 'changeQuantity':
      return mapLine(state, action.key, (l) => ({ ...l, quantity: clampQuantity(l.quantity + action.delta) }));
    case 'updateLine':
      return mapLine(state, action.key, (l) => ({ ...l, ...action.patch }));
    case 'removeLine':
      return { ...state, lines: state.lines.filter((line) => line.key !== action.key) };
    case 'setDiscount':
      return { ...state, discount: action.discount };
    case 'setMethod':
      return {
        ...state,
        payments: state.payments.map((p, i) => (i === action.index ? { ...p, method: action.method } : p)),
      };
    case 'setAmount':
      return {
        ...state,
        payments: state.payments.map((p, i) => (i === action.index ? { ...p, amount: action.amount } : p)),
      };
    case 'split': {
      // The first method keeps the whole total until it is lowered; the second takes the rest.
      const first = state.payments[0] ?? emptyDraft.payments[0]!;
      return {
        ...state,
        payments: [
          { method: first.method, amount: first.amount ?? action.total },
          { method: action.method, amount: null },
        ],
      };
    }
    case 'unsplit':
      return { ...state, payments: [{ method: state.payments[0]?.method ?? 'cash', amount: null }] };
    case 'balance': {
      // Keep what the first method was given when it fits; the last method takes the rest.
      const payments = state.payments.map((p, i, all) => {
        if (i === all.length - 1) return { ...p, amount: null };
        return { ...p, amount: Math.min(p.amount ?? 0, action.total) };
      });
      return { ...state, payments };
    }
    case 'setStartedAt':
      return { ...state, startedAt: action.startedAt };
    case 'reset':
      return { ...emptyDraft, nextKey: state.nextKey };
  }
}
