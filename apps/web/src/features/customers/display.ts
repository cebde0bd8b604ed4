import type { Customer, PiiView } from '@kayoi/contracts';
import type { TFunction } from 'i18next';
import { useMe } from '../../auth/session';
import i18n from '../../i18n';
import { fullName, todayIn } from '../../lib/format';

export { useTimeZone } from '../../auth/session';

export type { PiiView };

/** What of people's personal data this user sees (the server says), so searches it refuses stay hidden. */
export function usePiiView(): PiiView {
  return useMe().data?.piiView ?? 'none';
}

export function kanaOf(c: Pick<Customer, 'familyNameKana' | 'givenNameKana'>): string {
  return [c.familyNameKana, c.givenNameKana].filter(Boolean).join(' ');
}

/** A name to show in a row or heading, including for people whose name is hidden or gone. */
export function displayName(c: Customer, t: TFunction<'customers'>): { text: string; hidden: boolean } {
  const name = fullName(c) || kanaOf(c);
  if (name) return { text: name, hidden: false };
  if (c.erasedAt) return { text: t('erased.name'), hidden: true };
  if (c.masked.includes('familyName') || c.masked.includes('givenName'))
    return { text: t('masked.name'), hidden: true };
  return { text: t('noName'), hidden: true };
}

/**
 * Domestic numbers are stored as digits ("09012345678"); shown with the usual hyphens.
 * Anything else (masked, foreign, landlines of other lengths) is shown as it is.
 */
export function formatPhone(phone: string | null): string {
  if (!phone) return '';
  const mobile = /^(0[5789]0)(\d{4})(\d{4})$/.exec(phone);
  return mobile ? `${mobile[1]}-${mobile[2]}-${mobile[3]}` : phone;
}

/** A calendar date (YYYY-MM-DD) has no zone: formatting it in UTC keeps the same day. */
export function formatLocalDate(date: string | null | undefined): string {
  if (!date) return '—';
  return new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'ja-JP', {
    timeZone: 'UTC',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(`${date}T00:00:00Z`));
}

/** Age on the shop's today; a birthday later this year has not yet counted. */
export function ageOn(birthday: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthday.slice(0, 4));
  return today.slice(5) < birthday.slice(5) ? years - 1 : years;
}

export function ageToday(birthday: string, timeZone: string): number {
  return ageOn(birthday, todayIn(timeZone));
}
