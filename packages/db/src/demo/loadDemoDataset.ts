import { checkCustomerColumns, startOfLocalDay, type DemoDataset } from '@kayoi/core';
import { sql } from 'drizzle-orm';
import type { Database, Orm } from '../database.js';
import { tenantRepos } from '../dataStore.js';
import { insertLineItemRows, insertPaymentRows, insertVisitRows } from '../bulk/visitRows.js';
import { newId } from '../repositories/shared.js';
import { consentEvents, customerAttributeValues, customerConsents, customers } from '../schema.js';

const CHUNK = 1_000;

function chunks<T>(rows: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

function keyMap<T>(pairs: readonly (readonly [string, T])[], what: string) {
  const map = new Map(pairs);
  return (key: string): T => {
    const value = map.get(key);
    if (value === undefined) throw new Error(`demo data names an unknown ${what} "${key}"`);
    return value;
  };
}

export interface DemoLoadResult {
  stores: number;
  staff: number;
  customers: number;
  visits: number;
}

/**
 * Writes a generated demo salon into a tenant in one transaction. The staff member the
 * dataset marks as owner becomes `ownerUserId` (the account that logs in), when given;
 * otherwise every staff member of the dataset is added as an account without a login.
 */
export async function loadDemoDataset(
  db: Database,
  tenantId: string,
  data: DemoDataset,
  options: { ownerUserId?: string; timeZone: string },
): Promise<DemoLoadResult> {
  return db.orm.transaction(async (tx) => {
    const orm = tx as unknown as Orm;
    const repos = tenantRepos(orm, tenantId);
    const storeIds: [string, string][] = [];
    for (const s of data.stores) {
      storeIds.push([s.key, (await repos.stores.insert({ name: s.name, address: s.address, phone: s.phone })).id]);
    }
    const store = keyMap(storeIds, 'store');
    const staffIds: [string, string][] = [];
    for (const person of data.staff) {
      if (person.role === 'owner' && options.ownerUserId) {
        await repos.users.update(options.ownerUserId, {
          nameKana: person.nameKana,
          storeIds: person.storeKeys.map(store),
        });
        staffIds.push([person.key, options.ownerUserId]);
        continue;
      }
      const user = await repos.users.insert({
        name: person.name,
        nameKana: person.nameKana,
        email: person.email,
        passwordHash: null,
        role: person.role,
        active: true,
        storeIds: person.storeKeys.map(store),
      });
      staffIds.push([person.key, user.id]);
    }
    const staff = keyMap(staffIds, 'staff member');
    const catalog = new Map<
      string,
      { id: string; kind: 'service' | 'product'; cost: number; category: string | null }
    >();
    for (const item of data.catalog) {
      const created = await repos.catalog.insert(item);
      catalog.set(item.name, created);
    }
    const channelIds: [string, string][] = [];
    for (const c of data.channels)
      channelIds.push([c.key, (await repos.channels.insert({ name: c.name, kind: c.kind })).id]);
    const channel = keyMap(channelIds, 'channel');
    for (const spend of data.adSpend)
      await repos.adSpend.put(channel(spend.channelKey), spend.month, { amount: spend.amount });
    const attributeIds = new Map<string, string>();
    for (const def of data.attributes) attributeIds.set(def.key, (await repos.attributes.insert(def)).id);

    const customerIds = new Map<string, string>();
    const customerRows = data.customers.map((c) => {
      const checked = checkCustomerColumns({
        externalId: c.externalId,
        familyName: c.familyName,
        givenName: c.givenName,
        familyNameKana: c.familyNameKana,
        givenNameKana: c.givenNameKana,
        email: c.email,
        phone: c.phone,
        gender: c.gender,
        birthday: c.birthday,
        postalCode: c.postalCode,
        area: c.area,
        acquisitionChannelId: channel(c.channelKey),
        acquiredOn: c.acquiredOn,
        notes: c.notes,
        tags: c.tags,
      });
      if (!checked.ok) throw new Error(`demo customer ${c.externalId}: ${checked.error.code}`);
      const id = newId();
      customerIds.set(c.externalId, id);
      const since = startOfLocalDay(c.acquiredOn, options.timeZone);
      return { tenantId, id, ...checked.value.merged, createdAt: since, updatedAt: since };
    });
    for (const batch of chunks(customerRows, 500)) await orm.insert(customers).values(batch);
    const customer = (externalId: string) => {
      const id = customerIds.get(externalId);
      if (!id) throw new Error(`demo visit names an unknown customer "${externalId}"`);
      return id;
    };

    const attributeValues = data.customers.flatMap((c) =>
      Object.entries(c.attributes).map(([key, value]) => {
        const attributeId = attributeIds.get(key);
        if (!attributeId) throw new Error(`demo customer ${c.externalId} has unknown attribute ${key}`);
        return { tenantId, customerId: customer(c.externalId), attributeId, value };
      }),
    );
    for (const batch of chunks(attributeValues)) await orm.insert(customerAttributeValues).values(batch);
    const consents = data.customers.flatMap((c) =>
      Object.entries(c.consents).map(([channelName, status]) => ({
        tenantId,
        customerId: customer(c.externalId),
        channel: channelName as 'email' | 'line' | 'sms',
        status,
        changedAt: startOfLocalDay(c.acquiredOn, options.timeZone),
        source: 'demo',
      })),
    );
    for (const batch of chunks(consents)) {
      await orm.insert(customerConsents).values(batch);
      await orm
        .insert(consentEvents)
        .values(batch.map(({ changedAt, ...c }) => ({ ...c, id: newId(), at: changedAt, actorUserId: null })));
    }

    for (const batch of chunks(data.visits, 2_000)) {
      const ids = batch.map(() => newId());
      await insertVisitRows(
        orm,
        tenantId,
        batch.map((v, i) => {
          const subtotal = v.items.reduce((sum, item) => sum + item.quantity * item.unitPrice - item.discount, 0);
          return {
            id: ids[i]!,
            customerId: customer(v.customerExternalId),
            storeId: store(v.storeKey),
            staffId: staff(v.staffKey),
            startedAt: new Date(v.startedAt),
            subtotal,
            discount: v.discount,
            total: subtotal - v.discount,
            note: null,
            externalId: v.externalId,
            source: 'demo',
          };
        }),
      );
      await insertLineItemRows(
        orm,
        tenantId,
        batch.flatMap((v, i) =>
          v.items.map((item, position) => {
            const known = catalog.get(item.name);
            return {
              visitId: ids[i]!,
              position,
              itemId: known?.id ?? null,
              kind: known?.kind ?? 'service',
              name: item.name,
              category: known?.category ?? null,
              quantity: item.quantity,
              unitPrice: item.unitPrice,
              discount: item.discount,
              amount: item.quantity * item.unitPrice - item.discount,
              unitCost: known?.cost ?? 0,
            };
          }),
        ),
      );
      await insertPaymentRows(
        orm,
        tenantId,
        batch.flatMap((v, i) => v.payments.map((p, position) => ({ visitId: ids[i]!, position, ...p }))),
      );
    }
    await repos.customers.refreshStats('all');
    await orm.execute(sql`analyze customers, visits, visit_line_items`);
    return {
      stores: data.stores.length,
      staff: data.staff.length,
      customers: data.customers.length,
      visits: data.visits.length,
    };
  });
}
