import { z } from 'zod';
import { Id, Instant, Yen, optionalText } from './common.js';

export const itemKinds = ['service', 'product'] as const;
export const ItemKind = z.enum(itemKinds).meta({ id: 'ItemKind' });
export type ItemKind = z.infer<typeof ItemKind>;

export const CatalogItem = z
  .object({
    id: Id,
    kind: ItemKind,
    name: z.string(),
    category: z.string().nullable(),
    price: Yen,
    cost: Yen,
    durationMinutes: z.number().int().nullable(),
    active: z.boolean(),
    createdAt: Instant,
  })
  .meta({ id: 'CatalogItem' });
export type CatalogItem = z.infer<typeof CatalogItem>;

export const CatalogItemCreate = z
  .object({
    kind: ItemKind,
    name: z.string().trim().min(1).max(100),
    category: optionalText(50),
    price: Yen,
    cost: Yen.default(0),
    durationMinutes: z.number().int().min(5).max(720).nullable().optional(),
  })
  .strict()
  .meta({ id: 'CatalogItemCreate' });
export type CatalogItemCreate = z.infer<typeof CatalogItemCreate>;

export const CatalogItemPatch = CatalogItemCreate.partial()
  .extend({ active: z.boolean().optional() })
  .strict()
  .meta({ id: 'CatalogItemPatch' });
export type CatalogItemPatch = z.infer<typeof CatalogItemPatch>;
