import { foldHeader } from '@kayoi/core';

/**
 * Which columns of a shop's transaction log hold the customer, the day and the amount.
 * Headers are compared folded (width, case, spaces, punctuation), so 「顧客 ID」, customer_id
 * and CustomerID are one name. Earlier names win: a visits export has both `id` (the visit)
 * and `customer_id`, and the customer is the latter.
 */
const CANDIDATES = {
  customer: [
    'customer_id',
    'customer',
    'customer_no',
    'customer_number',
    'customer_external_id',
    'client_id',
    'member_id',
    'member_no',
    '顧客ID',
    '顧客番号',
    '顧客No',
    '顧客コード',
    'お客様番号',
    'お客様No',
    '会員番号',
    '会員ID',
    'id',
  ],
  date: [
    'date',
    'local_date',
    'visit_date',
    'transaction_date',
    'purchase_date',
    'order_date',
    '来店日',
    '日付',
    '購入日',
    '売上日',
    '取引日',
    '来店日時',
    '日時',
    'started_at',
    'datetime',
    'timestamp',
  ],
  amount: [
    'amount',
    'total',
    'sales',
    'revenue',
    'value',
    'price',
    '金額',
    '売上',
    '売上金額',
    '合計',
    '合計金額',
    '会計金額',
    '税込金額',
    '支払金額',
  ],
  status: ['status', '状態', 'ステータス'],
} as const;

export interface TransactionColumns {
  customer: number;
  date: number;
  amount: number;
  /** A status column: rows marked void or cancelled are left out. */
  status: number | null;
}

export type ColumnChoice = { customer?: string | undefined; date?: string | undefined; amount?: string | undefined };

/** The column indexes, or a message naming what is missing and what the file has. */
export function resolveTransactionColumns(
  header: readonly string[],
  choice: ColumnChoice,
): { ok: true; columns: TransactionColumns } | { ok: false; message: string } {
  const folded = header.map(foldHeader);
  const find = (names: readonly string[]) => {
    for (const name of names) {
      const at = folded.indexOf(foldHeader(name));
      if (at >= 0) return at;
    }
    return -1;
  };
  const problems: string[] = [];
  const pick = (role: 'customer' | 'date' | 'amount', option: string, given: string | undefined) => {
    const at = given !== undefined ? find([given]) : find(CANDIDATES[role]);
    if (at < 0)
      problems.push(
        given !== undefined
          ? `column "${given}" (${option}) is not in the header`
          : `no ${role} column found: name it with ${option}`,
      );
    return at;
  };
  const customer = pick('customer', '--customer-id', choice.customer);
  const date = pick('date', '--date', choice.date);
  const amount = pick('amount', '--amount', choice.amount);
  if (problems.length > 0) return { ok: false, message: `${problems.join('; ')}. The header is: ${header.join(', ')}` };
  const status = find(CANDIDATES.status);
  return { ok: true, columns: { customer, date, amount, status: status >= 0 ? status : null } };
}

const VOID_STATUSES = new Set(
  ['voided', 'void', 'cancelled', 'canceled', 'refunded', '取消', '取り消し', 'キャンセル', '返金'].map(foldHeader),
);

export function isVoidStatus(text: string): boolean {
  return VOID_STATUSES.has(foldHeader(text));
}
