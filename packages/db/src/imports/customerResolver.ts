import { rawQuery, type Orm } from '../database.js';

export interface CustomerRef {
  externalId: string | null;
  phone: string | null;
  email: string | null;
}

export type Resolution = { id: string } | { missing: true } | { ambiguous: true };

/** Customer keys kept between batches; past it the cache starts over (memory stays flat). */
export const CUSTOMER_CACHE_LIMIT = 200_000;

type Found = string | 'ambiguous';

/**
 * Finds the customers that visit rows refer to: by customer number, else phone, else
 * email. One query per batch for the references not seen before; a bounded cache keeps
 * memory flat however long the file is. Found customers are locked as a foreign-key
 * trigger would lock them, so none can be deleted before the import commits.
 *
 * Each batch gets its own answers: batches are loaded while earlier ones are still being
 * resolved, and a cache that starts over must not take keys from under them.
 */
export function customerResolver(orm: Orm, tenantId: string, cacheLimit = CUSTOMER_CACHE_LIMIT) {
  const cache = new Map<string, Found>();
  const keysOf = (ref: CustomerRef) =>
    [ref.externalId && `x:${ref.externalId}`, ref.phone && `p:${ref.phone}`, ref.email && `e:${ref.email}`].filter(
      (k): k is string => Boolean(k),
    );

  /** Loads what `refs` need and returns how to resolve them. */
  async function load(refs: readonly CustomerRef[]): Promise<(ref: CustomerRef) => Resolution> {
    if (cache.size > cacheLimit) cache.clear();
    const known = new Map<string, Found>();
    const wanted = { x: new Set<string>(), p: new Set<string>(), e: new Set<string>() };
    for (const ref of refs) {
      for (const key of keysOf(ref)) {
        const hit = cache.get(key);
        if (hit !== undefined) known.set(key, hit);
        else wanted[key[0] as 'x' | 'p' | 'e'].add(key.slice(2));
      }
    }
    if (wanted.x.size + wanted.p.size + wanted.e.size > 0) {
      const rows = await rawQuery<{
        id: string;
        external_id: string | null;
        phone: string | null;
        email: string | null;
      }>(
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
      for (const [key, ids] of found) {
        const value: Found = ids.size === 1 ? [...ids][0]! : 'ambiguous';
        cache.set(key, value);
        known.set(key, value);
      }
    }
    return (ref) => resolveIn(known, ref);
  }

  function resolveIn(known: ReadonlyMap<string, Found>, ref: CustomerRef): Resolution {
    // A customer number is authoritative: an unknown one is an error, not a phone lookup
    // that could attach the visit to a family member sharing the number.
    const keys = ref.externalId ? [`x:${ref.externalId}`] : keysOf(ref);
    for (const key of keys) {
      const hit = known.get(key);
      if (hit === 'ambiguous') return { ambiguous: true };
      if (hit) return { id: hit };
    }
    return { missing: true };
  }

  return { load };
}
