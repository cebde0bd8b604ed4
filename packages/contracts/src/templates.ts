import { z } from 'zod';
import { Id, Instant } from './common.js';

/** Message templates (Liquid). Variables and limits: docs/user/templates.md. */
export const TemplateChannel = z.enum(['line_text', 'line_flex', 'email']).meta({ id: 'TemplateChannel' });
export type TemplateChannel = z.infer<typeof TemplateChannel>;
export const TemplateLanguage = z.enum(['ja', 'en']).meta({ id: 'TemplateLanguage' });

const Source = (max: number) => z.string().max(max);

export const TemplateVariant = z
  .object({
    body: Source(100_000).min(1).meta({ description: 'LINE text, Flex message JSON, or email HTML (Liquid)' }),
    subject: Source(1_000).nullable().optional().meta({ description: 'Email only' }),
    text: Source(100_000)
      .nullable()
      .optional()
      .meta({ description: 'Email only: plain-text part; derived from the HTML when absent' }),
  })
  .strict()
  .meta({ id: 'TemplateVariant' });
export type TemplateVariant = z.infer<typeof TemplateVariant>;

const TemplateName = z.string().trim().min(1).max(100);

export const MessageTemplate = z
  .object({
    id: Id,
    name: z.string(),
    channel: TemplateChannel,
    ja: TemplateVariant,
    en: TemplateVariant.nullable(),
    archived: z.boolean(),
    createdAt: Instant,
    createdBy: Id.nullable(),
    updatedAt: Instant,
    updatedBy: Id.nullable(),
  })
  .meta({ id: 'MessageTemplate' });
export type MessageTemplate = z.infer<typeof MessageTemplate>;

export const TemplateDraft = z
  .object({ channel: TemplateChannel, ja: TemplateVariant, en: TemplateVariant.nullable().optional() })
  .strict()
  .meta({ id: 'TemplateDraft' });
export type TemplateDraft = z.infer<typeof TemplateDraft>;

export const TemplateCreate = z
  .object({
    name: TemplateName,
    channel: TemplateChannel,
    ja: TemplateVariant,
    en: TemplateVariant.nullable().optional(),
  })
  .strict()
  .meta({ id: 'TemplateCreate' });
export type TemplateCreate = z.infer<typeof TemplateCreate>;

export const TemplatePatch = z
  .object({
    name: TemplateName.optional(),
    channel: TemplateChannel.optional(),
    ja: TemplateVariant.optional(),
    en: TemplateVariant.nullable().optional(),
    archived: z.boolean().optional(),
  })
  .strict()
  .meta({ id: 'TemplatePatch' });
export type TemplatePatch = z.infer<typeof TemplatePatch>;

export const TemplateListQuery = z.object({
  includeArchived: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type TemplateListQuery = z.infer<typeof TemplateListQuery>;

/** A save-time syntax problem: the part of the template, and where in it. */
export const TemplateSyntaxProblem = z
  .object({ field: z.string(), line: z.number().int(), column: z.number().int(), message: z.string() })
  .meta({ id: 'TemplateSyntaxProblem' });

export const TemplatePreviewRequest = z
  .object({ customerId: Id, language: TemplateLanguage.optional() })
  .strict()
  .meta({ id: 'TemplatePreviewRequest' });
export type TemplatePreviewRequest = z.infer<typeof TemplatePreviewRequest>;

export const TemplateDraftPreviewRequest = z
  .object({ template: TemplateDraft, customerId: Id, language: TemplateLanguage.optional() })
  .strict()
  .meta({ id: 'TemplateDraftPreviewRequest' });
export type TemplateDraftPreviewRequest = z.infer<typeof TemplateDraftPreviewRequest>;

const RenderedMessage = z.discriminatedUnion('channel', [
  z.object({ channel: z.literal('line_text'), text: z.string() }),
  z.object({
    channel: z.literal('line_flex'),
    message: z.looseObject({
      type: z.literal('flex'),
      altText: z.string(),
      contents: z.looseObject({ type: z.string() }),
    }),
  }),
  z.object({ channel: z.literal('email'), subject: z.string(), html: z.string(), text: z.string() }),
]);

/** One customer's render: the message, or why it would not be sent (a value, not an HTTP error). */
export const TemplatePreview = z
  .discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), language: TemplateLanguage, output: RenderedMessage }),
    z.object({
      ok: z.literal(false),
      code: z.enum(['TEMPLATE_RENDER_FAILED', 'TEMPLATE_TOO_LONG', 'TEMPLATE_INVALID_FLEX', 'TEMPLATE_LIMIT_EXCEEDED']),
      message: z.string(),
    }),
  ])
  .meta({ id: 'TemplatePreview' });
export type TemplatePreview = z.infer<typeof TemplatePreview>;
