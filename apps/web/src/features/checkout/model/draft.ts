import type { CatalogItem, ItemKind, Payment, PaymentMethod, VisitCreate } from '@kayoi/contracts';

/** A line on the bill: a catalog item, or something typed in at the counter (itemId null). */
export interface DraftLine {
  key: string;
  itemId: string | null;
  kind: ItemKind;
  name: string;
  category: string | null;
  quantity: number;
  unitPrice: number;
  discount: number;
}

export interface DraftPayment {
  method: PaymentMethod;
  /** null: whatever is left of the total, so the amount follows the bill while lines change. */
  amount: number | null;
}

export interface CheckoutDraft {
  lines: DraftLine[];
  discount: number;
  payments: DraftPayment[];
  /** The shop's wall-clock time ("2026-11-20T14:30") for a past visit; null means "now". */
  startedAt: string | null;
}

export const MAX_QUANTITY = 999;

export function lineGross(line: DraftLine): number {
  return line.quantity * line.unitPrice;
}

/** What the server will charge for the line; an over-large discount is reported, not charged. */
export function lineAmount(line: DraftLine): number {
  return Math.max(0, lineGross(line) - line.discount);
}

export function subtotalOf(lines: readonly DraftLine[]): number {
  return lines.reduce((sum, line) => sum + lineAmount(line), 0);
}

export function totalOf(draft: CheckoutDraft): number {
  return Math.max(0, subtotalOf(draft.lines) - draft.discount);
}

export function itemCount(lines: readonly DraftLine[]): number {
  return lines.reduce((sum, line) => sum + line.quantity, 0);
}

/** Amounts as they will be sent: the first open amount takes what the fixed ones leave. */
export function resolvePayments(payments: readonly DraftPayment[], total: number): Payment[] {
  const fixed = payments.reduce((sum, p) => sum + (p.amount ?? 0), 0);
  let restGiven = false;
  return payments.map((p) => {
    if (p.amount !== null) return { method: p.method, amount: p.amount };
    const amount = restGiven ? 0 : Math.max(0, total - fixed);
    restGiven = true;
    return { method: p.method, amount };
  });
}

/** Paid minus total: negative when money is missing, positive when too much was entered. */
export function paymentGap(payments: readonly Payment[], total: number): number {
  return payments.reduce((sum, p) => sum + p.amount, 0) - total;
}

export function lineFromCatalog(item: CatalogItem, key: string): DraftLine {
  return {
    key,
    itemId: item.id,
    kind: item.kind,
    name: item.name,
    category: item.category,
    quantity: 1,
    unitPrice: item.price,
    discount: 0,
  };
}

export function freeLine(key: string): DraftLine {
  return { key, itemId: null, kind: 'service', name: '', category: null, quantity: 1, unitPrice: 0, discount: 0 };
}

export interface VisitContext {
  customerId: string;
  storeId: string;
  staffId: string | null;
  startedAt: string;
}

/**
 * The request body. Catalog lines carry the price the customer was shown, so what is recorded
 * is what was charged even if the menu price changed while the page was open.
 */
export function toVisitCreate(draft: CheckoutDraft, context: VisitContext): VisitCreate {
  const total = totalOf(draft);
  return {
    customerId: context.customerId,
    storeId: context.storeId,
    staffId: context.staffId,
    startedAt: context.startedAt,
    items: draft.lines.map((line) =>
      line.itemId
        ? { itemId: line.itemId, quantity: line.quantity, unitPrice: line.unitPrice, discount: line.discount }
        : {
            kind: line.kind,
            name: line.name.trim(),
            quantity: line.quantity,
            unitPrice: line.unitPrice,
            discount: line.discount,
          },
    ),
    discount: draft.discount,
    payments: resolvePayments(draft.payments, total).filter((p) => p.amount > 0),
  };
}
