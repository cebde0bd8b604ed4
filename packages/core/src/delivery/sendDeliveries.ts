import type { DeliveryChannel, MessageTemplate, Tenant } from '@kayoi/contracts';
import type { EmailAddress, EmailMessagingPort, LineMessage, LineMessagingPort } from '../messaging/channelPort.js';
import type { RenderedMessage, TemplateCustomerFacts, TemplateRenderer } from '../messaging/templates/index.js';
import type { TenantRepos } from '../ports.js';
import {
  chooseChannel,
  checkWithinWeeklyCap,
  lineRetryKeyOf,
  MAX_DELIVERY_ATTEMPTS,
  quietHoursEnd,
  retryDelayMs,
} from './deliveryRules.js';
import type {
  ClaimedDelivery,
  DeliveryQueuePort,
  DeliveryRecipient,
  DeliveryResult,
  SendingCampaign,
} from './deliveryQueuePort.js';
import { trackLinks, type TrackedLink } from './trackLinks.js';
import { appendUnsubscribeFooter } from './unsubscribeFooter.js';
import { unreachableReason } from './prepareCampaign.js';

/** The business's channels as set up now; null where one is not configured. */
export interface TenantChannels {
  line: LineMessagingPort | null;
  email: { port: EmailMessagingPort; from: EmailAddress; replyTo: string | null } | null;
}

export interface SendDeps {
  queue: DeliveryQueuePort;
  reposFor: (tenantId: string) => TenantRepos;
  channelsFor: (tenantId: string) => Promise<TenantChannels>;
  renderer: TemplateRenderer;
  clock: () => Date;
  /** `https://shop.example/r/{tenantId}`-style base for tracked links; null sends links as written. */
  redirectBaseFor: (tenantId: string) => string | null;
  unsubscribeUrlFor: (tenantId: string, customerId: string, campaignId: string) => string | null;
  /** How many messages of one batch are in flight at once (SMTP connections, LINE requests). */
  concurrency: number;
}

interface TenantBatch {
  tenant: Tenant;
  repos: TenantRepos;
  channels: TenantChannels;
  recipients: Map<string, DeliveryRecipient>;
  campaigns: Map<string, SendingCampaign>;
  templates: Map<string, MessageTemplate | null>;
  /** Messages this batch has sent per customer, for the weekly cap. */
  sentNow: Map<string, number>;
}

/** Sends one claimed batch; answers how many messages it handled (0 = the queue is empty). */
export async function sendDeliveryBatch(deps: SendDeps, limit: number, leaseSeconds: number): Promise<number> {
  const claimed = await deps.queue.claimDeliveries(deps.clock(), limit, leaseSeconds);
  const byTenant = new Map<string, ClaimedDelivery[]>();
  for (const d of claimed) byTenant.set(d.tenantId, [...(byTenant.get(d.tenantId) ?? []), d]);
  for (const [tenantId, batch] of byTenant) {
    const repos = deps.reposFor(tenantId);
    const context: TenantBatch = {
      tenant: await repos.tenant.get(),
      repos,
      channels: await deps.channelsFor(tenantId),
      recipients: await deps.queue.recipients(tenantId, [...new Set(batch.map((d) => d.customerId))], deps.clock()),
      campaigns: await deps.queue.campaigns(tenantId, [...new Set(batch.map((d) => d.campaignId))]),
      templates: new Map(),
      sentNow: new Map(),
    };
    let next = 0;
    const lanes = Array.from({ length: Math.max(1, deps.concurrency) }, async () => {
      while (next < batch.length) {
        const delivery = batch[next++]!;
        await deps.queue.record(delivery, await deliverOne(deps, context, delivery));
      }
    });
    await Promise.all(lanes);
  }
  return claimed.length;
}

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

/** Decides and sends one message; every outcome is a value the log keeps. */
async function deliverOne(deps: SendDeps, context: TenantBatch, delivery: ClaimedDelivery): Promise<DeliveryResult> {
  const now = deps.clock();
  const campaign = context.campaigns.get(delivery.campaignId);
  if (!campaign || campaign.status === 'cancelled') return { status: 'cancelled' };
  const recipient = context.recipients.get(delivery.customerId);
  if (!recipient || recipient.erased)
    return { status: 'skipped', channel: null, reason: 'customer_erased', detail: null };
  const settings = context.tenant.settings.messaging;
  const quietUntil = quietHoursEnd(now, settings.quietHours, context.tenant.timeZone);
  if (quietUntil)
    return { status: 'queued', notBefore: quietUntil, channel: null, detail: 'quiet hours', countAttempt: false };

  const templateIds =
    delivery.templates ?? (delivery.arm === 'b' && campaign.variantB ? campaign.variantB : campaign.templates);
  const available: Partial<Record<DeliveryChannel, MessageTemplate>> = {};
  const line = await templateOf(context, templateIds.line);
  const email = await templateOf(context, templateIds.email);
  if (line && context.channels.line) available.line = line;
  if (email && context.channels.email) available.email = email;
  const order = campaign.channelOrder ?? settings.channelOrder;
  const customer = recipient.customer;
  const channel = chooseChannel(
    order,
    {
      consents: Object.fromEntries(Object.entries(customer.consents).map(([k, v]) => [k, v.status])),
      suppressed: recipient.suppressed,
      email: customer.email,
      lineUserId: customer.lineUserId,
    },
    available,
  );
  if (channel === null) {
    const reason = unreachableReason(order, recipient, available) ?? 'no_consented_channel';
    return { status: 'skipped', channel: null, reason, detail: null };
  }
  const alreadySent = recipient.sentInLastWeek + (context.sentNow.get(delivery.customerId) ?? 0);
  if (!checkWithinWeeklyCap(alreadySent, settings.weeklyCap))
    return { status: 'skipped', channel, reason: 'frequency_cap', detail: `${alreadySent} in the last 7 days` };
  // Counted before the first await, so two messages to one customer in one batch see each other.
  context.sentNow.set(delivery.customerId, (context.sentNow.get(delivery.customerId) ?? 0) + 1);
  const result = await renderAndSend(deps, context, delivery, recipient, channel, available[channel]!, now);
  if (result.status !== 'sent')
    context.sentNow.set(delivery.customerId, (context.sentNow.get(delivery.customerId) ?? 1) - 1);
  return result;
}

