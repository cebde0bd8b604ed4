import type { Gender, ItemKind, PaymentMethod } from '@kayoi/contracts';
import type { RowErrorCode } from './rowErrors.js';

/**
 * Cell parsers for what Japanese shop exports contain. Each returns the value or an
 * error code (never throws), so one pass can report every problem of a row.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; code: RowErrorCode };
const good = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(code: RowErrorCode): Parsed<T> => ({ ok: false, code });

const fold = (text: string) => text.normalize('NFKC').trim();
// Most cells of a POS export are plain ASCII digits: they need no folding (NFKC is the
// costliest step of a row check).
const PLAIN_DIGITS = /^\d{1,9}$/;

/** "¥5,500", "5500円", "５，５００" → 5500. Negative or fractional yen are errors. */
export function parseYen(text: string): Parsed<number> {
  if (PLAIN_DIGITS.test(text)) return good(Number(text));
  // Shift_JIS has no backslash: its 0x5C is the yen sign, decoded as "\".
  const cleaned = fold(text)
    .replace(/^[¥￥\\]\s*/, '')
    .replace(/,/g, '')
    .replace(/\s*円$/, '');
  if (!/^\d{1,9}$/.test(cleaned)) return bad('INVALID_AMOUNT');
  return good(Number(cleaned));
}

export function parseCount(text: string): Parsed<number> {
  if (PLAIN_DIGITS.test(text))
    return text.length <= 3 && Number(text) >= 1 ? good(Number(text)) : bad('INVALID_QUANTITY');
  const cleaned = fold(text).replace(/[,個点本]/g, '');
  if (!/^\d{1,3}$/.test(cleaned) || Number(cleaned) < 1) return bad('INVALID_QUANTITY');
  return good(Number(cleaned));
}

export interface LocalDateParts {
  year: number;
  month: number;
  day: number;
}
export interface LocalDateTimeParts extends LocalDateParts {
  hour: number;
  minute: number;
  second: number;
}

// "14:30", "14:30:05", "14時30分", "14時30分5秒".
const TIME = String.raw`(\d{1,2})(?::(\d{1,2})(?::(\d{1,2}))?|時(\d{1,2})分(?:(\d{1,2})秒)?)`;
const DATE_TIME = new RegExp(String.raw`^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]${TIME})?$`);
const TIME_ONLY = new RegExp(`^${TIME}$`);

/** Hour, minute, second from the TIME groups starting at `at` (colon or 時分秒 spelling). */
function timeGroups(m: RegExpExecArray, at: number): [number, number, number] {
  const minute = m[at + 1] ?? m[at + 3];
  const second = m[at + 2] ?? m[at + 4];
  return [Number(m[at] ?? 0), Number(minute ?? 0), Number(second ?? 0)];
}
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;

