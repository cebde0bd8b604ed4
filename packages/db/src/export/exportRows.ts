import type { Database } from '../database.js';

/**
 * Full-tenant export, streamed in keyset pages so memory stays flat for any size.
 * Each generator yields rows as plain objects whose keys become the CSV header.
 */
const PAGE = 5_000;

async function* paged<T extends { id: string }>(
  db: Database,
  query: (afterId: string, limit: number) => { text: string; params: unknown[] },
): AsyncGenerator<T> {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const { text, params } = query(after, PAGE);
    const rows = await db.query<T>(text, params);
    yield* rows;
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1]!.id;
  }
}

export async function* exportCustomers(db: Database, tenantId: string): AsyncGenerator<Record<string, unknown>> {
  const attributes = await db.query<{ id: string; key: string }>(
    `select id, key from attribute_definitions where tenant_id = $1 order by position, created_at`,
    [tenantId],
  );
  const rows = paged<Record<string, unknown> & { id: string; attrs: Record<string, unknown> | null }>(
    db,
    (after, limit) => ({
      text: `select c.id, c.external_id, c.family_name, c.given_name, c.family_name_kana, c.given_name_kana, c.email,
             c.phone, c.line_user_id, c.gender, c.birthday::text as birthday, c.birth_year, c.postal_code, c.area,
             ch.name as acquisition_channel, c.acquired_on::text as acquired_on, array_to_string(c.tags, ',') as tags,
             c.notes,
             (select status from customer_consents k where k.tenant_id = c.tenant_id and k.customer_id = c.id and k.channel = 'email') as consent_email,
             (select status from customer_consents k where k.tenant_id = c.tenant_id and k.customer_id = c.id and k.channel = 'line') as consent_line,
             (select status from customer_consents k where k.tenant_id = c.tenant_id and k.customer_id = c.id and k.channel = 'sms') as consent_sms,
             c.first_visit_at, c.last_visit_at, c.visit_count, c.revenue_total, c.erased_at, c.created_at,
             (select jsonb_object_agg(d.key, v.value) from customer_attribute_values v
                join attribute_definitions d on d.tenant_id = v.tenant_id and d.id = v.attribute_id
               where v.tenant_id = c.tenant_id and v.customer_id = c.id) as attrs
           from customers c
           left join acquisition_channels ch on ch.tenant_id = c.tenant_id and ch.id = c.acquisition_channel_id
           where c.tenant_id = $1 and c.id > $2 order by c.id limit $3`,
      params: [tenantId, after, limit],
    }),
  );
  for await (const { attrs, ...row } of rows) {
    const out: Record<string, unknown> = { ...row };
    for (const a of attributes) {
      const value = attrs?.[a.key];
      out[`attr:${a.key}`] = Array.isArray(value) ? value.join(',') : (value ?? null);
    }
    yield out;
  }
}

export function exportVisits(
  db: Database,
  tenantId: string,
  timeZone: string,
): AsyncGenerator<Record<string, unknown>> {
  return paged(db, (after, limit) => ({
    text: `select v.id, v.external_id, v.customer_id, c.external_id as customer_external_id, s.name as store,
             u.name as staff, v.started_at,
             to_char(v.started_at at time zone $4, 'YYYY-MM-DD') as local_date,
             to_char(v.started_at at time zone $4, 'HH24:MI') as local_time,
             v.status, v.subtotal, v.discount, v.total, v.note, v.source, v.voided_at, v.void_reason, v.created_at
           from visits v
           join customers c on c.tenant_id = v.tenant_id and c.id = v.customer_id
           join stores s on s.tenant_id = v.tenant_id and s.id = v.store_id
           left join users u on u.tenant_id = v.tenant_id and u.id = v.staff_id
           where v.tenant_id = $1 and v.id > $2 order by v.id limit $3`,
    params: [tenantId, after, limit, timeZone],
  }));
}

async function* visitIdPages(db: Database, tenantId: string): AsyncGenerator<string[]> {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const ids = (
      await db.query<{ id: string }>(`select id from visits where tenant_id = $1 and id > $2 order by id limit $3`, [
        tenantId,
        after,
        PAGE,
      ])
    ).map((r) => r.id);
    if (ids.length > 0) yield ids;
    if (ids.length < PAGE) return;
    after = ids[ids.length - 1]!;
  }
}

/** Lines and payments are fetched a page of visits at a time, so a visit never straddles pages. */
async function* childrenOfVisits(
  db: Database,
  tenantId: string,
  select: string,
): AsyncGenerator<Record<string, unknown>> {
  for await (const ids of visitIdPages(db, tenantId)) {
    yield* await db.query<Record<string, unknown>>(select, [tenantId, ids]);
  }
}

export function exportLineItems(db: Database, tenantId: string): AsyncGenerator<Record<string, unknown>> {
  return childrenOfVisits(
    db,
    tenantId,
    `select visit_id, position, item_id, kind, name, category, quantity, unit_price, discount, amount, unit_cost
     from visit_line_items where tenant_id = $1 and visit_id = any($2::uuid[]) order by visit_id, position`,
  );
}

export function exportPayments(db: Database, tenantId: string): AsyncGenerator<Record<string, unknown>> {
  return childrenOfVisits(
    db,
    tenantId,
    `select visit_id, position, method, amount
     from visit_payments where tenant_id = $1 and visit_id = any($2::uuid[]) order by visit_id, position`,
  );
}