async function renderAndSend(
  deps: SendDeps,
  context: TenantBatch,
  delivery: ClaimedDelivery,
  recipient: DeliveryRecipient,
  channel: DeliveryChannel,
  template: MessageTemplate,
  now: Date,
): Promise<DeliveryResult> {
  const customer = recipient.customer;
  const rendered = await deps.renderer.render({
    template,
    customer: factsOf(recipient),
    shop: { name: context.tenant.name, timeZone: context.tenant.timeZone },
  });
  if (!rendered.ok)
    return { status: 'failed', channel, reason: 'render_failed', detail: `${rendered.code}: ${rendered.message}` };
  const unsubscribeUrl = deps.unsubscribeUrlFor(delivery.tenantId, delivery.customerId, delivery.campaignId);
  const redirectBase = deps.redirectBaseFor(delivery.tenantId);
  let message: RenderedMessage = unsubscribeUrl
    ? appendUnsubscribeFooter(rendered.output, unsubscribeUrl, rendered.language)
    : rendered.output;
  let links: TrackedLink[] = [];
  if (redirectBase)
    ({ message, links } = trackLinks(message, delivery.id, redirectBase, (url) => url === unsubscribeUrl));
  if (links.length > 0) await deps.queue.saveLinks(delivery.tenantId, delivery.id, links);
  const result =
    channel === 'line'
      ? await sendLine(context.channels.line!, customer.lineUserId!, message, delivery, deps.clock)
      : await sendEmail(context.channels.email!, customer.email!, message, delivery, unsubscribeUrl, deps.clock);
  if (result.status === 'failed' && result.reason === 'permanent_failure')
    await deps.queue.suppress(
      delivery.tenantId,
      delivery.customerId,
      channel,
      result.detail ?? 'permanent failure',
      now,
    );
  return result;
}

function lineMessageOf(message: RenderedMessage): LineMessage {
  if (message.channel === 'line_text') return { type: 'text', text: message.text };
  if (message.channel === 'line_flex') return message.message;
  throw new Error('an email template cannot go to LINE');
}

function retryOrGiveUp(delivery: ClaimedDelivery, channel: DeliveryChannel, detail: string, now: Date): DeliveryResult {
  if (delivery.attempts >= MAX_DELIVERY_ATTEMPTS)
    return { status: 'failed', channel, reason: 'transient_failure_exhausted', detail };
  return {
    status: 'queued',
    notBefore: new Date(now.getTime() + retryDelayMs(delivery.attempts)),
    channel,
    detail,
    countAttempt: true,
  };
}

async function sendLine(
  line: LineMessagingPort,
  to: string,
  message: RenderedMessage,
  delivery: ClaimedDelivery,
  clock: () => Date,
): Promise<DeliveryResult> {
  const outcome = await line.push(to, [lineMessageOf(message)], lineRetryKeyOf(delivery.idempotencyKey));
  if (outcome.status === 'accepted')
    return {
      status: 'sent',
      channel: 'line',
      providerRef: outcome.requestId,
      detail: outcome.alreadyAccepted ? 'accepted earlier under the same retry key' : null,
      at: clock(),
    };
  if (outcome.status === 'permanent_failure')
    return {
      status: 'failed',
      channel: 'line',
      reason: 'permanent_failure',
      detail: `${outcome.providerStatus} ${outcome.message}`,
    };
  return retryOrGiveUp(delivery, 'line', `${outcome.providerStatus ?? 'no answer'} ${outcome.message}`, clock());
}

async function sendEmail(
  email: NonNullable<TenantChannels['email']>,
  to: string,
  message: RenderedMessage,
  delivery: ClaimedDelivery,
  unsubscribeUrl: string | null,
  clock: () => Date,
): Promise<DeliveryResult> {
  if (message.channel !== 'email') throw new Error('a LINE template cannot go to email');
  const outcome = await email.port.send({
    from: email.from,
    to,
    ...(email.replyTo ? { replyTo: email.replyTo } : {}),
    subject: message.subject,
    html: message.html,
    text: message.text,
    idempotencyKey: delivery.idempotencyKey,
    ...(unsubscribeUrl ? { unsubscribe: { url: unsubscribeUrl } } : {}),
  });
  if (outcome.status === 'accepted')
    return { status: 'sent', channel: 'email', providerRef: outcome.messageId, detail: outcome.response, at: clock() };
  const detail = `${outcome.smtpCode ?? 'no answer'} ${outcome.message}`;
  if (outcome.status === 'permanent_failure')
    return { status: 'failed', channel: 'email', reason: 'permanent_failure', detail };
  return retryOrGiveUp(delivery, 'email', detail, clock());
}
