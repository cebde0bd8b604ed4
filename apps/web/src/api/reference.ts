import type { AttributeDefinition, CatalogItem, Channel, Store, TagCount, User } from '@kayoi/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from './client';

/**
 * The business's reference data, shared by every page (pickers, filters, labels). Query keys
 * are exported so a page that changes one of them can invalidate it.
 */
export const referenceKeys = {
  stores: ['stores'],
  users: ['users'],
  catalog: ['catalog'],
  channels: ['channels'],
  attributes: ['attributes'],
  tags: ['customer-tags'],
  adSpend: ['ad-spend'],
} as const;

const list = <T>(path: string) => api<{ items: T[] }>(path).then((r) => r.items);
const fiveMinutes = 5 * 60_000;

export const useStores = () =>
  useQuery({ queryKey: referenceKeys.stores, queryFn: () => list<Store>('/stores'), staleTime: fiveMinutes });
export const useUsers = () =>
  useQuery({ queryKey: referenceKeys.users, queryFn: () => list<User>('/users'), staleTime: fiveMinutes });
export const useCatalog = () =>
  useQuery({
    queryKey: referenceKeys.catalog,
    queryFn: () => list<CatalogItem>('/catalog/items'),
    staleTime: fiveMinutes,
  });
export const useChannels = () =>
  useQuery({ queryKey: referenceKeys.channels, queryFn: () => list<Channel>('/channels'), staleTime: fiveMinutes });
export const useAttributes = () =>
  useQuery({
    queryKey: referenceKeys.attributes,
    queryFn: () => list<AttributeDefinition>('/attributes'),
    staleTime: fiveMinutes,
  });
export const useTags = () =>
  useQuery({ queryKey: referenceKeys.tags, queryFn: () => list<TagCount>('/customers/tags'), staleTime: 60_000 });
