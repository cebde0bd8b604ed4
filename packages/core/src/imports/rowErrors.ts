import type { Locale } from '@kayoi/contracts';

/** Every reason a row can be rejected, with a message per language. */
export const rowErrorMessages = {
  INVALID_AMOUNT: { ja: '金額は0以上の整数（円）で入力してください', en: 'expected a whole, non-negative yen amount' },
  INVALID_QUANTITY: { ja: '数量は1〜999の整数で入力してください', en: 'expected a quantity from 1 to 999' },
  INVALID_DATE: { ja: '日付を読み取れません（例: 2024/03/05）', en: 'not a date like 2024/03/05' },
  INVALID_TIME: { ja: '時刻を読み取れません（例: 14:30）', en: 'not a time like 14:30' },
  FUTURE_DATE: { ja: '未来の日付です', en: 'the date is in the future' },
  INVALID_EMAIL: { ja: 'メールアドレスの形式が正しくありません', en: 'not an email address' },
  INVALID_PHONE: { ja: '電話番号は10〜11桁で入力してください', en: 'expected a 10- or 11-digit phone number' },
  INVALID_POSTAL_CODE: { ja: '郵便番号は7桁で入力してください', en: 'expected a 7-digit postal code' },
  INVALID_GENDER: {
    ja: '性別は 女性・男性・その他 のいずれかです',
    en: 'expected 女性/female, 男性/male or その他/other',
  },
  INVALID_CONSENT: { ja: '配信可否は 可・不可 のいずれかです', en: 'expected 可/yes or 不可/no' },
  INVALID_PAYMENT_METHOD: {
    ja: '支払方法は 現金・カード・QR・プリペイド・ポイント・その他 のいずれかです',
    en: 'expected cash, card, QR, prepaid, points or other',
  },
  INVALID_ITEM_KIND: { ja: '区分は 施術・店販 のいずれかです', en: 'expected 施術/service or 店販/product' },
  INVALID_ATTRIBUTE: { ja: 'カスタム項目の値が正しくありません', en: 'not a valid value for this custom attribute' },
  TOO_LONG: { ja: '文字数が多すぎます', en: 'the text is too long' },
  MISSING_VALUE: { ja: '必須項目が空です', en: 'this required value is empty' },
  NOT_IDENTIFIABLE: {
    ja: '氏名・フリガナ・電話番号・メール・顧客番号のいずれかが必要です',
    en: 'a name, kana, phone, email or customer number is needed',
  },
  CUSTOMER_NOT_FOUND: { ja: '該当する顧客がいません', en: 'no customer matches' },
  CUSTOMER_AMBIGUOUS: {
    ja: '複数の顧客に一致します。顧客番号を指定してください',
    en: 'several customers match; give the customer number',
  },
  STORE_NOT_FOUND: { ja: 'この名前の店舗がありません', en: 'no store has this name' },
  STORE_REQUIRED: { ja: '店舗が複数あるため店舗名が必要です', en: 'the business has several stores: name one' },
  STAFF_NOT_FOUND: { ja: 'この名前のスタッフがいません', en: 'no staff member has this name' },
  DUPLICATE_VISIT: {
    ja: '同じ伝票番号の行が離れた位置にあります。同じ伝票の行は続けて並べてください',
    en: 'this receipt number already appeared in earlier, non-adjacent rows; keep a receipt’s rows together',
  },
  AMOUNT_MISMATCH: {
    ja: '金額が 単価×数量−割引 と一致しません',
    en: 'the amount is not unit price × quantity − discount',
  },
  DISCOUNT_TOO_LARGE: { ja: '割引が金額を超えています', en: 'the discount exceeds the amount' },
  ENCODING: {
    ja: '文字化けしています。Shift_JIS のファイルなら --encoding shift_jis を指定してください',
    en: 'garbled characters; for a Shift_JIS file use encoding shift_jis',
  },
  MALFORMED_CSV: {
    ja: 'CSVの形式が崩れています（閉じていない引用符など）',
    en: 'malformed CSV (an unclosed quote or similar)',
  },
  MISSING_COLUMN: { ja: '必要な列がありません', en: 'a required column is missing' },
  UNKNOWN_FIELD: { ja: '列の対応付けに不明な項目があります', en: 'the column mapping names an unknown field' },
  DUPLICATE_COLUMN: { ja: '同じ項目に対応する列が複数あります', en: 'two columns give the same field' },
  CUSTOMER_ERASED: { ja: 'この顧客は削除済みです', en: 'this customer was erased' },
  EXTERNAL_ID_TAKEN: {
    ja: 'この顧客番号は別の顧客に使われています',
    en: 'this customer number belongs to another customer',
  },
  LINE_USER_ID_TAKEN: { ja: 'このLINE IDは別の顧客に使われています', en: 'this LINE id belongs to another customer' },
} as const satisfies Record<string, { ja: string; en: string }>;

export type RowErrorCode = keyof typeof rowErrorMessages;

export interface RowProblem {
  /** The field (mapped back to the file's header in the report); null for the whole row. */
  field: string | null;
  code: RowErrorCode;
  value?: string;
}

export function rowErrorMessage(problem: RowProblem, locale: Locale): string {
  const base = rowErrorMessages[problem.code][locale];
  return problem.value === undefined || problem.value === '' ? base : `${base}: "${problem.value.slice(0, 80)}"`;
}
