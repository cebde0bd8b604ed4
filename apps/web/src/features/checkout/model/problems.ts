import { lineGross, paymentGap, resolvePayments, subtotalOf, totalOf, type CheckoutDraft } from './draft';
import { instantOfWallTime } from './time';

/** Why the visit cannot be registered yet; each is a key under `problems` in the checkout locale. */
export type Problem =
  'customer' | 'store' | 'items' | 'freeLineName' | 'lineDiscount' | 'visitDiscount' | 'payments' | 'startedAt';

export interface ProblemContext {
  customerId: string | null;
  storeId: string | null;
  timeZone: string;
}

/**
 * Everything the API would refuse, checked in the browser so the Register button is only
 * offered when the visit will go through (the API checks again and its error is still shown).
 */
export function checkoutProblems(draft: CheckoutDraft, context: ProblemContext): Problem[] {
  const problems: Problem[] = [];
  if (!context.customerId) problems.push('customer');
  if (!context.storeId) problems.push('store');
  if (draft.lines.length === 0) problems.push('items');
  if (draft.lines.some((line) => line.itemId === null && line.name.trim() === '')) problems.push('freeLineName');
  if (draft.lines.some((line) => line.discount > lineGross(line))) problems.push('lineDiscount');
  if (draft.discount > subtotalOf(draft.lines)) problems.push('visitDiscount');
  const total = totalOf(draft);
  if (paymentGap(resolvePayments(draft.payments, total), total) !== 0) problems.push('payments');
  if (draft.startedAt !== null && instantOfWallTime(draft.startedAt, context.timeZone) === null) {
    problems.push('startedAt');
  }
  return problems;
}
