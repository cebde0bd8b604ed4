import type { DeliveryChannel, MessagingSettings } from '@kayoi/contracts';
import { holdoutBucket, isInHoldout } from '@kayoi/stats';
import type { TenantRepos } from '../ports.js';
import { segmentMemberIdPages } from '../segments/segmentUseCases.js';
import { broadcastDeliveryKey, chooseChannel, type ChannelFacts } from './deliveryRules.js';
import type { DeliveryQueuePort, DeliveryRecipient, DueCampaign, QueuedDelivery } from './deliveryQueuePort.js';

export interface PrepareDeps {
  queue: DeliveryQueuePort;
  repos: TenantRepos;
  now: Date;
  timeZone: string;
  messaging: MessagingSettings;
  /** Channels the business has set up (LINE credentials, SMTP settings). */
  configuredChannels: readonly DeliveryChannel[];
  pageSize?: number;
}

/** A/B halves come from a second, independent hash of the same customer, so they do not line up with the holdout. */
const checkVariantB = (campaignId: string, customerId: string) => holdoutBucket(`${campaignId}:ab`, customerId) < 0.5;

/**
 * Queues one message per segment member. Customers no channel can reach are set aside first
 * (in every arm alike, so the holdout stays comparable); the rest are assigned to the holdout
 * by a hash of (campaign, customer) — the same answer on every worker and every retry — and
 * the holdout is recorded, not sent. Inserting twice is a no-op (unique idempotency key),
 * so a worker that dies half-way is simply followed by another that starts over.
 */
export async function prepareCampaign(deps: PrepareDeps, campaign: DueCampaign): Promise<number> {
  const order = campaign.channelOrder ?? deps.messaging.channelOrder;
  const share = campaign.holdoutPercent / 100;
  const reachable = (templates: DueCampaign['templates']) =>
    Object.fromEntries(deps.configuredChannels.filter((c) => templates[c] !== undefined).map((c) => [c, true]));
  let queued = 0;
  const pages = segmentMemberIdPages(
    { repos: deps.repos, now: deps.now, timeZone: deps.timeZone },
    campaign.segmentId,
    deps.pageSize ?? 1000,
  );
  for await (const ids of pages) {
    const recipients = await deps.queue.recipients(campaign.tenantId, ids, deps.now);
    const rows: QueuedDelivery[] = ids.map((customerId) => {
      const holdout = share > 0 && isInHoldout(campaign.id, customerId, share);
      const arm = holdout ? 'holdout' : campaign.hasVariantB && checkVariantB(campaign.id, customerId) ? 'b' : 'a';
      const templates = arm === 'b' && campaign.variantB ? campaign.variantB : campaign.templates;
      const recipient = recipients.get(customerId);
      const base = {
        customerId,
        idempotencyKey: broadcastDeliveryKey(campaign.id, customerId),
        arm,
        notBefore: campaign.sendAt,
      } as const;
      const reason = recipient ? unreachableReason(order, recipient, reachable(templates)) : 'customer_erased';
      if (reason !== null) return { ...base, status: 'skipped', reason };
      return { ...base, status: arm === 'holdout' ? 'held_out' : 'queued', reason: null };
    });
    await deps.queue.queueDeliveries(campaign.tenantId, campaign.id, rows);
    queued += rows.length;
  }
  await deps.queue.finishPreparing(campaign.tenantId, campaign.id);
  return queued;
}

/** Why no channel reaches the customer (null when one does): no consent or address, or failed for good. */
export function unreachableReason(
  order: readonly DeliveryChannel[],
  recipient: DeliveryRecipient,
  templates: Readonly<Partial<Record<DeliveryChannel, unknown>>>,
): 'no_consented_channel' | 'suppressed' | null {
  const facts = channelFactsOf(recipient);
  if (chooseChannel(order, facts, templates) !== null) return null;
  return chooseChannel(order, { ...facts, suppressed: [] }, templates) !== null ? 'suppressed' : 'no_consented_channel';
}

/** What chooseChannel needs to know of a recipient: consent per channel, addresses, suppressions. */
export function channelFactsOf(recipient: DeliveryRecipient): ChannelFacts {
  const { customer } = recipient;
  return {
    consents: Object.fromEntries(Object.entries(customer.consents).map(([k, v]) => [k, v.status])),
    suppressed: recipient.suppressed,
    email: customer.email,
    lineUserId: customer.lineUserId,
  };
}
