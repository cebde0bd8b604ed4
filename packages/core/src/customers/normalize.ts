/**
 * Japanese input arrives in many shapes: full-width digits, half-width katakana,
 * hiragana readings, +81 numbers. These helpers give one canonical form for storage
 * and search so that "ﾀﾅｶ", "タナカ" and "たなか" find the same customer.
 */

/** NFKC folds full-width ASCII and half-width katakana into their usual forms. */
export function foldWidth(text: string): string {
  return text.normalize('NFKC');
}

const KATAKANA_START = 0x30a1;
const KATAKANA_END = 0x30f6;
const KANA_OFFSET = 0x60;

export function katakanaToHiragana(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    out += code >= KATAKANA_START && code <= KATAKANA_END ? String.fromCodePoint(code - KANA_OFFSET) : ch;
  }
  return out;
}

export function hiraganaToKatakana(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const isHiragana = code >= KATAKANA_START - KANA_OFFSET && code <= KATAKANA_END - KANA_OFFSET;
    out += isHiragana ? String.fromCodePoint(code + KANA_OFFSET) : ch;
  }
  return out;
}

/** Kana readings are stored in full-width katakana, as Japanese forms ask for them. */
export function normalizeKana(text: string | null | undefined): string | null {
  if (text == null) return null;
  const folded = hiraganaToKatakana(foldWidth(text)).replace(/\s+/g, ' ').trim();
  return folded === '' ? null : folded;
}

export function normalizeName(text: string | null | undefined): string | null {
  if (text == null) return null;
  const folded = text.normalize('NFKC').replace(/\s+/g, ' ').trim();
  return folded === '' ? null : folded;
}

/**
 * Phone numbers are stored as digits in domestic form: "+81 90-1234-5678" and
 * "０９０（１２３４）５６７８" both become "09012345678". Returns null when no digits remain.
 */
export function normalizePhone(text: string | null | undefined): string | null {
  if (text == null) return null;
  const folded = foldWidth(text).trim();
  let digits = folded.replace(/[^0-9]/g, '');
  if (digits === '') return null;
  if (folded.startsWith('+81') || (digits.startsWith('81') && digits.length === 12)) {
    digits = '0' + digits.slice(2);
  }
  return digits;
}

export function normalizeEmail(text: string | null | undefined): string | null {
  if (text == null) return null;
  const folded = foldWidth(text).trim().toLowerCase();
  return folded === '' ? null : folded;
}

/** Postal codes are stored as "150-0001". */
export function normalizePostalCode(text: string | null | undefined): string | null {
  if (text == null) return null;
  const digits = foldWidth(text).replace(/[^0-9]/g, '');
  if (digits.length !== 7) return null;
  return `${digits.slice(0, 3)}-${digits.slice(3)}`;
}

/** The folded form used for searching: lower case, hiragana, no spaces or hyphens. */
export function searchKey(text: string): string {
  // The long-vowel mark ー is part of kana readings, so it stays.
  return katakanaToHiragana(foldWidth(text).toLowerCase()).replace(/[\s\-‐－―()（）]/g, '');
}

export interface SearchableCustomer {
  familyName: string | null;
  givenName: string | null;
  familyNameKana: string | null;
  givenNameKana: string | null;
  email: string | null;
  phone: string | null;
  externalId: string | null;
}

/** One string holding every searchable form; `q` matches a substring of it. */
export function customerSearchText(c: SearchableCustomer): string {
  const parts = [
    `${c.familyName ?? ''}${c.givenName ?? ''}`,
    `${c.familyNameKana ?? ''}${c.givenNameKana ?? ''}`,
    c.email,
    c.phone,
    c.externalId,
  ];
  return parts
    .filter((p): p is string => p !== null && p !== '')
    .map(searchKey)
    .join(' ');
}

/**
 * "山田 花子" and "山田\u3000花子" (ideographic space) → family "山田", given "花子". A name without a space stays whole
 * in the family name: guessing where a Japanese name splits would be wrong too often.
 */
export function splitFullName(full: string | null | undefined): { family: string | null; given: string | null } {
  const name = normalizeName(full);
  if (name === null) return { family: null, given: null };
  const space = name.indexOf(' ');
  if (space < 0) return { family: name, given: null };
  return { family: name.slice(0, space), given: name.slice(space + 1).trim() || null };
}
