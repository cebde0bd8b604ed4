import { piiFields, type Customer, type PiiField } from '@kayoi/contracts';
import type { PiiView } from '../auth/permissions.js';
import type { CustomerDetail } from '../ports.js';

/** Keeps enough to recognise a number on the phone ("…5678") and no more. */
export function maskPhone(phone: string): string {
  if (phone.length >= 10) return `${phone.slice(0, 3)}-****-${phone.slice(-4)}`;
  return `****${phone.slice(-2)}`;
}

export function maskEmail(email: string): string {
  const at = email.indexOf('@');
  if (at <= 0) return '***';
  return `${email[0]}***${email.slice(at)}`;
}

export function maskPostalCode(postalCode: string): string {
  return `${postalCode.slice(0, 3)}-****`;
}

export function maskLineUserId(id: string): string {
  return `${id.slice(0, 1)}***${id.slice(-4)}`;
}

const contactFields = ['email', 'phone', 'lineUserId', 'postalCode'] as const satisfies readonly PiiField[];

/**
 * What a viewer may see of a customer; `masked` names every field that was changed. A viewer
 * without personal data sees what erasure keeps (gender, birth year, area, channel, dates,
 * figures): no customer number, tags or custom attributes either, since those can identify
 * someone or hold health details such as allergies.
 */
export function presentCustomer(customer: CustomerDetail, view: PiiView): Customer {
  if (view === 'full') return { ...customer, masked: [] };
  if (view === 'contactsMasked') {
    const masked = contactFields.filter((f) => customer[f] !== null);
    return {
      ...customer,
      email: customer.email && maskEmail(customer.email),
      phone: customer.phone && maskPhone(customer.phone),
      lineUserId: customer.lineUserId && maskLineUserId(customer.lineUserId),
      postalCode: customer.postalCode && maskPostalCode(customer.postalCode),
      masked,
    };
  }
  return {
    ...customer,
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
    externalId: null,
    tags: [],
    attributes: {},
    masked: [
      ...piiFields.filter((f) => customer[f] !== null),
      ...(customer.externalId !== null ? ['externalId'] : []),
      ...(customer.tags.length > 0 ? ['tags'] : []),
      ...(Object.keys(customer.attributes).length > 0 ? ['attributes'] : []),
    ],
  };
}
