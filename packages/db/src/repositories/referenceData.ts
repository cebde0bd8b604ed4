/** Stores, catalog, channels, ad spend, attribute definitions: the tenant's reference data. */
import type { AdSpend, AttributeDefinition, CatalogItem, Channel, ChannelKind, Store } from '@kayoi/contracts';
import type {
  AdSpendRepository,
  AttributeRepository,
  CatalogRepository,
  ChannelRepository,
  StoreRepository,
} from '@kayoi/core';
import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import type { Orm } from '../database.js';
import { acquisitionChannels, adSpend, attributeDefinitions, catalogItems, stores } from '../schema.js';
import { guardConstraints, newId } from './shared.js';

type StoreRow = typeof stores.$inferSelect;
const toStore = (r: StoreRow): Store => ({
  id: r.id,
  name: r.name,
  address: r.address,
  phone: r.phone,
  archived: r.archivedAt !== null,
  createdAt: r.createdAt.toISOString(),
});

const archivedAt = (archived: boolean | undefined) =>
  archived === undefined ? {} : { archivedAt: archived ? new Date() : null };

export function storeRepository(orm: Orm, tenantId: string): StoreRepository {
  const scope = (id: string) => and(eq(stores.tenantId, tenantId), eq(stores.id, id));
  return {
    async list() {
      const rows = await orm.select().from(stores).where(eq(stores.tenantId, tenantId)).orderBy(asc(stores.createdAt));
      return rows.map(toStore);
    },
    async findById(id) {
      const [row] = await orm.select().from(stores).where(scope(id));
      return row ? toStore(row) : null;
    },
    async insert(input) {
      const [row] = await orm
        .insert(stores)
        .values({ tenantId, id: newId(), name: input.name, address: input.address ?? null, phone: input.phone ?? null })
        .returning();
      return toStore(row!);
    },
    async update(id, patch) {
      const { archived, ...fields } = patch;
      const [row] = await orm
        .update(stores)
        .set({ ...fields, ...archivedAt(archived) })
        .where(scope(id))
        .returning();
      return row ? toStore(row) : null;
    },
  };
}

type ItemRow = typeof catalogItems.$inferSelect;
const toItem = (r: ItemRow): CatalogItem => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  category: r.category,
  price: r.price,
  cost: r.cost,
  durationMinutes: r.durationMinutes,
  active: r.active,
  createdAt: r.createdAt.toISOString(),
});

export function catalogRepository(orm: Orm, tenantId: string): CatalogRepository {
  const scope = (id: string) => and(eq(catalogItems.tenantId, tenantId), eq(catalogItems.id, id));
  return {
    async list() {
      const rows = await orm
        .select()
        .from(catalogItems)
        .where(eq(catalogItems.tenantId, tenantId))
        .orderBy(asc(catalogItems.kind), asc(catalogItems.category), asc(catalogItems.name));
      return rows.map(toItem);
    },
    async findById(id) {
      const [row] = await orm.select().from(catalogItems).where(scope(id));
      return row ? toItem(row) : null;
    },
    async findByIds(ids) {
      if (ids.length === 0) return [];
      const rows = await orm
        .select()
        .from(catalogItems)
        .where(and(eq(catalogItems.tenantId, tenantId), inArray(catalogItems.id, ids)));
      return rows.map(toItem);
    },
    async insert(input) {
      const [row] = await guardConstraints(
        orm
          .insert(catalogItems)
          .values({
            tenantId,
            id: newId(),
            kind: input.kind,
            name: input.name,
            category: input.category ?? null,
            price: input.price,
            cost: input.cost,
            durationMinutes: input.durationMinutes ?? null,
          })
          .returning(),
      );
      return toItem(row!);
    },
    async update(id, patch) {
      const [row] = await guardConstraints(orm.update(catalogItems).set(patch).where(scope(id)).returning());
      return row ? toItem(row) : null;
    },
  };
}

type ChannelRow = typeof acquisitionChannels.$inferSelect;
const toChannel = (r: ChannelRow): Channel => ({
  id: r.id,
  name: r.name,
  kind: r.kind as ChannelKind,
  archived: r.archivedAt !== null,
  createdAt: r.createdAt.toISOString(),
});

