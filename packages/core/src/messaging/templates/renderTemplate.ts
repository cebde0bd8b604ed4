import type { Liquid } from 'liquidjs';
import { checkFlexMessage } from './flexMessage.js';
import {
  createLiquidEngines,
  defaultTemplateLimits,
  type LiquidEngines,
  type TemplateLimits,
} from './liquidEngines.js';
import { buildTemplateContext, pickTemplateLanguage } from './templateContext.js';
import type {
  TemplateCustomerFacts,
  TemplateFailureCode,
  TemplateLanguage,
  TemplateRenderResult,
  TemplateShopFacts,
  TemplateSource,
  TemplateVariant,
} from './templateTypes.js';

/** LINE refuses text messages over 5,000 characters; UTF-16 length is never below LINE's count. */
export const lineTextMaxLength = 5_000;

export interface RenderRequest {
  readonly template: TemplateSource;
  readonly customer: TemplateCustomerFacts;
  readonly shop: TemplateShopFacts;
  readonly language?: TemplateLanguage | null;
}

export interface TemplateRenderer {
  render(request: RenderRequest): Promise<TemplateRenderResult>;
}

type Failure = Extract<TemplateRenderResult, { ok: false }>;
const failure = (code: TemplateFailureCode, message: string): Failure => ({ ok: false, code, message });

/** Build once per process: liquidjs engines are reusable and stateless between renders. */
export function createTemplateRenderer(limits: TemplateLimits = defaultTemplateLimits): TemplateRenderer {
  const engines = createLiquidEngines(limits);
  return {
    async render(request) {
      try {
        return await renderOnce(engines, request);
      } catch (err) {
        // Never throw: one customer's failure must stay that customer's.
        return failureOf(err);
      }
    },
  };
}

async function renderOnce(engines: LiquidEngines, request: RenderRequest): Promise<TemplateRenderResult> {
  const { template, customer, shop } = request;
  const language = pickTemplateLanguage(request.language, customer, shop, Boolean(template.en));
  const variant: TemplateVariant = (language === 'en' ? template.en : null) ?? template.ja;
  const context = buildTemplateContext(customer, shop, language);
  if (template.channel === 'line_text') {
    const text = await renderString(engines.plain, variant.body, context);
    if (text.length > lineTextMaxLength) {
      return failure('TEMPLATE_TOO_LONG', `LINE text is ${text.length} characters; the limit is ${lineTextMaxLength}`);
    }
    return { ok: true, language, output: { channel: 'line_text', text } };
  }
  if (template.channel === 'line_flex') {
    const json = await renderString(engines.flex, variant.body, context);
    const checked = checkFlexMessage(json);
    if (!checked.ok) return failure('TEMPLATE_INVALID_FLEX', checked.message);
    return { ok: true, language, output: { channel: 'line_flex', message: checked.message } };
  }
  const subject = (await renderString(engines.plain, variant.subject ?? '', context)).replace(/\s+/g, ' ').trim();
  const html = await renderString(engines.html, variant.body, context);
  const text = variant.text ? await renderString(engines.plain, variant.text, context) : textFromHtml(html);
  return { ok: true, language, output: { channel: 'email', subject, html, text } };
}

function renderString(engine: Liquid, source: string, context: Record<string, unknown>): Promise<string> {
  return engine.parseAndRender(source, context) as Promise<string>;
}

/** A plain-text part for mail clients that show no HTML, when the author wrote none. */
function textFromHtml(html: string): string {
  return html
    .replace(/<(br|\/p|\/div|\/h\d|\/li)\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function failureOf(err: unknown): Failure {
  const message = err instanceof Error ? err.message : String(err);
  if (/limit exceeded/i.test(message)) return failure('TEMPLATE_LIMIT_EXCEEDED', message);
  return failure('TEMPLATE_RENDER_FAILED', message);
}
