import { z } from 'zod';
import { Id, Instant, optionalText } from './common.js';

export const Store = z
  .object({
    id: Id,
    name: z.string(),
    address: z.string().nullable(),
    phone: z.string().nullable(),
    archived: z.boolean(),
    createdAt: Instant,
  })
  .meta({ id: 'Store' });
export type Store = z.infer<typeof Store>;

export const StoreCreate = z
  .object({
    name: z.string().trim().min(1).max(100),
    address: optionalText(300),
    phone: optionalText(30),
  })
  .strict()
  .meta({ id: 'StoreCreate' });
export type StoreCreate = z.infer<typeof StoreCreate>;

export const StorePatch = StoreCreate.partial()
  .extend({ archived: z.boolean().optional() })
  .strict()
  .meta({ id: 'StorePatch' });
export type StorePatch = z.infer<typeof StorePatch>;