export function channelRepository(orm: Orm, tenantId: string): ChannelRepository {
  const scope = (id: string) => and(eq(acquisitionChannels.tenantId, tenantId), eq(acquisitionChannels.id, id));
  return {
    async list() {
      const rows = await orm
        .select()
        .from(acquisitionChannels)
        .where(eq(acquisitionChannels.tenantId, tenantId))
        .orderBy(asc(acquisitionChannels.createdAt));
      return rows.map(toChannel);
    },
    async findById(id) {
      const [row] = await orm.select().from(acquisitionChannels).where(scope(id));
      return row ? toChannel(row) : null;
    },
    async insert(input) {
      const [row] = await guardConstraints(
        orm
          .insert(acquisitionChannels)
          .values({ tenantId, id: newId(), name: input.name, kind: input.kind })
          .returning(),
      );
      return toChannel(row!);
    },
    async update(id, patch) {
      const { archived, ...fields } = patch;
      const [row] = await guardConstraints(
        orm
          .update(acquisitionChannels)
          .set({ ...fields, ...archivedAt(archived) })
          .where(scope(id))
          .returning(),
      );
      return row ? toChannel(row) : null;
    },
  };
}

type AdSpendRow = typeof adSpend.$inferSelect;
const toAdSpend = (r: AdSpendRow): AdSpend => ({
  channelId: r.channelId,
  month: r.month.slice(0, 7),
  amount: r.amount,
  note: r.note,
});

export function adSpendRepository(orm: Orm, tenantId: string): AdSpendRepository {
  return {
    async list(query) {
      const rows = await orm
        .select()
        .from(adSpend)
        .where(
          and(
            eq(adSpend.tenantId, tenantId),
            query.channelId ? eq(adSpend.channelId, query.channelId) : undefined,
            query.from ? gte(adSpend.month, `${query.from}-01`) : undefined,
            query.to ? lte(adSpend.month, `${query.to}-01`) : undefined,
          ),
        )
        .orderBy(asc(adSpend.month), asc(adSpend.channelId));
      return rows.map(toAdSpend);
    },
    async put(channelId, month, input) {
      const values = { tenantId, channelId, month: `${month}-01`, amount: input.amount, note: input.note ?? null };
      const [row] = await guardConstraints(
        orm
          .insert(adSpend)
          .values(values)
          .onConflictDoUpdate({
            target: [adSpend.tenantId, adSpend.channelId, adSpend.month],
            set: { amount: values.amount, note: values.note },
          })
          .returning(),
      );
      return toAdSpend(row!);
    },
    async remove(channelId, month) {
      const rows = await orm
        .delete(adSpend)
        .where(and(eq(adSpend.tenantId, tenantId), eq(adSpend.channelId, channelId), eq(adSpend.month, `${month}-01`)))
        .returning();
      return rows.length > 0;
    },
  };
}

type AttributeRow = typeof attributeDefinitions.$inferSelect;
const toAttribute = (r: AttributeRow): AttributeDefinition => ({
  id: r.id,
  key: r.key,
  label: r.label,
  type: r.type,
  options: r.options,
  position: r.position,
  archived: r.archivedAt !== null,
  createdAt: r.createdAt.toISOString(),
});

export function attributeRepository(orm: Orm, tenantId: string): AttributeRepository {
  const scope = (id: string) => and(eq(attributeDefinitions.tenantId, tenantId), eq(attributeDefinitions.id, id));
  return {
    async list() {
      const rows = await orm
        .select()
        .from(attributeDefinitions)
        .where(eq(attributeDefinitions.tenantId, tenantId))
        .orderBy(asc(attributeDefinitions.position), asc(attributeDefinitions.createdAt));
      return rows.map(toAttribute);
    },
    async findById(id) {
      const [row] = await orm.select().from(attributeDefinitions).where(scope(id));
      return row ? toAttribute(row) : null;
    },
    async insert(input) {
      const [row] = await guardConstraints(
        orm
          .insert(attributeDefinitions)
          .values({ tenantId, id: newId(), ...input })
          .returning(),
      );
      return toAttribute(row!);
    },
    async update(id, patch) {
      const { archived, ...fields } = patch;
      const [row] = await orm
        .update(attributeDefinitions)
        .set({ ...fields, ...archivedAt(archived) })
        .where(scope(id))
        .returning();
      return row ? toAttribute(row) : null;
    },
  };
}
