import {
  AttributeDefinition,
  AttributeDefinitionCreate,
  AttributeDefinitionPatch,
  CatalogItem,
  CatalogItemCreate,
  CatalogItemPatch,
  Channel,
  ChannelCreate,
  ChannelPatch,
  Store,
  StoreCreate,
  StorePatch,
} from '@kayoi/contracts';
import { crudRoutes } from './crudRoutes.js';

const settings = { read: 'settings.read', write: 'settings.manage' } as const;

export const storeRoutes = () =>
  crudRoutes({
    tag: 'Stores',
    path: '/stores',
    idName: 'storeId',
    noun: 'store',
    entity: Store,
    create: StoreCreate,
    patch: StorePatch,
    ...settings,
    notFound: 'STORE_NOT_FOUND',
    repository: (repos) => repos.stores,
    archive: { archived: true },
  });

export const catalogRoutes = () =>
  crudRoutes({
    tag: 'Catalog',
    path: '/catalog/items',
    idName: 'itemId',
    noun: 'catalog item',
    entity: CatalogItem,
    create: CatalogItemCreate,
    patch: CatalogItemPatch,
    ...settings,
    notFound: 'ITEM_NOT_FOUND',
    repository: (repos) => repos.catalog,
    archive: { active: false },
  });

export const channelRoutes = () =>
  crudRoutes({
    tag: 'Acquisition channels',
    path: '/channels',
    idName: 'channelId',
    noun: 'acquisition channel',
    entity: Channel,
    create: ChannelCreate,
    patch: ChannelPatch,
    ...settings,
    notFound: 'CHANNEL_NOT_FOUND',
    repository: (repos) => repos.channels,
    archive: { archived: true },
  });

export const attributeRoutes = () =>
  crudRoutes({
    tag: 'Custom attributes',
    path: '/attributes',
    idName: 'attributeId',
    noun: 'custom attribute',
    entity: AttributeDefinition,
    create: AttributeDefinitionCreate,
    patch: AttributeDefinitionPatch,
    ...settings,
    notFound: 'ATTRIBUTE_NOT_FOUND',
    repository: (repos) => repos.attributes,
    archive: { archived: true },
  });
