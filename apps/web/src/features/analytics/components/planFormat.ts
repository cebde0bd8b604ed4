import i18n from '../../../i18n';

/**
 * Formats the planning pages need beyond those every analytics page shares (StatFormat.ts):
 * signed point changes, expected (fractional) counts and week dates for chart axes.
 */

const locale = () => (i18n.language === 'en' ? 'en-GB' : 'ja-JP');

/** A difference of two shares in percentage points, signed: −0.068 → "−6.8". */
export function formatPoints(change: number): string {
  const points = Math.abs(change * 100).toFixed(1);
  if (points === '0.0') return points;
  return change > 0 ? `+${points}` : `−${points}`;
}

/** Expected counts (visits, customers, hours) are fractional: one decimal, grouped. */
export function formatExpected(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(locale(), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    value,
  );
}

/** A week's end on a chart axis, without the year: "2026-11-20" → "11/20" / "20 Nov". */
export function formatShortDate(date: string): string {
  return new Intl.DateTimeFormat(locale(), {
    timeZone: 'UTC',
    month: i18n.language === 'en' ? 'short' : 'numeric',
    day: 'numeric',
  }).format(new Date(`${date}T00:00:00Z`));
}