function checkCalendar(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

/** "2024/3/5", "2024-03-05 14:30", "2024年3月5日", "20240305" (local wall-clock). */
export function parseLocalDateTime(text: string): Parsed<LocalDateTimeParts> {
  const t = fold(text);
  const m = DATE_TIME.exec(t) ?? COMPACT_DATE.exec(t);
  if (!m) return bad('INVALID_DATE');
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [hour, minute, second] = timeGroups(m, 4);
  if (!checkCalendar(year, month, day)) return bad('INVALID_DATE');
  if (year < 1900 || year > 2200) return bad('INVALID_DATE');
  if (hour > 23 || minute > 59 || second > 59) return bad('INVALID_TIME');
  return good({ year, month, day, hour, minute, second });
}

export function parseLocalDate(text: string): Parsed<string> {
  const parsed = parseLocalDateTime(text);
  if (!parsed.ok) return parsed;
  const { year, month, day } = parsed.value;
  return good(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
}

/** "14:30", "9:05:00", "14時30分". */
export function parseTime(text: string): Parsed<{ hour: number; minute: number; second: number }> {
  const m = TIME_ONLY.exec(fold(text));
  if (!m) return bad('INVALID_TIME');
  const [hour, minute, second] = timeGroups(m, 1);
  if (hour > 23 || minute > 59 || second > 59) return bad('INVALID_TIME');
  return good({ hour, minute, second });
}

/** Keys folded as lookup folds its input, so an exact hit needs no folding. */
function foldedTable<T>(table: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(table).map(([key, value]) => [fold(key).toLowerCase(), value]));
}

function lookup<T>(table: Record<string, T>, text: string, code: RowErrorCode): Parsed<T> {
  if (Object.hasOwn(table, text)) return good(table[text] as T);
  const key = fold(text).toLowerCase();
  return Object.hasOwn(table, key) ? good(table[key] as T) : bad(code);
}

const genders: Record<string, Gender> = foldedTable({
  女性: 'female',
  女: 'female',
  f: 'female',
  female: 'female',
  woman: 'female',
  婦: 'female',
  男性: 'male',
  男: 'male',
  m: 'male',
  male: 'male',
  man: 'male',
  その他: 'other',
  other: 'other',
  x: 'other',
  不明: 'unspecified',
  未回答: 'unspecified',
  回答しない: 'unspecified',
  unspecified: 'unspecified',
  '-': 'unspecified',
});
export const parseGender = (text: string) => lookup(genders, text, 'INVALID_GENDER');

const consents: Record<string, 'granted' | 'withdrawn'> = foldedTable({
  可: 'granted',
  許可: 'granted',
  希望: 'granted',
  する: 'granted',
  受信: 'granted',
  はい: 'granted',
  有: 'granted',
  あり: 'granted',
  '○': 'granted',
  '◯': 'granted',
  '1': 'granted',
  yes: 'granted',
  y: 'granted',
  true: 'granted',
  granted: 'granted',
  'opt in': 'granted',
  不可: 'withdrawn',
  拒否: 'withdrawn',
  希望しない: 'withdrawn',
  しない: 'withdrawn',
  停止: 'withdrawn',
  いいえ: 'withdrawn',
  無: 'withdrawn',
  なし: 'withdrawn',
  '×': 'withdrawn',
  '0': 'withdrawn',
  no: 'withdrawn',
  n: 'withdrawn',
  false: 'withdrawn',
  withdrawn: 'withdrawn',
  'opt out': 'withdrawn',
});
export const parseConsent = (text: string) => lookup(consents, text, 'INVALID_CONSENT');

const payments: Record<string, PaymentMethod> = foldedTable({
  現金: 'cash',
  cash: 'cash',
  カード: 'card',
  クレジット: 'card',
  クレジットカード: 'card',
  クレカ: 'card',
  デビット: 'card',
  card: 'card',
  'credit card': 'card',
  qr: 'qr',
  qrコード: 'qr',
  qr決済: 'qr',
  paypay: 'qr',
  電子マネー: 'qr',
  交通系: 'qr',
  コード決済: 'qr',
  プリペイド: 'prepaid',
  前払い: 'prepaid',
  回数券: 'prepaid',
  チャージ: 'prepaid',
  prepaid: 'prepaid',
  ポイント: 'points',
  points: 'points',
  point: 'points',
  その他: 'other',
  other: 'other',
  売掛: 'other',
  振込: 'other',
});
export const parsePaymentMethod = (text: string) => lookup(payments, text, 'INVALID_PAYMENT_METHOD');

const kinds: Record<string, ItemKind> = foldedTable({
  サービス: 'service',
  施術: 'service',
  技術: 'service',
  技術売上: 'service',
  service: 'service',
  メニュー: 'service',
  物販: 'product',
  店販: 'product',
  商品: 'product',
  店販売上: 'product',
  product: 'product',
  retail: 'product',
});
export const parseItemKind = (text: string) => lookup(kinds, text, 'INVALID_ITEM_KIND');

const AREA = /^(?:東京都|北海道|(?:京都|大阪)府|.{2,3}県)?(.+?(?:市.+?区|市|区|町|村))/;

/**
 * The city or ward of a full address ("東京都渋谷区神宮前1-2-3" → "渋谷区"): coarse enough for
 * statistics. Names that themselves contain 市, 町 or 村 (四日市市, 十日町市, 東村山市) would end too
 * early at the first one, so a match followed by 市 within two characters is extended to it.
 * Exact for the usual cases, not a gazetteer.
 */
export function areaFromAddress(address: string): string | null {
  const text = fold(address);
  const m = AREA.exec(text);
  const area = m?.[1];
  if (!m || !area) return null;
  if (area.endsWith('区')) return area;
  const rest = text.slice(m[0].length);
  if (rest.startsWith('市')) return `${area}市`;
  if ((area.endsWith('町') || area.endsWith('村')) && rest[1] === '市') return `${area}${rest.slice(0, 2)}`;
  return area;
}

export function splitList(text: string): string[] {
  return fold(text)
    .split(/[,、/|;；]/)
    .map((t) => t.trim())
    .filter((t) => t !== '');
}
