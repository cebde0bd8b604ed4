import type { ItemKind, PaymentMethod } from '@kayoi/contracts';
import { normalizeEmail, normalizePhone } from '../customers/normalize.js';
import {
  parseCount,
  parseItemKind,
  parseLocalDateTime,
  parsePaymentMethod,
  parseTime,
  parseYen,
  type LocalDateTimeParts,
} from './cellParsers.js';
import type { RowProblem } from './rowErrors.js';

/** One line of a visits file: one line item of one visit (receipt). */
export interface VisitImportLine {
  /** Rows with the same key, next to each other, are one visit. */
  visitKey: string;
  customer: { externalId: string | null; phone: string | null; email: string | null };
  store: string | null;
  staff: string | null;
  startedAt: Date;
  item: {
    name: string;
    kind: ItemKind | null;
    category: string | null;
    quantity: number;
    unitPrice: number;
    discount: number;
    amount: number;
  };
  paymentMethod: PaymentMethod;
  note: string | null;
}

export interface VisitRowContext {
  toInstant: (y: number, mo: number, d: number, h: number, mi: number, s: number) => Date;
  /** Latest acceptable instant (now): a visit cannot be in the future. */
  notAfter: Date;
  /**
   * Date and time cells already read, with what they gave: a POS export repeats them on
   * every line of a receipt and across a day. Give one Map per import.
   */
  seenTimes?: Map<string, Date | RowProblem>;
}

const SEEN_TIMES_LIMIT = 100_000;

/** The name a line gets when the file has no item column: a visit known only by its total. */
export const UNNAMED_ITEM = '来店';

// Module-level helpers rather than closures made per row: a row check runs a million times
// in a large import.
function numberCell(
  cells: ReadonlyMap<string, string>,
  field: string,
  parse: (t: string) => ReturnType<typeof parseYen>,
  problems: RowProblem[],
): number | null | undefined {
  const text = cells.get(field)?.trim() ?? '';
  if (text === '') return undefined;
  const parsed = parse(text);
  if (!parsed.ok) {
    problems.push({ field, code: parsed.code, value: text });
    return null;
  }
  return parsed.value;
}

function textCell(cells: ReadonlyMap<string, string>, field: string, problems: RowProblem[]): string | null {
  const value = cells.get(field)?.trim() ?? '';
  if (value.length > 200 && field !== 'note') {
    problems.push({ field, code: 'TOO_LONG', value: value.slice(0, 30) });
    return null;
  }
  return value === '' ? null : value;
}

function amounts(
  cells: ReadonlyMap<string, string>,
  problems: RowProblem[],
): { quantity: number; unitPrice: number; discount: number; amount: number } | null {
  const quantity = numberCell(cells, 'quantity', parseCount, problems) ?? 1;
  const discount = numberCell(cells, 'discount', parseYen, problems) ?? 0;
  const unitPrice = numberCell(cells, 'unitPrice', parseYen, problems);
  const amount = numberCell(cells, 'amount', parseYen, problems);
  if (quantity === null || discount === null || unitPrice === null || amount === null) return null;
  if (unitPrice === undefined && amount === undefined) {
    problems.push({ field: 'amount', code: 'MISSING_VALUE' });
    return null;
  }
  if (unitPrice !== undefined) {
    const expected = unitPrice * quantity - discount;
    if (expected < 0) {
      problems.push({ field: 'discount', code: 'DISCOUNT_TOO_LARGE', value: String(discount) });
      return null;
    }
    if (amount !== undefined && amount !== expected) {
      problems.push({ field: 'amount', code: 'AMOUNT_MISMATCH', value: String(amount) });
      return null;
    }
    return { quantity, unitPrice, discount, amount: expected };
  }
  const gross = (amount ?? 0) + discount;
  if (gross % quantity !== 0) {
    problems.push({ field: 'amount', code: 'AMOUNT_MISMATCH', value: String(amount) });
    return null;
  }
  return { quantity, unitPrice: gross / quantity, discount, amount: amount ?? 0 };
}

