import type {
  MessageTemplate,
  TemplateChannel,
  TemplateCreate,
  TemplateDraft,
  TemplateVariant,
} from '@kayoi/contracts';

export type Language = 'ja' | 'en';
export const templateChannels: readonly TemplateChannel[] = ['line_text', 'line_flex', 'email'];

/** One language's parts as the form holds them: empty strings, never null. */
export interface VariantValues {
  body: string;
  subject: string;
  text: string;
}

export interface TemplateValues {
  name: string;
  channel: TemplateChannel;
  ja: VariantValues;
  /** The English variant is optional: off, it is sent as null and Japanese is used for everyone. */
  hasEn: boolean;
  en: VariantValues;
}

const emptyVariant: VariantValues = { body: '', subject: '', text: '' };

const sampleBody: Record<TemplateChannel, Record<Language, string>> = {
  line_text: {
    ja: '{{ customer.name }}様、いつもありがとうございます。\n{{ shop.name }}',
    en: 'Hello {{ customer.name }}, thank you for coming.\n{{ shop.name }}',
  },
  line_flex: {
    ja: '{"type":"flex","altText":"{{ customer.name }}様へのお知らせ","contents":{"type":"bubble","body":{"type":"box","layout":"vertical","contents":[{"type":"text","text":"{{ customer.name }}様、いつもありがとうございます。","wrap":true}]}}}',
    en: '{"type":"flex","altText":"News for {{ customer.name }}","contents":{"type":"bubble","body":{"type":"box","layout":"vertical","contents":[{"type":"text","text":"Hello {{ customer.name }}","wrap":true}]}}}',
  },
  email: {
    ja: '<p>{{ customer.name }}様</p>\n<p>いつもありがとうございます。</p>\n<p>{{ shop.name }}</p>',
    en: '<p>Hello {{ customer.name }},</p>\n<p>Thank you for coming.</p>\n<p>{{ shop.name }}</p>',
  },
};

export function newTemplateValues(): TemplateValues {
  return { name: '', channel: 'line_text', ja: { ...emptyVariant }, hasEn: false, en: { ...emptyVariant } };
}

/** A starting point for a channel, so an empty editor already previews something. */
export function sampleVariant(channel: TemplateChannel, language: Language): VariantValues {
  return {
    body: sampleBody[channel][language],
    subject:
      channel === 'email' ? (language === 'ja' ? '{{ shop.name }}からのお知らせ' : 'News from {{ shop.name }}') : '',
    text: '',
  };
}

function variantValues(variant: TemplateVariant | null): VariantValues {
  if (!variant) return { ...emptyVariant };
  return { body: variant.body, subject: variant.subject ?? '', text: variant.text ?? '' };
}

export function templateValues(template: MessageTemplate): TemplateValues {
  return {
    name: template.name,
    channel: template.channel,
    ja: variantValues(template.ja),
    hasEn: template.en !== null,
    en: variantValues(template.en),
  };
}

/** What the API stores: subject and text only for email, and an empty text part left to the HTML. */
export function toVariant(channel: TemplateChannel, values: VariantValues): TemplateVariant {
  if (channel !== 'email') return { body: values.body };
  return { body: values.body, subject: values.subject, text: values.text.trim() === '' ? null : values.text };
}

export function toDraft(values: TemplateValues): TemplateDraft {
  return {
    channel: values.channel,
    ja: toVariant(values.channel, values.ja),
    en: values.hasEn ? toVariant(values.channel, values.en) : null,
  };
}

export function toCreate(values: TemplateValues): TemplateCreate {
  return { name: values.name.trim(), ...toDraft(values) };
}

/** The API refuses an empty body, so a draft is previewed only once every body it sends has text. */
export function isPreviewable(values: TemplateValues): boolean {
  return values.ja.body !== '' && (!values.hasEn || values.en.body !== '');
}
