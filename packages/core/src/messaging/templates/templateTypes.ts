/** What a stored or unsaved template gives the renderer: one channel, a Japanese and an optional English variant. */
export type TemplateChannel = 'line_text' | 'line_flex' | 'email';
export type TemplateLanguage = 'ja' | 'en';

export interface TemplateVariant {
  /** LINE text, Flex JSON, or email HTML, depending on the channel. */
  readonly body: string;
  /** Email only. */
  readonly subject?: string | null;
  /** Email only: the plain-text part; when absent it is derived from the HTML. */
  readonly text?: string | null;
}

export interface TemplateSource {
  readonly channel: TemplateChannel;
  readonly ja: TemplateVariant;
  readonly en?: TemplateVariant | null;
}

/** The customer facts a template may show; gathered by a use case, rendered purely. */
export interface TemplateCustomerFacts {
  readonly familyName: string | null;
  readonly givenName: string | null;
  readonly familyNameKana: string | null;
  readonly givenNameKana: string | null;
  readonly visitCount: number;
  readonly attributes: Readonly<Record<string, string | number | boolean | readonly string[] | null>>;
  readonly lastVisit: {
    readonly at: Date;
    readonly storeName: string | null;
    readonly staffName: string | null;
    readonly serviceNames: readonly string[];
  } | null;
  /** The score's next_visit_from, a local calendar date (YYYY-MM-DD). */
  readonly nextVisitFrom: string | null;
  /** The customer's own language, once the customer model has one. */
  readonly language?: TemplateLanguage | null;
}

export interface TemplateShopFacts {
  readonly name: string;
  readonly timeZone: string;
  /** The tenant's default language, once tenants have one. */
  readonly defaultLanguage?: TemplateLanguage | null;
}

export type TemplateFailureCode =
  'TEMPLATE_RENDER_FAILED' | 'TEMPLATE_TOO_LONG' | 'TEMPLATE_INVALID_FLEX' | 'TEMPLATE_LIMIT_EXCEEDED';

export type FlexMessage = {
  readonly type: 'flex';
  readonly altText: string;
  readonly contents: { readonly type: 'bubble' | 'carousel' } & Readonly<Record<string, unknown>>;
} & Readonly<Record<string, unknown>>;

export type RenderedMessage =
  | { readonly channel: 'line_text'; readonly text: string }
  | { readonly channel: 'line_flex'; readonly message: FlexMessage }
  | { readonly channel: 'email'; readonly subject: string; readonly html: string; readonly text: string };

/** One customer's render: a value either way, so one failing customer fails only that send. */
export type TemplateRenderResult =
  | { readonly ok: true; readonly language: TemplateLanguage; readonly output: RenderedMessage }
  | { readonly ok: false; readonly code: TemplateFailureCode; readonly message: string };

/** A save-time syntax problem, positioned for the editor. */
export interface TemplateSyntaxProblem {
  readonly field: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}
