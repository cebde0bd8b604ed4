import type { TemplateRenderer } from '../messaging/templates/index.js';
import type { TenantRepos } from '../ports.js';
import { sendReadyMessage, type ReadyMessage, type TenantChannels } from './channelSends.js';
import type { ClaimedDelivery, DeliveryQueuePort, DeliveryResult } from './deliveryQueuePort.js';
import { prepareMessage, type TenantBatch } from './prepareMessage.js';
import type { WebhookEventDraft, WebhookOutboxPort } from '../webhooks/webhookPorts.js';

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
  /** Where message.sent / message.failed events go for the business's webhooks. */
  webhooks?: WebhookOutboxPort;
}

/**
 * Sends one claimed batch; answers how many messages it handled (0 = the queue is empty).
 * Per tenant: read what deciding needs (one query each), decide and render every message,
 * store the batch's tracked links (one statement, before any message that carries them goes
 * out), send with bounded concurrency, and record outcomes a few dozen at a time.
 */
export async function sendDeliveryBatch(deps: SendDeps, limit: number, leaseSeconds: number): Promise<number> {
  const claimed = await deps.queue.claimDeliveries(deps.clock(), limit, leaseSeconds);
  const byTenant = new Map<string, ClaimedDelivery[]>();
  for (const d of claimed) byTenant.set(d.tenantId, [...(byTenant.get(d.tenantId) ?? []), d]);
  for (const [tenantId, batch] of byTenant) {
    const repos = deps.reposFor(tenantId);
    const channels = await deps.channelsFor(tenantId);
    const context: TenantBatch = {
      tenant: await repos.tenant.get(),
      repos,
      channels,
      lineQuotaLeft: await lineQuotaLeftOf(channels),
      recipients: await deps.queue.recipients(tenantId, [...new Set(batch.map((d) => d.customerId))], deps.clock()),
      campaigns: await deps.queue.campaigns(tenantId, [...new Set(batch.map((d) => d.campaignId))]),
      templates: new Map(),
      sentNow: new Map(),
    };
    const recorder = outcomeRecorder(deps.queue);
    const ready: ReadyMessage[] = [];
    const links: { deliveryId: string; token: string; url: string }[] = [];
    for (const delivery of batch) {
      const prepared = await prepareMessage(deps, context, delivery, deps.clock());
      if (prepared.kind === 'done') recorder.add(delivery, prepared.result);
      else {
        ready.push(prepared.ready);
        for (const link of prepared.links) links.push({ deliveryId: delivery.id, ...link });
      }
    }
    await deps.queue.saveLinks(tenantId, links);
    let next = 0;
    const lanes = Array.from({ length: Math.max(1, deps.concurrency) }, async () => {
      while (next < ready.length) {
        const message = ready[next++]!;
        const result = await sendReadyMessage(context.channels, message, deps.clock);
        if (result.status === 'failed' && result.reason === 'permanent_failure') {
          const { delivery } = message;
          await deps.queue.suppress(tenantId, delivery.customerId, message.channel, result.detail ?? '', deps.clock());
        }
        recorder.add(message.delivery, result);
      }
    });
    await Promise.all(lanes);
    await recorder.flush();
    await deps.webhooks?.emit(tenantId, webhookEventsOf(recorder.written), deps.clock());
  }
  return claimed.length;
}

/**
 * The LINE account's messages left this month, read before each batch. A quota that cannot be
 * read does not stop sending: LINE itself refuses past the limit, and that is recorded as such.
 */
async function lineQuotaLeftOf(channels: TenantChannels): Promise<number> {
  if (!channels.line) return 0;
  const answer = await channels.line.quota();
  if (answer.status !== 'ok' || answer.quota.type === 'none' || answer.quota.limit === null) return Infinity;
  return Math.max(0, answer.quota.limit - answer.quota.totalUsage);
}

/** message.sent and message.failed for the business's webhooks; skips and deferrals are not events. */
function webhookEventsOf(
  outcomes: readonly { delivery: ClaimedDelivery; result: DeliveryResult }[],
): WebhookEventDraft[] {
  return outcomes.flatMap(({ delivery, result }): WebhookEventDraft[] => {
    const about = { deliveryId: delivery.id, campaignId: delivery.campaignId, customerId: delivery.customerId };
    if (result.status === 'sent')
      return [
        {
          type: 'message.sent',
          sourceKey: delivery.id,
          payload: { ...about, channel: result.channel, sentAt: result.at.toISOString() },
        },
      ];
    if (result.status === 'failed')
      return [
        {
          type: 'message.failed',
          sourceKey: delivery.id,
          payload: { ...about, channel: result.channel, reason: result.reason, detail: result.detail },
        },
      ];
    return [];
  });
}

/** Outcomes are written a few dozen at a time, one statement each time, not one per message. */
const RECORD_EVERY = 25;

/**
 * Written soon after sending, in small groups: one statement per message would cost a third of
 * a broadcast's time. A worker that dies before a group is written leaves those messages
 * 'sending'; the next worker sends them again under the same key (LINE answers 409; mail
 * goes again with the same Message-ID), so the group size bounds what a crash can repeat.
 */
function outcomeRecorder(queue: DeliveryQueuePort) {
  let pending: { delivery: ClaimedDelivery; result: DeliveryResult }[] = [];
  const written: { delivery: ClaimedDelivery; result: DeliveryResult }[] = [];
  let writing: Promise<void> = Promise.resolve();
  const write = () => {
    const group = pending;
    pending = [];
    written.push(...group);
    writing = writing.then(() => (group.length > 0 ? queue.recordMany(group) : undefined));
    return writing;
  };
  return {
    add(delivery: ClaimedDelivery, result: DeliveryResult) {
      pending.push({ delivery, result });
      // A failed write surfaces at flush(), which the batch awaits.
      if (pending.length >= RECORD_EVERY) write().catch(() => undefined);
    },
    flush: () => write(),
    /** Every outcome handed to the database so far (after flush: all of them). */
    written,
  };
}
