import { rawQuery, type Orm } from '../database.js';

export interface CustomerRef {
  externalId: string | null;
  phone: string | null;
  email: string | null;
}

export type Resolution = { id: string } | { missing: true } | { ambiguous: true };

const CACHE_LIMIT = 200_000;

/**
 * Finds the customers that visit rows refer to: by customer number, else phone, else
 * email. One query per batch for the references not seen before; a bounded cache keeps
 * memory flat however long the file is. Found customers are locked as a foreign-key
 * trigger would lock them, so none can be deleted before the import commits.
 */
export function customerResolver(orm: Orm, tenantId: string) {
  const cache = new Map<string, string | 'ambiguous'>();
  const keysOf = (ref: CustomerRef) =>
    [ref.externalId && `x:${ref.externalId}`, ref.phone && `p:${ref.phone}`, ref.email && `e:${ref.email}`].filter(
      (k): k is string => Boolean(k),
    );

  async function load(refs: readonly CustomerRef[]): Promise<void> {
    const wanted = { x: new Set<string>(), p: new Set<string>(), e: new Set<string>() };
    for (const ref of refs) {
      for (const key of keysOf(ref)) {
        if (!cache.has(key)) wanted[key[0] as 'x' | 'p' | 'e'].add(key.slice(2));
      }
    }
    if (wanted.x.size + wanted.p.size + wanted.e.size === 0) return;
    if (cache.size > CACHE_LIMIT) cache.clear();
    const rows = await rawQuery<{ id: string; external_id: string | null; phone: string | null; email: string | null }>(
      orm,
      `select id, external_id, phone, email from customers
       where tenant_id = $1 and erased_at is null
         and (external_id = any($2::text[]) or phone = any($3::text[]) or email = any($4::text[]))
       for key share`,
      [tenantId, [...wanted.x], [...wanted.p], [...wanted.e]],
    );
    const found = new Map<string, Set<string>>();
    const note = (key: string, id: string) => found.set(key, (found.get(key) ?? new Set()).add(id));
    for (const r of rows) {
      if (r.external_id && wanted.x.has(r.external_id)) note(`x:${r.external_id}`, r.id);
      if (r.phone && wanted.p.has(r.phone)) note(`p:${r.phone}`, r.id);
      if (r.email && wanted.e.has(r.email)) note(`e:${r.email}`, r.id);
    }
    for (const [kind, values] of Object.entries(wanted)) {
      for (const value of values) {
        const ids = found.get(`${kind}:${value}`);
        if (ids) cache.set(`${kind}:${value}`, ids.size === 1 ? [...ids][0]! : 'ambiguous');
      }
    }
  }

  function resolve(ref: CustomerRef): Resolution {
    // A customer number is authoritative: an unknown one is an error, not a phone lookup
    // that could attach the visit to a family member sharing the number.
    const keys = ref.externalId ? [`x:${ref.externalId}`] : keysOf(ref);
    for (const key of keys) {
      const hit = cache.get(key);
      if (hit === 'ambiguous') return { ambiguous: true };
      if (hit) return { id: hit };
    }
    return { missing: true };
  }

  return { load, resolve };
}
