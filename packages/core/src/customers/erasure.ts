import type { CustomerColumns } from '../ports.js';

/**
 * A privacy request removes everything that identifies the person and keeps what the
 * shop's statistics need: gender, birth year, area, acquisition channel and date, and
 * the visits themselves (without their free-text notes). Custom attribute values and
 * tags go too: they can hold health details such as allergies.
 */
export const erasedCustomerColumns = {
  externalId: null,
  familyName: null,
  givenName: null,
  familyNameKana: null,
  givenNameKana: null,
  email: null,
  phone: null,
  lineUserId: null,
  birthday: null,
  postalCode: null,
  notes: null,
  tags: [],
  searchText: '',
} as const satisfies Partial<CustomerColumns>;

/** Kept on purpose; listed so a test can prove erasure keeps exactly these. */
export const keptAfterErasure = ['gender', 'birthYear', 'area', 'acquisitionChannelId', 'acquiredOn'] as const;
