import { z } from 'zod';
import { AttributeValue } from './attributes.js';
import { Cursor, Id, Instant, Limit, LocalDate, optionalText } from './common.js';

export const genders = ['female', 'male', 'other', 'unspecified'] as const;
export const Gender = z.enum(genders).meta({ id: 'Gender' });
export type Gender = z.infer<typeof Gender>;

export const consentChannels = ['email', 'line', 'sms'] as const;
export const ConsentChannel = z.enum(consentChannels).meta({ id: 'ConsentChannel' });
export type ConsentChannel = z.infer<typeof ConsentChannel>;

export const consentStatuses = ['granted', 'withdrawn'] as const;
export const ConsentStatus = z.enum(consentStatuses).meta({ id: 'ConsentStatus' });
export type ConsentStatus = z.infer<typeof ConsentStatus>;

export const Consent = z
  .object({
    status: z.enum(['granted', 'withdrawn', 'unknown']),
    changedAt: Instant.nullable(),
    source: z.string().nullable(),
  })
  .meta({ id: 'Consent' });
export type Consent = z.infer<typeof Consent>;

export const ConsentChange = z
  .object({
    status: ConsentStatus,
    /** How it was given or withdrawn: counter, paper form, LINE follow, unsubscribe link, import… */
    source: z.string().trim().min(1).max(50).default('staff'),
  })
  .strict()
  .meta({ id: 'ConsentChange' });
export type ConsentChange = z.infer<typeof ConsentChange>;

export const CustomerStats = z
  .object({
    firstVisitAt: Instant.nullable(),
    lastVisitAt: Instant.nullable(),
    visitCount: z.number().int(),
    revenueTotal: z.number().int(),
  })
  .meta({ id: 'CustomerStats' });

export const piiFields = [
  'familyName',
  'givenName',
  'familyNameKana',
  'givenNameKana',
  'email',
  'phone',
  'lineUserId',
  'birthday',
  'postalCode',
  'notes',
] as const;
export type PiiField = (typeof piiFields)[number];

export const Customer = z
  .object({
    id: Id,
    externalId: z.string().nullable(),
    familyName: z.string().nullable(),
    givenName: z.string().nullable(),
    familyNameKana: z.string().nullable(),
    givenNameKana: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    lineUserId: z.string().nullable(),
    gender: Gender,
    birthday: z.string().nullable(),
    birthYear: z.number().int().nullable(),
    postalCode: z.string().nullable(),
    area: z.string().nullable(),
    acquisitionChannelId: Id.nullable(),
    acquiredOn: LocalDate.nullable(),
    notes: z.string().nullable(),
    tags: z.array(z.string()),
    attributes: z.record(z.string(), AttributeValue),
    consents: z.object({ email: Consent, line: Consent, sms: Consent }),
    stats: CustomerStats,
    erasedAt: Instant.nullable(),
    createdAt: Instant,
    updatedAt: Instant,
    /** Fields hidden or partly hidden for the viewer's role. */
    masked: z.array(z.string()),
  })
  .meta({ id: 'Customer' });
export type Customer = z.infer<typeof Customer>;

const Tag = z.string().trim().min(1).max(50);
const Phone = z
  .string()
  .trim()
  .max(30)
  .regex(/^[+0-9０-９()（）\-‐－ー― ]*$/, 'digits, spaces, +, () and - only')
  .transform((s) => (s === '' ? null : s))
  .nullable()
  .optional();
const Email = z
  .union([z.email().max(254), z.literal('')])
  .transform((s) => (s === '' ? null : s.toLowerCase()))
  .nullable()
  .optional();
const PostalCode = z
  .string()
  .trim()
  .regex(/^(〒?\s*[0-9０-９]{3}[-‐－ー]?[0-9０-９]{4})?$/, 'seven digits, e.g. 150-0001')
  .transform((s) => (s === '' ? null : s))
  .nullable()
  .optional();

export const CustomerFields = z.object({
  externalId: optionalText(100),
  familyName: optionalText(50),
  givenName: optionalText(50),
  familyNameKana: optionalText(50),
  givenNameKana: optionalText(50),
  email: Email,
  phone: Phone,
  lineUserId: optionalText(100),
  gender: Gender.optional(),
  birthday: LocalDate.nullable().optional(),
  postalCode: PostalCode,
  area: optionalText(100),
  acquisitionChannelId: Id.nullable().optional(),
  acquiredOn: LocalDate.nullable().optional(),
  notes: optionalText(5000),
  tags: z.array(Tag).max(50).optional(),
  attributes: z.record(z.string(), AttributeValue.nullable()).optional(),
  consents: z.partialRecord(ConsentChannel, ConsentChange).optional(),
});

export const CustomerCreate = CustomerFields.strict().meta({ id: 'CustomerCreate' });
export type CustomerCreate = z.infer<typeof CustomerCreate>;
export const CustomerPatch = CustomerFields.strict().meta({ id: 'CustomerPatch' });
export type CustomerPatch = z.infer<typeof CustomerPatch>;

export const customerSorts = ['recent', 'kana', 'lastVisit', 'visitCount', 'revenue'] as const;
export const CustomerSort = z.enum(customerSorts);
export type CustomerSort = z.infer<typeof CustomerSort>;

export const CustomerListQuery = z.object({
  q: z.string().trim().max(100).optional().meta({ description: 'Search name, kana, phone, email' }),
  tag: z.string().trim().max(50).optional(),
  channelId: Id.optional(),
  storeId: Id.optional().meta({ description: 'Customers who visited this store' }),
  gender: Gender.optional(),
  lastVisitFrom: LocalDate.optional(),
  lastVisitTo: LocalDate.optional(),
  birthdayMonth: z.coerce.number().int().min(1).max(12).optional(),
  includeErased: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  sort: CustomerSort.default('recent'),
  cursor: Cursor,
  limit: Limit,
});
export type CustomerListQuery = z.infer<typeof CustomerListQuery>;

export const TagCount = z.object({ tag: z.string(), customers: z.number().int() }).meta({ id: 'TagCount' });
export type TagCount = z.infer<typeof TagCount>;
