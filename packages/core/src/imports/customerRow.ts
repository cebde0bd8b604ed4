import type { AttributeDefinition, ConsentChannel } from '@kayoi/contracts';
import { checkAttributeValues, parseAttributeText } from '../attributes/attributeValues.js';
import {
  normalizeEmail,
  normalizeKana,
  normalizeName,
  normalizePhone,
  normalizePostalCode,
  splitFullName,
} from '../customers/normalize.js';
import type { AttributeValueWrite, CustomerColumns } from '../ports.js';
import { areaFromAddress, parseConsent, parseGender, parseLocalDate, splitList } from './cellParsers.js';
import type { RowProblem } from './rowErrors.js';

/** One customer row, checked: only the columns the file gave (blank cells change nothing). */
export interface CustomerImportRow {
  columns: Partial<CustomerColumns>;
  channelName: string | null;
  attributes: AttributeValueWrite[];
  consents: { channel: ConsentChannel; status: 'granted' | 'withdrawn' }[];
  match: { externalId: string | null; phone: string | null; email: string | null };
}

export interface CustomerRowContext {
  attributes: readonly AttributeDefinition[];
  /** Today in the business's zone, YYYY-MM-DD: birthdays cannot be later. */
  today: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const TEXT_LIMITS: Record<string, number> = { notes: 5000, externalId: 100, lineUserId: 100, area: 100 };

/** Checks one row (field → cell text). Returns the row, or every problem found in it. */
export function checkCustomerRow(
  cells: ReadonlyMap<string, string>,
  ctx: CustomerRowContext,
): { row: CustomerImportRow } | { problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const columns: Partial<CustomerColumns> = {};
  const text = (field: string): string | null => {
    const value = cells.get(field)?.trim() ?? '';
    if (value === '') return null;
    const limit = TEXT_LIMITS[field] ?? 200;
    if (value.length > limit) {
      problems.push({ field, code: 'TOO_LONG', value: value.slice(0, 30) });
      return null;
    }
    return value;
  };

  const externalId = text('externalId');
  if (externalId !== null) columns.externalId = externalId;

  const full = splitFullName(text('fullName'));
  const family = normalizeName(text('familyName')) ?? full.family;
  const given = normalizeName(text('givenName')) ?? full.given;
  if (family !== null) columns.familyName = family;
  if (given !== null) columns.givenName = given;
  const fullKana = splitFullName(text('fullNameKana'));
  const familyKana = normalizeKana(text('familyNameKana') ?? fullKana.family);
  const givenKana = normalizeKana(text('givenNameKana') ?? fullKana.given);
  if (familyKana !== null) columns.familyNameKana = familyKana;
  if (givenKana !== null) columns.givenNameKana = givenKana;

  const emailText = text('email');
  const email = normalizeEmail(emailText);
  if (email !== null) {
    if (EMAIL.test(email)) columns.email = email;
    else problems.push({ field: 'email', code: 'INVALID_EMAIL', value: emailText ?? '' });
  }
  const phoneText = text('phone');
  const phone = normalizePhone(phoneText);
  if (phoneText !== null) {
    if (phone !== null && /^0\d{9,10}$/.test(phone)) columns.phone = phone;
    else problems.push({ field: 'phone', code: 'INVALID_PHONE', value: phoneText });
  }
  const line = text('lineUserId');
  if (line !== null) columns.lineUserId = line;

  const genderText = text('gender');
  if (genderText !== null) {
    const gender = parseGender(genderText);
    if (gender.ok) columns.gender = gender.value;
    else problems.push({ field: 'gender', code: gender.code, value: genderText });
  }
  for (const field of ['birthday', 'acquiredOn'] as const) {
    const value = text(field);
    if (value === null) continue;
    const date = parseLocalDate(value);
    if (!date.ok) problems.push({ field, code: date.code, value });
    else if (date.value > ctx.today) problems.push({ field, code: 'FUTURE_DATE', value });
    else if (field === 'birthday') {
      columns.birthday = date.value;
      columns.birthYear = Number(date.value.slice(0, 4));
    } else columns.acquiredOn = date.value;
  }
  const postalText = text('postalCode');
  if (postalText !== null) {
    const postal = normalizePostalCode(postalText);
    if (postal) columns.postalCode = postal;
    else problems.push({ field: 'postalCode', code: 'INVALID_POSTAL_CODE', value: postalText });
  }
  const address = text('address');
  const area = text('area') ?? (address === null ? null : areaFromAddress(address));
  if (area) columns.area = area;
  const notes = text('notes');
  if (notes !== null) columns.notes = notes;
  const tags = text('tags');
  if (tags !== null) columns.tags = splitList(tags);

  const consents: CustomerImportRow['consents'] = [];
  for (const channel of ['email', 'line', 'sms'] as const) {
    const value = text(`consent:${channel}`);
    if (value === null) continue;
    const status = parseConsent(value);
    if (status.ok) consents.push({ channel, status: status.value });
    else problems.push({ field: `consent:${channel}`, code: status.code, value });
  }

  const attributeValues: Record<string, ReturnType<typeof parseAttributeText>> = {};
  for (const def of ctx.attributes) {
    const value = text(`attr:${def.key}`);
    if (value !== null) attributeValues[def.key] = parseAttributeText(def, value);
  }
  const checked = checkAttributeValues(ctx.attributes, attributeValues);
  if (!checked.ok) {
    const details = checked.error.details as { problems: { key: string }[] };
    for (const p of details.problems) {
      problems.push({ field: `attr:${p.key}`, code: 'INVALID_ATTRIBUTE', value: cells.get(`attr:${p.key}`) ?? '' });
    }
  }

  const identifiable = [externalId, family, given, familyKana, givenKana, email, phone, line].some((v) => v !== null);
  if (!identifiable && problems.length === 0) problems.push({ field: null, code: 'NOT_IDENTIFIABLE' });
  if (problems.length > 0) return { problems };
  return {
    row: {
      columns,
      channelName: text('channel'),
      attributes: checked.ok ? checked.value : [],
      consents,
      match: { externalId, phone: columns.phone ?? null, email: columns.email ?? null },
    },
  };
}
