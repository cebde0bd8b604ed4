import i18n from '../i18n';

const yenFormat = new Intl.NumberFormat('ja-JP', { style: 'currency', currency: 'JPY' });

/** Whole yen, as a receipt shows it: ¥5,500. */
export function formatYen(amount: number): string {
  return yenFormat.format(amount);
}

/** A date and time in the shop's zone, in the user's language. */
export function formatDateTime(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'ja-JP', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

export function formatDate(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'ja-JP', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(iso));
}

/** Today's calendar date (YYYY-MM-DD) in the shop's zone. */
export function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone }).format(new Date());
}

/** Family name first, as Japanese names are written; kana for sorting and reading aloud. */
export function fullName(c: { familyName: string | null; givenName: string | null }): string {
  return [c.familyName, c.givenName].filter(Boolean).join(' ');
}