function startedAt(cells: ReadonlyMap<string, string>, ctx: VisitRowContext, problems: RowProblem[]): Date | null {
  const dateText = cells.get('visitDate')?.trim() ?? '';
  const timeText = cells.get('visitTime')?.trim() ?? '';
  const seen = ctx.seenTimes;
  if (!seen) return readStartedAt(dateText, timeText, ctx, problems);
  const key = `${dateText}\u0000${timeText}`;
  let known = seen.get(key);
  if (known === undefined) {
    const found: RowProblem[] = [];
    known = readStartedAt(dateText, timeText, ctx, found) ?? found[0]!;
    if (seen.size >= SEEN_TIMES_LIMIT) seen.clear();
    seen.set(key, known);
  }
  if (known instanceof Date) return known;
  problems.push(known);
  return null;
}

function readStartedAt(dateText: string, timeText: string, ctx: VisitRowContext, problems: RowProblem[]): Date | null {
  if (dateText === '') {
    problems.push({ field: 'visitDate', code: 'MISSING_VALUE' });
    return null;
  }
  const date = parseLocalDateTime(dateText);
  if (!date.ok) {
    problems.push({ field: 'visitDate', code: date.code, value: dateText });
    return null;
  }
  let parts: LocalDateTimeParts = date.value;
  if (timeText !== '') {
    const time = parseTime(timeText);
    if (!time.ok) {
      problems.push({ field: 'visitTime', code: time.code, value: timeText });
      return null;
    }
    parts = { ...parts, ...time.value };
  }
  const instant = ctx.toInstant(parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second);
  if (instant > ctx.notAfter) {
    problems.push({ field: 'visitDate', code: 'FUTURE_DATE', value: dateText });
    return null;
  }
  return instant;
}

/**
 * Checks one visits row. Without a receipt number the visit is keyed by customer, time
 * and store, so importing the same file twice still updates rather than duplicates.
 */
export function checkVisitRow(
  cells: ReadonlyMap<string, string>,
  ctx: VisitRowContext,
): { line: VisitImportLine } | { problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const customer = {
    externalId: textCell(cells, 'customerExternalId', problems),
    phone: normalizePhone(textCell(cells, 'customerPhone', problems)),
    email: normalizeEmail(textCell(cells, 'customerEmail', problems)),
  };
  if (!customer.externalId && !customer.phone && !customer.email) {
    problems.push({ field: 'customerExternalId', code: 'MISSING_VALUE' });
  }
  const at = startedAt(cells, ctx, problems);
  const money = amounts(cells, problems);
  const kindText = textCell(cells, 'itemKind', problems);
  const kind = kindText === null ? null : parseItemKind(kindText);
  if (kind && !kind.ok) problems.push({ field: 'itemKind', code: kind.code, value: kindText ?? '' });
  const paymentText = textCell(cells, 'paymentMethod', problems);
  const payment = paymentText === null ? null : parsePaymentMethod(paymentText);
  if (payment && !payment.ok) problems.push({ field: 'paymentMethod', code: payment.code, value: paymentText ?? '' });
  const note = cells.get('note')?.trim() || null;
  if (note && note.length > 2000) problems.push({ field: 'note', code: 'TOO_LONG', value: note.slice(0, 30) });
  // Read before deciding: an overlong value here is a problem, not a silent blank.
  const store = textCell(cells, 'store', problems);
  const receipt = textCell(cells, 'visitExternalId', problems);
  const staff = textCell(cells, 'staff', problems);
  const itemName = textCell(cells, 'itemName', problems);
  const category = textCell(cells, 'category', problems);

  if (problems.length > 0 || at === null || money === null) return { problems };
  const customerKey = customer.externalId ?? customer.phone ?? customer.email ?? '';
  return {
    line: {
      visitKey: receipt ?? `auto:${customerKey}|${at.toISOString()}|${store ?? ''}`,
      customer,
      store,
      staff,
      startedAt: at,
      item: {
        name: itemName ?? UNNAMED_ITEM,
        kind: kind?.ok ? kind.value : null,
        category,
        ...money,
      },
      paymentMethod: payment?.ok ? payment.value : 'other',
      note,
    },
  };
}
