import type { DeliveryChannel } from '@kayoi/contracts';
import type { EmailAddress, EmailMessagingPort, LineMessage, LineMessagingPort } from '../messaging/channelPort.js';
import type { RenderedMessage } from '../messaging/templates/index.js';
import { lineRetryKeyOf, MAX_DELIVERY_ATTEMPTS, retryDelayMs } from './deliveryRules.js';
import type { ClaimedDelivery, DeliveryResult } from './deliveryQueuePort.js';

/** LINE's 400 about the recipient: "The property, 'to', …" or a detail `to: …`. */
const LINE_RECIPIENT_REFUSED = /'to'|[(;] ?to: /;

/** The business's channels as set up now; null where one is not configured. */
export interface TenantChannels {
  line: LineMessagingPort | null;
  email: { port: EmailMessagingPort; from: EmailAddress; replyTo: string | null } | null;
}

/** A message decided and rendered, ready to go out on its channel. */
export interface ReadyMessage {
  readonly delivery: ClaimedDelivery;
  readonly channel: DeliveryChannel;
  readonly address: string;
  readonly message: RenderedMessage;
  readonly unsubscribeUrl: string | null;
}

/** Sends one ready message; the provider's answer becomes the log's outcome (never a throw). */
export function sendReadyMessage(
  channels: TenantChannels,
  ready: ReadyMessage,
  clock: () => Date,
): Promise<DeliveryResult> {
  return ready.channel === 'line'
    ? sendLine(channels.line!, ready.address, ready.message, ready.delivery, clock)
    : sendEmail(channels.email!, ready.address, ready.message, ready.delivery, ready.unsubscribeUrl, clock);
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
  // 429 for good means the month's quota is used up: the account's limit, not this customer's fault.
  if (outcome.status === 'permanent_failure' && outcome.providerStatus === 429)
    return { status: 'failed', channel: 'line', reason: 'line_quota_exhausted', detail: outcome.message };
  if (outcome.status === 'permanent_failure') {
    // Only a refusal of this recipient (LINE names the 'to' property) stops LINE for the
    // customer. A bad access token (401), a missing permission (403) or a message LINE cannot
    // take is the account's to fix, and every customer would otherwise lose LINE for it.
    const aboutRecipient = outcome.providerStatus === 400 && LINE_RECIPIENT_REFUSED.test(outcome.message);
    return {
      status: 'failed',
      channel: 'line',
      reason: aboutRecipient ? 'permanent_failure' : 'provider_refused',
      detail: `${outcome.providerStatus} ${outcome.message}`,
    };
  }
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
