export type ReportLang = 'ja' | 'en';
export type ReportCurrency = 'JPY' | 'USD' | 'none';

export interface Formatters {
  /** ¥12,345 / $12,345.67 / 12,345.67; "—" for null. */
  money(value: number | null): string;
  /** Short money for chart ticks and dense cells: ¥1,670万 / $16.7M. */
  moneyShort(value: number): string;
  /** Whole number with grouping; "—" for null. */
  count(value: number | null): string;
  /** A share (0.1234) as a percentage with one decimal: 12.3%. */
  percent(value: number | null): string;
  /** A share as a whole percentage, for axis ticks. */
  percentTick(value: number): string;
  /** Up to `digits` decimals, grouped. */
  decimal(value: number | null, digits: number): string;
  /** A model parameter: three significant digits, no exponent for ordinary sizes. */
  param(value: number): string;
  /** 'YYYY-MM' → 2026年11月 / Nov 2026. */
  month(ym: string): string;
  /** 'YYYY-MM' → 11月 / Nov, for chart labels. */
  monthShort(ym: string): string;
  dateTime(date: Date): string;
}

export const DASH = '—';

export function formattersFor(lang: ReportLang, currency: ReportCurrency): Formatters {
  const locale = lang === 'ja' ? 'ja-JP' : 'en-US';
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const cents = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumSignificantDigits: 3 });
  const pct = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const pctTick = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const sig = new Intl.NumberFormat(locale, { maximumSignificantDigits: 3 });
  const monthLong = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: lang === 'ja' ? 'long' : 'short',
    timeZone: 'UTC',
  });
  const monthShort = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
  const dateTime = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  });
  // Intl's ja-JP yen sign is the full-width ￥; the report uses the ordinary ¥ in both languages.
  const symbol = currency === 'JPY' ? '¥' : currency === 'USD' ? '$' : '';
  const signed = (value: number, body: (abs: number) => string) =>
    (value < 0 ? '-' : '') + symbol + body(Math.abs(value));
  const monthDate = (ym: string) => new Date(Date.UTC(Number(ym.slice(0, 4)), Number(ym.slice(5, 7)) - 1, 1));
  return {
    money: (value) => {
      if (value === null || !Number.isFinite(value)) return DASH;
      // Yen have no subunit: round to whole yen, and never print "-¥0".
      if (currency === 'JPY') return signed(Math.round(value) || 0, (v) => whole.format(v));
      return signed(Math.round(value * 100) / 100 || 0, (v) => cents.format(v));
    },
    moneyShort: (value) =>
      signed(value, (v) => (v < 10000 && lang === 'ja' ? whole.format(Math.round(v)) : compact.format(v))),
    count: (value) => (value === null || !Number.isFinite(value) ? DASH : whole.format(Math.round(value))),
    percent: (value) => (value === null || !Number.isFinite(value) ? DASH : pct.format(value)),
    percentTick: (value) => pctTick.format(value),
    decimal: (value, digits) =>
      value === null || !Number.isFinite(value)
        ? DASH
        : new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value),
    param: (value) => (Number.isFinite(value) ? sig.format(value) : DASH),
    month: (ym) => monthLong.format(monthDate(ym)),
    monthShort: (ym) => monthShort.format(monthDate(ym)),
    dateTime: (date) => dateTime.format(date),
  };
}

/** Days in the month of 'YYYY-MM'. */
export function daysInMonth(ym: string): number {
  return new Date(Date.UTC(Number(ym.slice(0, 4)), Number(ym.slice(5, 7)), 0)).getUTCDate();
}
