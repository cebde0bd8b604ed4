import type { DeliveryChannel, DeliveryReason, DeliveryStatus } from '@kayoi/contracts';
import type { CustomerDetail } from '../ports.js';
import type { TrackedLink } from './trackLinks.js';

/** A broadcast a worker took to build its audience (it holds a lease until it has). */
export interface DueCampaign {
  readonly tenantId: string;
  readonly id: string;
  readonly segmentId: string;
  readonly holdoutPercent: number;
  readonly hasVariantB: boolean;
  readonly templates: Readonly<Partial<Record<DeliveryChannel, string>>>;
  readonly variantB: Readonly<Partial<Record<DeliveryChannel, string>>> | null;
  readonly channelOrder: readonly DeliveryChannel[] | null;
  readonly sendAt: Date;
}

export interface QueuedDelivery {
  readonly customerId: string;
  readonly idempotencyKey: string;
  readonly arm: 'a' | 'b' | 'holdout';
  readonly status: Extract<DeliveryStatus, 'queued' | 'held_out' | 'skipped'>;
  readonly reason: DeliveryReason | null;
  readonly notBefore: Date;
  /** A journey step's templates; absent = the campaign's. */
  readonly templates?: Readonly<Partial<Record<DeliveryChannel, string>>> | null;
}

/** A message a worker holds (status 'sending', leased); `attempts` counts this one. */
export interface ClaimedDelivery {
  readonly tenantId: string;
  readonly id: string;
  readonly campaignId: string;
  readonly customerId: string;
  readonly idempotencyKey: string;
  readonly arm: 'a' | 'b' | 'holdout';
  readonly attempts: number;
  /** A journey step's templates; null = the campaign's. */
  readonly templates: Readonly<Partial<Record<DeliveryChannel, string>>> | null;
}

/** What sending needs of a campaign (broadcast or journey). */
export interface SendingCampaign {
  readonly id: string;
  readonly status: string;
  readonly templates: Readonly<Partial<Record<DeliveryChannel, string>>>;
  readonly variantB: Readonly<Partial<Record<DeliveryChannel, string>>> | null;
  readonly channelOrder: readonly DeliveryChannel[] | null;
}

/** What sending needs to know about one recipient, read for a whole batch at once. */
export interface DeliveryRecipient {
  readonly customer: CustomerDetail;
  readonly erased: boolean;
  readonly suppressed: readonly DeliveryChannel[];
  /**
   * Messages sent to the customer in the 7 days before now. Messages other workers hold at this
   * moment are not counted: the cap can be passed by a message sent at the same instant elsewhere.
   */
  readonly sentInLastWeek: number;
  readonly lastVisit: {
    readonly at: Date;
    readonly storeName: string | null;
    readonly staffName: string | null;
    readonly serviceNames: readonly string[];
  } | null;
  readonly nextVisitFrom: string | null;
}

export type DeliveryResult =
  | {
      readonly status: 'sent';
      readonly channel: DeliveryChannel;
      readonly providerRef: string | null;
      readonly detail: string | null;
      readonly at: Date;
    }
  | {
      readonly status: 'failed' | 'skipped';
      readonly channel: DeliveryChannel | null;
      readonly reason: DeliveryReason;
      readonly detail: string | null;
    }
  | { readonly status: 'cancelled' }
  /** Back to the queue until `notBefore` (quiet hours, or a retry after a transient failure). */
  | {
      readonly status: 'queued';
      readonly notBefore: Date;
      readonly channel: DeliveryChannel | null;
      readonly detail: string | null;
      /** Quiet hours are not a failed attempt; a transient failure is. */
      readonly countAttempt: boolean;
    };

/**
 * The outbox as the workers see it, across tenants. Claims hand each row to one worker at a
 * time (SKIP LOCKED) with a lease: a worker that dies loses its rows to the next one when the
 * lease lapses, and that one sends with the same idempotency key.
 */
export interface DeliveryQueuePort {
  claimDueCampaign(now: Date, leaseSeconds: number): Promise<DueCampaign | null>;
  queueDeliveries(tenantId: string, campaignId: string, rows: readonly QueuedDelivery[]): Promise<void>;
  /** preparing → sending, once every member is queued. */
  finishPreparing(tenantId: string, campaignId: string): Promise<void>;
  claimDeliveries(now: Date, limit: number, leaseSeconds: number): Promise<ClaimedDelivery[]>;
  recipients(tenantId: string, customerIds: readonly string[], now: Date): Promise<Map<string, DeliveryRecipient>>;
  campaigns(tenantId: string, campaignIds: readonly string[]): Promise<Map<string, SendingCampaign>>;
  /** Records outcomes; a message whose row is no longer 'sending' (cancelled meanwhile) keeps its row. */
  recordMany(outcomes: readonly { delivery: ClaimedDelivery; result: DeliveryResult }[]): Promise<void>;
  suppress(tenantId: string, customerId: string, channel: DeliveryChannel, reason: string, at: Date): Promise<void>;
  saveLinks(tenantId: string, links: readonly ({ deliveryId: string } & TrackedLink)[]): Promise<void>;
  /** sending → sent for campaigns with nothing left to send; answers how many. */
  finishDrainedCampaigns(now: Date): Promise<number>;
}
