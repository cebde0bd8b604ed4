import { z } from 'zod';

/** A local time of day, HH:MM (24 h), in the business's time zone. */
export const TimeOfDay = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM')
  .meta({ description: 'Local time of day HH:MM', example: '21:00' });

export const DeliveryChannel = z.enum(['line', 'email']).meta({ id: 'DeliveryChannel' });
export type DeliveryChannel = z.infer<typeof DeliveryChannel>;

const ChannelOrder = z
  .array(DeliveryChannel)
  .min(1)
  .max(2)
  .refine((order) => new Set(order).size === order.length, 'each channel once');

const QuietHours = z
  .object({ start: TimeOfDay, end: TimeOfDay })
  .refine((q) => q.start !== q.end, 'start and end differ')
  .meta({ description: 'No message is sent from start to end (local time); wraps past midnight when end < start' });

const messagingSettingsFields = {
  channelOrder: ChannelOrder.meta({ description: 'Per customer, the first consented channel in this order is used' }),
  quietHours: QuietHours.nullable(),
  weeklyCap: z
    .number()
    .int()
    .min(1)
    .max(50)
    .meta({ description: 'At most this many messages to one customer in any 7 days' }),
  defaultHoldoutPercent: z.number().int().min(0).max(50),
};

/** How the business sends: defaults apply to rows written before these settings existed. */
export const MessagingSettings = z
  .object({
    channelOrder: messagingSettingsFields.channelOrder.default(['line', 'email']),
    quietHours: messagingSettingsFields.quietHours.default({ start: '21:00', end: '09:00' }),
    weeklyCap: messagingSettingsFields.weeklyCap.default(2),
    defaultHoldoutPercent: messagingSettingsFields.defaultHoldoutPercent.default(10),
  })
  .meta({ id: 'MessagingSettings' });
export type MessagingSettings = z.infer<typeof MessagingSettings>;

export const MessagingSettingsPatch = z
  .object(messagingSettingsFields)
  .partial()
  .strict()
  .meta({ id: 'MessagingSettingsPatch' });
export type MessagingSettingsPatch = z.infer<typeof MessagingSettingsPatch>;
