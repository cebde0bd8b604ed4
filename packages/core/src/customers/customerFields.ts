import type { CustomerCreate, CustomerPatch } from '@kayoi/contracts';
import type { CustomerColumns } from '../ports.js';
import { fail, ok, type Result } from '../shared/result.js';
import {
  customerSearchText,
  normalizeEmail,
  normalizeKana,
  normalizeName,
  normalizePhone,
  normalizePostalCode,
} from './normalize.js';

/** A customer with nothing known yet: the base that new rows are built on. */
export const blankCustomerColumns: CustomerColumns = {
  externalId: null,
  familyName: null,
  givenName: null,
  familyNameKana: null,
  givenNameKana: null,
  email: null,
  phone: null,
  lineUserId: null,
  gender: 'unspecified',
  birthday: null,
  birthYear: null,
  postalCode: null,
  area: null,
  acquisitionChannelId: null,
  acquiredOn: null,
  notes: null,
  tags: [],
  searchText: '',
};

function normalizedPatch(input: CustomerPatch): Partial<CustomerColumns> {
  const out: Partial<CustomerColumns> = {};
  if (input.externalId !== undefined) out.externalId = input.externalId;
  if (input.familyName !== undefined) out.familyName = normalizeName(input.familyName);
  if (input.givenName !== undefined) out.givenName = normalizeName(input.givenName);
  if (input.familyNameKana !== undefined) out.familyNameKana = normalizeKana(input.familyNameKana);
  if (input.givenNameKana !== undefined) out.givenNameKana = normalizeKana(input.givenNameKana);
  if (input.email !== undefined) out.email = normalizeEmail(input.email);
  if (input.phone !== undefined) out.phone = normalizePhone(input.phone);
  if (input.lineUserId !== undefined) out.lineUserId = input.lineUserId;
  if (input.gender !== undefined) out.gender = input.gender;
  if (input.birthday !== undefined) {
    out.birthday = input.birthday;
    out.birthYear = input.birthday === null ? null : Number(input.birthday.slice(0, 4));
  }
  if (input.postalCode !== undefined) out.postalCode = normalizePostalCode(input.postalCode);
  if (input.area !== undefined) out.area = input.area;
  if (input.acquisitionChannelId !== undefined) out.acquisitionChannelId = input.acquisitionChannelId;
  if (input.acquiredOn !== undefined) out.acquiredOn = input.acquiredOn;
  if (input.notes !== undefined) out.notes = input.notes;
  if (input.tags !== undefined) out.tags = [...new Set(input.tags.map((t) => t.normalize('NFKC').trim()))];
  return out;
}

function checkIdentifiable(c: CustomerColumns): boolean {
  return [
    c.familyName,
    c.givenName,
    c.familyNameKana,
    c.givenNameKana,
    c.email,
    c.phone,
    c.lineUserId,
    c.externalId,
  ].some((v) => v !== null);
}

/**
 * The columns to store for a new customer, or for a change to an existing one
 * (`current` given). The search text is rebuilt from the merged result.
 */
export function checkCustomerColumns(
  input: CustomerCreate | CustomerPatch,
  current?: CustomerColumns,
): Result<{ merged: CustomerColumns; changed: Partial<CustomerColumns> }> {
  const changed = normalizedPatch(input);
  const merged: CustomerColumns = { ...(current ?? blankCustomerColumns), ...changed };
  if (!checkIdentifiable(merged)) return fail('CUSTOMER_NOT_IDENTIFIABLE');
  merged.searchText = customerSearchText(merged);
  changed.searchText = merged.searchText;
  return ok({ merged, changed });
}
