import { z } from 'zod';
import { Instant } from './common.js';

/**
 * LINE Official Account settings of one business. The channel secret and access token are
 * write-only: they are read back only as "configured" and their last four characters, so a
 * leaked dashboard session or screenshot never leaks the credentials.
 */
export const LineSettings = z
  .object({
    configured: z.boolean(),
    channelId: z.string().nullable(),
    channelSecretLast4: z.string().nullable(),
    channelAccessTokenLast4: z.string().nullable(),
    updatedAt: Instant.nullable(),
  })
  .meta({ id: 'LineSettings' });
export type LineSettings = z.infer<typeof LineSettings>;

export const LineSettingsUpdate = z
  .object({
    channelId: z.string().regex(/^\d{5,20}$/, 'the numeric channel id from the LINE Developers console'),
    channelSecret: z.string().regex(/^[0-9a-f]{32}$/, 'the 32-character hexadecimal channel secret'),
    channelAccessToken: z.string().min(20).max(2000).regex(/^\S+$/, 'no spaces'),
  })
  .meta({ id: 'LineSettingsUpdate' });
export type LineSettingsUpdate = z.infer<typeof LineSettingsUpdate>;

export const LineLinkCode = z
  .object({
    code: z.string().regex(/^\d{6}$/),
    expiresAt: Instant,
  })
  .meta({ id: 'LineLinkCode' });
export type LineLinkCode = z.infer<typeof LineLinkCode>;

/** How a LINE link code looks in a message: six digits, nothing else (spaces trimmed). */
export const LINE_LINK_CODE = /^\d{6}$/;

const LineSource = z.object({
  type: z.string(),
  userId: z.string().min(1).max(100).optional(),
});

const eventBase = {
  webhookEventId: z.string().min(1).max(100),
  timestamp: z.number().int().nonnegative(),
  mode: z.string().optional(),
  source: LineSource.optional(),
  deliveryContext: z.object({ isRedelivery: z.boolean() }).optional(),
};

/**
 * The webhook events Kayoi acts on, and a catch-all for every other type (kept, not refused:
 * LINE adds event types, and refusing a body would make LINE redeliver it forever).
 */
export const LineWebhookEvent = z.union([
  z.object({ ...eventBase, type: z.literal('follow') }),
  z.object({ ...eventBase, type: z.literal('unfollow') }),
  z.object({
    ...eventBase,
    type: z.literal('message'),
    message: z.object({ type: z.string(), id: z.string().optional(), text: z.string().max(5000).optional() }),
  }),
  z.object({ ...eventBase, type: z.string() }),
]);
export type LineWebhookEvent = z.infer<typeof LineWebhookEvent>;

export const LineWebhookBody = z
  .object({
    destination: z.string().max(100),
    events: z.array(LineWebhookEvent).max(1000),
  })
  .meta({ id: 'LineWebhookBody' });
export type LineWebhookBody = z.infer<typeof LineWebhookBody>;
