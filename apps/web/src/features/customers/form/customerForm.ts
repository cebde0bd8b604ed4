import {
  CustomerCreate,
  consentChannels,
  type AttributeDefinition,
  type AttributeValue,
  type ConsentChannel,
  type Customer,
  type Gender,
} from '@kayoi/contracts';
import type { TFunction } from 'i18next';
import type { CustomerInput } from '../api';
import { validateWith } from '../../../lib/validation';

/** A custom attribute as its input holds it; '' and null mean "not recorded". */
export type AttrFormValue = string | number | string[] | null;

export interface CustomerFormValues {
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  phone: string;
  email: string;
  lineUserId: string;
  gender: Gender;
  birthday: string;
  postalCode: string;
  area: string;
  acquisitionChannelId: string | null;
  acquiredOn: string;
  externalId: string;
  tags: string[];
  notes: string;
  attributes: Record<string, AttrFormValue>;
  /** Asked at registration only; later changes go through the karte's consent block. */
  consents: Record<ConsentChannel, boolean>;
}

const textFields = [
  'familyName',
  'givenName',
  'familyNameKana',
  'givenNameKana',
  'phone',
  'email',
  'lineUserId',
  'postalCode',
  'area',
  'externalId',
  'notes',
] as const;

function blankAttribute(def: AttributeDefinition): AttrFormValue {
  if (def.type === 'multi_choice') return [];
  if (def.type === 'boolean' || def.type === 'single_choice') return null;
  return '';
}

function attributeToForm(def: AttributeDefinition, value: AttributeValue | undefined): AttrFormValue {
  if (value === undefined) return blankAttribute(def);
  if (def.type === 'boolean') return value === true ? 'true' : value === false ? 'false' : null;
  return value as AttrFormValue;
}

function attributeFromForm(def: AttributeDefinition, value: AttrFormValue | undefined): AttributeValue | null {
  if (value === undefined || value === null || value === '') return null;
  switch (def.type) {
    case 'boolean':
      return value === 'true';
    case 'number':
      return typeof value === 'number' ? value : Number(value);
    case 'multi_choice':
      return Array.isArray(value) && value.length > 0 ? value : null;
    case 'text':
      return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
    default:
      return value;
  }
}

export function blankValues(defs: AttributeDefinition[]): CustomerFormValues {
  return {
    familyName: '',
    givenName: '',
    familyNameKana: '',
    givenNameKana: '',
    phone: '',
    email: '',
    lineUserId: '',
    gender: 'unspecified',
    birthday: '',
    postalCode: '',
    area: '',
    acquisitionChannelId: null,
    acquiredOn: '',
    externalId: '',
    tags: [],
    notes: '',
    attributes: Object.fromEntries(defs.map((d) => [d.key, blankAttribute(d)])),
    consents: { email: false, line: false, sms: false },
  };
}

export function valuesOf(customer: Customer, defs: AttributeDefinition[]): CustomerFormValues {
  const blank = blankValues(defs);
  const text = Object.fromEntries(textFields.map((f) => [f, customer[f] ?? ''])) as Record<
    (typeof textFields)[number],
    string
  >;
  return {
    ...blank,
    ...text,
    gender: customer.gender,
    birthday: customer.birthday ?? '',
    acquisitionChannelId: customer.acquisitionChannelId,
    acquiredOn: customer.acquiredOn ?? '',
    tags: customer.tags,
    attributes: Object.fromEntries(defs.map((d) => [d.key, attributeToForm(d, customer.attributes[d.key])])),
  };
}

/** Everything the form holds, as the API takes it, leaving out what the viewer only sees masked. */
export function toInput(values: CustomerFormValues, defs: AttributeDefinition[], masked: string[] = []): CustomerInput {
  const input: CustomerInput = {
    gender: values.gender,
    birthday: values.birthday || null,
    acquisitionChannelId: values.acquisitionChannelId || null,
    acquiredOn: values.acquiredOn || null,
    tags: values.tags,
    attributes: Object.fromEntries(defs.map((d) => [d.key, attributeFromForm(d, values.attributes[d.key])])),
  };
  for (const f of textFields) input[f] = values[f];
  for (const f of masked) delete input[f as keyof CustomerInput];
  return input;
}

/** A new customer: no empty attributes, and the consents ticked at the counter. */
export function createInput(values: CustomerFormValues, defs: AttributeDefinition[]): CustomerInput {
  const input = toInput(values, defs);
  const attributes = Object.entries(input.attributes ?? {}).filter(([, v]) => v !== null);
  const granted = consentChannels.filter((c) => values.consents[c]);
  return {
    ...input,
    attributes: Object.fromEntries(attributes),
    ...(granted.length > 0
      ? { consents: Object.fromEntries(granted.map((c) => [c, { status: 'granted', source: 'staff' }])) }
      : {}),
  };
}

/** Only what changed, so an edit never overwrites a field that someone else changed meanwhile. */
export function patchInput(before: CustomerInput, after: CustomerInput): CustomerInput {
  const patch: Record<string, unknown> = {};
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  for (const [key, value] of Object.entries(after)) {
    if (key === 'attributes') continue;
    if (!same(value, before[key as keyof CustomerInput])) patch[key] = value;
  }
  const attributes = Object.fromEntries(
    Object.entries(after.attributes ?? {}).filter(([k, v]) => !same(v, before.attributes?.[k] ?? null)),
  );
  if (Object.keys(attributes).length > 0) patch.attributes = attributes;
  return patch as CustomerInput;
}

const identifying = [
  'familyName',
  'givenName',
  'familyNameKana',
  'givenNameKana',
  'phone',
  'email',
  'lineUserId',
  'externalId',
] as const;

/**
 * The contract's own checks, plus the two the server makes beyond the schema: someone must be
 * identifiable, and nobody is born in the future.
 */
export function validateInput(
  input: CustomerInput,
  values: CustomerFormValues,
  masked: string[],
  today: string,
  t: TFunction<'customers'>,
): Record<string, string> {
  const errors = validateWith(CustomerCreate)(input);
  // The contract's "email or empty" union would otherwise be reported as a vague "invalid".
  if (errors.email) errors.email = t('common:validation.email');
  const known = identifying.some((f) => masked.includes(f) || values[f].trim() !== '');
  if (!known) errors.familyName ??= t('form.identifyRequired');
  if (values.birthday && values.birthday > today) errors.birthday ??= t('form.birthdayFuture');
  return errors;
}
