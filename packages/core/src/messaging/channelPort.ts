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
