import type { AttributeValue, ConsentChannel, CustomerCreate } from '@kayoi/contracts';
import type { DataStore, TenantRepos } from '@kayoi/core';
import { newId, rawQuery, type Orm } from '@kayoi/db';
import { staffMember } from '@kayoi/db/testing';
import { columns } from './customers.contract.js';
import {
  NOW,
  TIME_ZONE,
  items,
  sceneCustomers,
  type AttributeKey,
  type ItemKey,
  type StaffKey,
  type StoreKey,
} from './segmentScene.js';

export interface SceneRefs {
  stores: Record<StoreKey, string>;
  staff: Record<StaffKey, string>;
  items: Record<ItemKey, string>;
  channels: Record<'ig' | 'hp', string>;
  attributes: Record<AttributeKey, string>;
  customers: Record<string, string>;
}

async function createReferenceData(repos: TenantRepos): Promise<Omit<SceneRefs, 'customers'>> {
  const store = async (name: string) => (await repos.stores.insert({ name })).id;
  const stores = { main: await store('本店'), branch: await store('駅前店'), old: await store('旧店') };
  await repos.stores.update(stores.old, { archived: true });
  const user = async (name: string) => (await repos.users.insert(staffMember(name))).id;
  const staff = { aoi: await user('あおい'), ken: await user('けん') };
  const item = async (k: ItemKey) => (await repos.catalog.insert({ ...items[k], cost: 100 })).id;
  const itemIds = { cut: await item('cut'), color: await item('color'), shampoo: await item('shampoo') };
  const channels = {
    ig: (await repos.channels.insert({ name: 'Instagram', kind: 'sns' })).id,
    hp: (await repos.channels.insert({ name: 'HotPepper', kind: 'portal' })).id,
  };
  const attribute = async (
    key: AttributeKey,
    type: Parameters<TenantRepos['attributes']['insert']>[0]['type'],
    options: string[] = [],
  ) =>
    (
      await repos.attributes.insert({
        key: key.toLowerCase(),
        label: key,
        type,
        options: options.map((value) => ({ value, label: value })),
        position: 0,
      })
    ).id;
  const attributes = {
    hair: await attribute('hair', 'single_choice', ['fine', 'curly', 'thick']),
    concerns: await attribute('concerns', 'multi_choice', ['dry', 'oily', 'damage']),
    goal: await attribute('goal', 'number'),
    nextDate: await attribute('nextDate', 'date'),
    member: await attribute('member', 'boolean'),
    memo: await attribute('memo', 'text'),
  };
  return { stores, staff, items: itemIds, channels, attributes };
}

async function writeScores(
  orm: Orm,
  tenantId: string,
  refs: SceneRefs,
  pick: 'score' | 'previous',
  finishedAt: string,
) {
  const runId = newId();
  await rawQuery(
    orm,
    `insert into model_runs (tenant_id, id, status, trigger, end_date, finished_at) values ($1, $2, 'succeeded', 'manual', $3, $4)`,
    [tenantId, runId, finishedAt.slice(0, 10), finishedAt],
  );
  for (const c of sceneCustomers) {
    const score = c[pick];
    if (!score) continue;
    await rawQuery(
      orm,
      `insert into customer_scores (tenant_id, run_id, customer_id, p_alive, clv_1y, historical_revenue,
         historical_profit, visits, first_visit_on, last_visit_on, recency_score, frequency_score, segment)
       values ($1, $2, $3, $4, $5, 0, 0, 1, '2025-01-01', '2025-01-01', 3, 3, $6)`,
      [tenantId, runId, refs.customers[c.key], score.pAlive, score.clv1y, score.segment],
    );
  }
}

/** Writes the scene into a new tenant and answers its ids. */
export async function writeScene(
  store: DataStore,
  orm: Orm,
  name = 'Segment salon',
): Promise<{ repos: TenantRepos; refs: SceneRefs }> {
  const tenant = await store.directory.create({ name, timeZone: TIME_ZONE });
  const repos = store.forTenant(tenant.id);
  const refs: SceneRefs = { ...(await createReferenceData(repos)), customers: {} };
  for (const c of sceneCustomers) {
    const input: CustomerCreate = {
      familyName: c.key,
      gender: c.gender,
      birthday: c.birthday ?? null,
      area: c.area ?? null,
      acquisitionChannelId: c.channel ? refs.channels[c.channel] : null,
      acquiredOn: c.acquiredOn ?? null,
      tags: c.tags ?? [],
    };
    const id = (await repos.customers.insert(columns(input))).id;
    refs.customers[c.key] = id;
    const values = Object.entries(c.attributes ?? {}).map(([k, value]) => ({
      attributeId: refs.attributes[k as AttributeKey],
      value: value as AttributeValue,
    }));
    await repos.customers.setAttributeValues(id, values);
    for (const [channel, status] of Object.entries(c.consents ?? {}) as [ConsentChannel, 'granted' | 'withdrawn'][]) {
      await repos.customers.recordConsent(id, { channel, status, source: 'test', at: NOW, actorUserId: null });
    }
    for (const v of c.visits ?? []) {
      const lines = v.items.map((k) => ({
        itemId: refs.items[k],
        kind: items[k].kind,
        name: items[k].name,
        category: items[k].category,
        quantity: 1,
        unitPrice: items[k].price,
        discount: 0,
        amount: items[k].price,
        unitCost: 100,
      }));
      const total = lines.reduce((sum, l) => sum + l.amount, 0);
      const visit = await repos.visits.insert({
        customerId: id,
        storeId: refs.stores[v.store],
        staffId: v.staff ? refs.staff[v.staff] : null,
        startedAt: new Date(v.at),
        status: 'completed',
        subtotal: total,
        discount: 0,
        total,
        items: lines,
        payments: [{ method: 'cash', amount: total }],
        note: null,
        externalId: null,
        source: 'counter',
      });
      if (v.voided) await repos.visits.markVoided(visit.id, 'test', NOW);
    }
  }
  await repos.customers.refreshStats('all');
  for (const c of sceneCustomers.filter((c) => c.erased)) await repos.customers.erase(refs.customers[c.key]!, NOW);
  await writeScores(orm, tenant.id, refs, 'previous', '2026-10-01T00:00:00Z');
  await writeScores(orm, tenant.id, refs, 'score', '2026-11-20T00:00:00Z');
  // A later run that failed: its status, not its date, keeps it out.
  await rawQuery(
    orm,
    `insert into model_runs (tenant_id, id, status, trigger, finished_at, error) values ($1, $2, 'failed', 'manual', $3, 'x')`,
    [tenant.id, newId(), '2026-11-21T00:00:00Z'],
  );
  return { repos, refs };
}
