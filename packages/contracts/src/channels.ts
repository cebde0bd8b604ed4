import { z } from 'zod';
import { Id, Instant, Month, Yen } from './common.js';

export const channelKinds = ['portal', 'sns', 'search', 'referral', 'walk_in', 'print', 'web', 'other'] as const;
export const ChannelKind = z.enum(channelKinds).meta({ id: 'ChannelKind' });
export type ChannelKind = z.infer<typeof ChannelKind>;

export const Channel = z
  .object({ id: Id, name: z.string(), kind: ChannelKind, archived: z.boolean(), createdAt: Instant })
  .meta({ id: 'Channel' });
export type Channel = z.infer<typeof Channel>;

export const ChannelCreate = z
  .object({ name: z.string().trim().min(1).max(100), kind: ChannelKind.default('other') })
  .strict()
  .meta({ id: 'ChannelCreate' });
export type ChannelCreate = z.infer<typeof ChannelCreate>;

export const ChannelPatch = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    kind: ChannelKind.optional(),
    archived: z.boolean().optional(),
  })
  .strict()
  .meta({ id: 'ChannelPatch' });
export type ChannelPatch = z.infer<typeof ChannelPatch>;

export const AdSpend = z
  .object({ channelId: Id, month: Month, amount: Yen, note: z.string().nullable() })
  .meta({ id: 'AdSpend' });
export type AdSpend = z.infer<typeof AdSpend>;

export const AdSpendPut = z
  .object({
    amount: Yen,
    note: z.string().trim().max(300).nullable().optional(),
  })
  .strict()
  .meta({ id: 'AdSpendPut' });
export type AdSpendPut = z.infer<typeof AdSpendPut>;

export const AdSpendQuery = z.object({
  channelId: Id.optional(),
  from: Month.optional(),
  to: Month.optional(),
});
export type AdSpendQuery = z.infer<typeof AdSpendQuery>;
