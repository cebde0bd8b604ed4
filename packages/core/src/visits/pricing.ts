import type { CatalogItem, LineItem, LineItemInput, Payment } from '@kayoi/contracts';
import { fail, ok, type Result } from '../shared/result.js';

export interface PricedVisit {
  items: LineItem[];
  subtotal: number;
  discount: number;
  total: number;
  payments: Payment[];
}

/**
 * Prices a visit in whole yen: each line is quantity × unit price − its discount, the
 * visit discount comes off the sum, and the payments must add up to exactly the total.
 * Catalog items supply name, kind, price and cost unless the line overrides the price.
 */
export function checkVisitPricing(
  lines: readonly LineItemInput[],
  catalog: ReadonlyMap<string, CatalogItem>,
  visitDiscount: number,
  payments: readonly Payment[],
): Result<PricedVisit> {
  const items: LineItem[] = [];
  for (const [index, line] of lines.entries()) {
    const item = line.itemId === undefined ? undefined : catalog.get(line.itemId);
    if (line.itemId !== undefined && !item) return fail('ITEM_NOT_FOUND', { index, itemId: line.itemId });
    const unitPrice = line.unitPrice ?? item?.price ?? 0;
    const gross = unitPrice * line.quantity;
    if (line.discount > gross)
      return fail('DISCOUNT_EXCEEDS_AMOUNT', { index, discount: line.discount, amount: gross });
    items.push({
      itemId: item?.id ?? null,
      kind: line.kind ?? item?.kind ?? 'service',
      name: line.name ?? item?.name ?? '',
      category: line.category ?? item?.category ?? null,
      quantity: line.quantity,
      unitPrice,
      discount: line.discount,
      amount: gross - line.discount,
      unitCost: line.unitCost ?? item?.cost ?? 0,
    });
  }
  const subtotal = items.reduce((sum, i) => sum + i.amount, 0);
  if (visitDiscount > subtotal) {
    return fail('DISCOUNT_EXCEEDS_AMOUNT', { discount: visitDiscount, amount: subtotal });
  }
  const total = subtotal - visitDiscount;
  const paid = payments.reduce((sum, p) => sum + p.amount, 0);
  if (paid !== total) return fail('PAYMENTS_MISMATCH', { total, paid });
  return ok({ items, subtotal, discount: visitDiscount, total, payments: payments.filter((p) => p.amount > 0) });
}
