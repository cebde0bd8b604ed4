import type { TemplateCustomerFacts, TemplateLanguage, TemplateShopFacts } from './templateTypes.js';

/**
 * The variables a template sees. Snake case, as Liquid authors expect; missing facts are
 * null so they render as empty text, never "undefined".
 */
export function buildTemplateContext(
  customer: TemplateCustomerFacts,
  shop: TemplateShopFacts,
  language: TemplateLanguage,
): Record<string, unknown> {
  const family = customer.familyName ?? '';
  const given = customer.givenName ?? '';
  // Japanese order without a space ("山田 花子" reads as two words in greetings); English: given first.
  const name =
    language === 'ja' ? [family, given].filter(Boolean).join(' ') : [given, family].filter(Boolean).join(' ');
  const visit = customer.lastVisit;
  return {
    customer: {
      name,
      family_name: customer.familyName,
      given_name: customer.givenName,
      family_name_kana: customer.familyNameKana,
      given_name_kana: customer.givenNameKana,
      kana: [customer.familyNameKana, customer.givenNameKana].filter(Boolean).join(' '),
      visit_count: customer.visitCount,
      attributes: { ...customer.attributes },
    },
    last_visit: visit
      ? {
          date: formatInstantDate(visit.at, shop.timeZone, language),
          store: visit.storeName,
          staff: visit.staffName,
          service: visit.serviceNames.join('、'),
          services: [...visit.serviceNames],
        }
      : null,
    next_visit: { date: customer.nextVisitFrom ? formatCalendarDate(customer.nextVisitFrom, language) : null },
    shop: { name: shop.name },
  };
}

/** The customer's language if known, else the tenant's default, else Japanese; only if the template has it. */
export function pickTemplateLanguage(
  requested: TemplateLanguage | null | undefined,
  customer: Pick<TemplateCustomerFacts, 'language'>,
  shop: Pick<TemplateShopFacts, 'defaultLanguage'>,
  hasEnglish: boolean,
): TemplateLanguage {
  const wanted = requested ?? customer.language ?? shop.defaultLanguage ?? 'ja';
  return wanted === 'en' && hasEnglish ? 'en' : 'ja';
}

const locales: Record<TemplateLanguage, string> = { ja: 'ja-JP', en: 'en-US' };

/** Building an Intl formatter costs far more than formatting; a broadcast formats one per message. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A visit is an instant: the day it shows is the shop's local day (23:30 JST stays that day). */
export function formatInstantDate(at: Date, timeZone: string, language: TemplateLanguage): string {
  const key = `${language} ${timeZone}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locales[language], { timeZone, year: 'numeric', month: 'long', day: 'numeric' });
    // Bounded: one per (language, zone) in use, and zones are few.
    if (dateFormats.size > 500) dateFormats.clear();
    dateFormats.set(key, format);
  }
  return format.format(at);
}

/** A calendar date has no zone; format it at UTC so no offset can move it. */
function formatCalendarDate(date: string, language: TemplateLanguage): string {
  const at = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(at.getTime()) ? date : formatInstantDate(at, 'UTC', language);
}
