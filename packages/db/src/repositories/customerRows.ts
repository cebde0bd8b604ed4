import type { AttributeValue, Consent, ConsentChannel, Gender } from '@kayoi/contracts';
import type { CustomerDetail } from '@kayoi/core';
import { sql } from 'drizzle-orm';
import { rowsOf, type Orm } from '../database.js';
import { iso } from './shared.js';

/** A customers row as raw SQL returns it (snake_case, timestamps as text). */
export interface CustomerRow {
  id: string;
  external_id: string | null;
  family_name: string | null;
  given_name: string | null;
  family_name_kana: string | null;
  given_name_kana: string | null;
  email: string | null;
  phone: string | null;
  line_user_id: string | null;
  gender: Gender;
  birthday: string | null;
  birth_year: number | null;
  postal_code: string | null;
  area: string | null;
  acquisition_channel_id: string | null;
  acquired_on: string | null;
  notes: string | null;
  tags: string[];
  first_visit_at: string | null;
  last_visit_at: string | null;
  visit_count: number;
  revenue_total: number;
  erased_at: string | null;
  created_at: string;
  updated_at: string;
}

const unknownConsent: Consent = { status: 'unknown', changedAt: null, source: null };

/** Fills in attributes and consents for a batch of customer rows: two queries per batch. */
export async function toCustomerDetails(orm: Orm, tenantId: string, rows: CustomerRow[]): Promise<CustomerDetail[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  // One after another: inside a transaction they share a connection, which takes one query at a time.
  const attributeRows = await rowsOf<{ customer_id: string; key: string; value: AttributeValue }>(
    orm,
    sql`select v.customer_id, d.key, v.value
          from customer_attribute_values v
          join attribute_definitions d on d.tenant_id = v.tenant_id and d.id = v.attribute_id
          where v.tenant_id = ${tenantId} and v.customer_id = any(${sql.param(ids)}::uuid[])`,
  );
  const consentRows = await rowsOf<{
    customer_id: string;
    channel: ConsentChannel;
    status: 'granted' | 'withdrawn';
    changed_at: string;
    source: string;
  }>(
    orm,
    sql`select customer_id, channel, status, changed_at::text, source from customer_consents
          where tenant_id = ${tenantId} and customer_id = any(${sql.param(ids)}::uuid[])`,
  );
  const attributes = new Map<string, Record<string, AttributeValue>>();
  for (const a of attributeRows) {
    const forCustomer = attributes.get(a.customer_id) ?? {};
    forCustomer[a.key] = a.value;
    attributes.set(a.customer_id, forCustomer);
  }
  const consents = new Map<string, Record<ConsentChannel, Consent>>();
  for (const c of consentRows) {
    const forCustomer = consents.get(c.customer_id) ?? {
      email: unknownConsent,
      line: unknownConsent,
      sms: unknownConsent,
    };
    forCustomer[c.channel] = { status: c.status, changedAt: iso(c.changed_at), source: c.source };
    consents.set(c.customer_id, forCustomer);
  }
  return rows.map((r) => ({
    id: r.id,
    externalId: r.external_id,
    familyName: r.family_name,
    givenName: r.given_name,
    familyNameKana: r.family_name_kana,
    givenNameKana: r.given_name_kana,
    email: r.email,
    phone: r.phone,
    lineUserId: r.line_user_id,
    gender: r.gender,
    birthday: r.birthday,
    birthYear: r.birth_year,
    postalCode: r.postal_code,
    area: r.area,
    acquisitionChannelId: r.acquisition_channel_id,
    acquiredOn: r.acquired_on,
    notes: r.notes,
    tags: r.tags,
    attributes: attributes.get(r.id) ?? {},
    consents: consents.get(r.id) ?? { email: unknownConsent, line: unknownConsent, sms: unknownConsent },
    stats: {
      firstVisitAt: iso(r.first_visit_at),
      lastVisitAt: iso(r.last_visit_at),
      visitCount: r.visit_count,
      revenueTotal: r.revenue_total,
    },
    erasedAt: iso(r.erased_at),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  }));
}

/** Timestamps as text so both engines answer the same shape. */
export const customerColumnsSql = sql.raw(`c.id, c.external_id, c.family_name, c.given_name, c.family_name_kana,
  c.given_name_kana, c.email, c.phone, c.line_user_id, c.gender, c.birthday::text as birthday, c.birth_year,
  c.postal_code, c.area, c.acquisition_channel_id, c.acquired_on::text as acquired_on, c.notes, c.tags,
  c.first_visit_at::text as first_visit_at, c.last_visit_at::text as last_visit_at, c.visit_count,
  c.revenue_total, c.erased_at::text as erased_at, c.created_at::text as created_at,
  c.updated_at::text as updated_at`);
