import i18n from '../../../i18n';
import { formatYen } from '../../../lib/format';

/**
 * Number formats the analytics pages share. Shares are percentages with one decimal (12.3%)
 * everywhere, so the same figure reads the same on every page; a missing value (too few
 * customers to say) is a dash, never 0.
 */
const locale = () => (i18n.language === 'en' ? 'en-GB' : 'ja-JP');

export const DASH = '—';

export function formatShare(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return DASH;
  return new Intl.NumberFormat(locale(), {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(share);
}

/** A change in percent with its sign (+4.2% / −3.0%), for "against last year". */
export function formatChange(ratio: number | null): string {
  if (ratio === null || !Number.isFinite(ratio)) return DASH;
  return new Intl.NumberFormat(locale(), {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(ratio);
}

export function formatYenOrDash(amount: number | null | undefined): string {
  return amount === null || amount === undefined ? DASH : formatYen(amount);
}

/**
 * Large sums where space is short (a grid cell on a phone): ￥123万 / ¥1.2M. English uses the
 * US form, because the British one writes "JP¥".
 */
export function formatYenCompact(amount: number): string {
  return new Intl.NumberFormat(i18n.language === 'en' ? 'en-US' : 'ja-JP', {
    style: 'currency',
    currency: 'JPY',
    // "¥800K", not "JP¥800K": the yen sign alone is unambiguous on a Japanese shop's screens.
    currencyDisplay: 'narrowSymbol',
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(amount);
}

export function formatCount(count: number): string {
  return new Intl.NumberFormat(locale()).format(count);
}

/** Medians can fall between two days (44.5); shown to one decimal only when they do. */
export function formatDays(days: number | null | undefined): string {
  if (days === null || days === undefined) return DASH;
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 }).format(days);
}

/** A calendar month (YYYY-MM) as people write it: 2026年11月 / Nov 2026. */
export function formatMonth(month: string): string {
  return new Intl.DateTimeFormat(locale(), { timeZone: 'UTC', year: 'numeric', month: 'short' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
}

/** Dimensions whose group keys are a fixed vocabulary the API leaves for the dashboard to name. */
export type Vocabulary = 'ageBand' | 'gender';

/**
 * A group's name as shown. Named things (stores, staff, channels) come with their own label;
 * age bands and genders come as keys; "unknown" and the merged "other" are keys everywhere.
 */
export function groupLabel(row: { group: string; label: string }, vocabulary?: Vocabulary): string {
  if (row.group === 'unknown') return i18n.t('analytics:segments.groups.unknown');
  if (vocabulary) return i18n.t(`analytics:segments.${vocabulary}.${row.group}`, { defaultValue: row.label });
  if (row.group === 'other') return i18n.t('analytics:segments.groups.other');
  return row.label;
}
