/**
 * What a messaging channel adapter (packages/channels) answers for one request to the
 * provider. Values, not exceptions: a broadcast goes on after one batch fails, and the
 * delivery log records each outcome as it is.
 */
/** `providerStatus` is the provider's own status code (LINE's HTTP status), kept for the delivery log. */
export type SendOutcome =
  | {
      readonly status: 'accepted';
      /** The provider's request id (for a repeated retry key, the id of the request that was accepted). */
      readonly requestId: string | null;
      /** True when the provider said this retry key had already been accepted (sent before). */
      readonly alreadyAccepted: boolean;
      readonly attempts: number;
    }
  | {
      readonly status: 'permanent_failure';
      readonly providerStatus: number;
      readonly message: string;
      readonly attempts: number;
    }
  | {
      readonly status: 'transient_failure_exhausted';
      readonly providerStatus: number | null;
      readonly message: string;
      readonly attempts: number;
    };

/** A LINE message object (text, flex, …); the provider validates the rest. */
export interface LineMessage {
  readonly type: string;
  readonly [field: string]: unknown;
}

export interface LineBatchOutcome {
  readonly batchIndex: number;
  readonly userIds: readonly string[];
  readonly retryKey: string;
  readonly outcome: SendOutcome;
}

export interface LineQuota {
  /** 'none' = no monthly limit, 'limited' = `limit` messages a month. */
  readonly type: 'none' | 'limited';
  readonly limit: number | null;
  readonly totalUsage: number;
}

export type QuotaOutcome =
  { readonly status: 'ok'; readonly quota: LineQuota } | Exclude<SendOutcome, { status: 'accepted' }>;

/** The LINE Messaging API as the domain sees it; retry keys are the caller's, derived from what is sent. */
export interface LineMessagingPort {
  push(to: string, messages: readonly LineMessage[], retryKey: string): Promise<SendOutcome>;
  multicast(
    userIds: readonly string[],
    messages: readonly LineMessage[],
    retryKeyFor: (batchIndex: number) => string,
  ): Promise<LineBatchOutcome[]>;
  quota(): Promise<QuotaOutcome>;
}

/** A mailbox with an optional display name ("Salon Kayoi <info@example.jp>"). */
export interface EmailAddress {
  readonly name?: string;
  readonly address: string;
}

/** One email to one recipient: every message goes to one customer, so nobody sees another's address. */
export interface EmailMessage {
  readonly from: EmailAddress;
  readonly to: string;
  readonly replyTo?: string;
  readonly subject: string;
  readonly html: string;
  readonly text: string;
  /** Extra headers; the adapter sets Message-ID, Date and the List-Unsubscribe pair itself. */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * Derived from what is sent (campaign or journey step, customer). The Message-ID comes from it,
   * so a retried send carries the same id and the receiving side can tell it is the same mail.
   */
  readonly idempotencyKey: string;
  /** One-click unsubscribe (RFC 8058): the https URL takes a POST; mailto is the fallback. */
  readonly unsubscribe?: { readonly url: string; readonly mailto?: string };
}

/**
 * What the mail server said. `smtpCode` is the server's reply code (null when there was no
 * reply: connection refused, timeout). 5xx = permanent (bounced, bad recipient, refused login);
 * 4xx and no answer = transient, the caller may retry later with the same idempotency key.
 */
export type EmailSendOutcome =
  | { readonly status: 'accepted'; readonly messageId: string; readonly response: string }
  | {
      readonly status: 'permanent_failure' | 'transient_failure';
      readonly messageId: string;
      readonly smtpCode: number | null;
      readonly message: string;
    };

/** Email as the domain sees it. `send` never throws for a provider's refusal: it answers a value. */
export interface EmailMessagingPort {
  send(message: EmailMessage): Promise<EmailSendOutcome>;
  /** Closes pooled connections. */
  close(): Promise<void>;
}
