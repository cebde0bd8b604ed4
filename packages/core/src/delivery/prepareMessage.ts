import type { DeliveryChannel, MessageTemplate, Tenant } from '@kayoi/contracts';
import type { RenderedMessage, TemplateCustomerFacts, TemplateRenderer } from '../messaging/templates/index.js';
import type { TenantRepos } from '../ports.js';
import type { ReadyMessage, TenantChannels } from './channelSends.js';
import { checkWithinWeeklyCap, chooseChannel, quietHoursEnd } from './deliveryRules.js';
import type { ClaimedDelivery, DeliveryRecipient, DeliveryResult, SendingCampaign } from './deliveryQueuePort.js';
import { channelFactsOf, unreachableReason } from './prepareCampaign.js';
import { trackLinks, type TrackedLink } from './trackLinks.js';
import { appendUnsubscribeFooter } from './unsubscribeFooter.js';

/** What one tenant's share of a claimed batch is decided with, read once for the batch. */
export interface TenantBatch {
  tenant: Tenant;
  repos: TenantRepos;
  channels: TenantChannels;
  recipients: Map<string, DeliveryRecipient>;
  campaigns: Map<string, SendingCampaign>;
  templates: Map<string, MessageTemplate | null>;
  /** Messages this batch is sending per customer, for the weekly cap. */
  sentNow: Map<string, number>;
  /** LINE messages the account may still send this month (read before the batch; Infinity = no limit). */
  lineQuotaLeft: number;
}

export interface MessageDeps {
  renderer: TemplateRenderer;
  redirectBaseFor: (tenantId: string) => string | null;
  unsubscribeUrlFor: (tenantId: string, customerId: string, campaignId: string) => string | null;
}

export type PreparedMessage =
  | { readonly kind: 'ready'; readonly ready: ReadyMessage; readonly links: readonly TrackedLink[] }
  | { readonly kind: 'done'; readonly result: DeliveryResult };

const done = (result: DeliveryResult): PreparedMessage => ({ kind: 'done', result });

async function templateOf(context: TenantBatch, id: string | undefined): Promise<MessageTemplate | null> {
  if (id === undefined) return null;
  if (!context.templates.has(id)) context.templates.set(id, await context.repos.templates.findById(id));
  return context.templates.get(id) ?? null;
}

function factsOf(recipient: DeliveryRecipient): TemplateCustomerFacts {
  const c = recipient.customer;
  return {
    familyName: c.familyName,
    givenName: c.givenName,
    familyNameKana: c.familyNameKana,
    givenNameKana: c.givenNameKana,
    visitCount: c.stats.visitCount,
    attributes: c.attributes,
    lastVisit: recipient.lastVisit,
    nextVisitFrom: recipient.nextVisitFrom,
  };
}

/**
 * Decides one message — cancelled, erased, quiet hours, no consented channel, weekly cap — and
 * renders it for its customer. Called one message after another, so the cap's count of this
 * batch's messages is exact; only sending runs concurrently.
 */
export async function prepareMessage(
  deps: MessageDeps,
  context: TenantBatch,
  delivery: ClaimedDelivery,
  now: Date,
): Promise<PreparedMessage> {
  const campaign = context.campaigns.get(delivery.campaignId);
  if (!campaign || campaign.status === 'cancelled') return done({ status: 'cancelled' });
  const recipient = context.recipients.get(delivery.customerId);
  if (!recipient || recipient.erased)
    return done({ status: 'skipped', channel: null, reason: 'customer_erased', detail: null });
  const settings = context.tenant.settings.messaging;
  const quietUntil = quietHoursEnd(now, settings.quietHours, context.tenant.timeZone);
  if (quietUntil)
    return done({ status: 'queued', notBefore: quietUntil, channel: null, detail: 'quiet hours', countAttempt: false });

  const templateIds =
    delivery.templates ?? (delivery.arm === 'b' && campaign.variantB ? campaign.variantB : campaign.templates);
  const available: Partial<Record<DeliveryChannel, MessageTemplate>> = {};
  const line = await templateOf(context, templateIds.line);
  const email = await templateOf(context, templateIds.email);
  // Past the month's LINE quota, LINE is not offered: the customer gets email if they can.
  const lineUsable = Boolean(line && context.channels.line);
  if (line && lineUsable && context.lineQuotaLeft > 0) available.line = line;
  if (email && context.channels.email) available.email = email;
  const order = campaign.channelOrder ?? settings.channelOrder;
  const customer = recipient.customer;
  const facts = channelFactsOf(recipient);
  const channel = chooseChannel(order, facts, available);
  if (channel === null) {
    const overQuota = lineUsable && chooseChannel(order, facts, { ...available, line: line! }) === 'line';
    const reason = overQuota
      ? 'line_quota_exhausted'
      : (unreachableReason(order, recipient, available) ?? 'no_consented_channel');
    return done({ status: 'skipped', channel: null, reason, detail: null });
  }
  const alreadySent = recipient.sentInLastWeek + (context.sentNow.get(delivery.customerId) ?? 0);
  if (!checkWithinWeeklyCap(alreadySent, settings.weeklyCap))
    return done({ status: 'skipped', channel, reason: 'frequency_cap', detail: `${alreadySent} in the last 7 days` });

  const rendered = await deps.renderer.render({
    template: available[channel]!,
    customer: factsOf(recipient),
    shop: { name: context.tenant.name, timeZone: context.tenant.timeZone },
  });
  if (!rendered.ok)
    return done({
      status: 'failed',
      channel,
      reason: 'render_failed',
      detail: `${rendered.code}: ${rendered.message}`,
    });
  context.sentNow.set(delivery.customerId, (context.sentNow.get(delivery.customerId) ?? 0) + 1);
  if (channel === 'line') context.lineQuotaLeft -= 1;
  const unsubscribeUrl =
    channel === 'email' ? deps.unsubscribeUrlFor(delivery.tenantId, delivery.customerId, delivery.campaignId) : null;
  let message: RenderedMessage = unsubscribeUrl
    ? appendUnsubscribeFooter(rendered.output, unsubscribeUrl, rendered.language)
    : rendered.output;
  let links: TrackedLink[] = [];
  const redirectBase = deps.redirectBaseFor(delivery.tenantId);
  if (redirectBase)
    ({ message, links } = trackLinks(message, delivery.id, redirectBase, (url) => url === unsubscribeUrl));
  const address = channel === 'line' ? customer.lineUserId! : customer.email!;
  return { kind: 'ready', ready: { delivery, channel, address, message, unsubscribeUrl }, links };
}
