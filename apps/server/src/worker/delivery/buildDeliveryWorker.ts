import {
  createTemplateRenderer,
  prepareCampaign,
  sendDeliveryBatch,
  sendWebhookBatch,
  type DataStore,
  type UnsubscribeTokens,
} from '@kayoi/core';
import type { DeliveryChannel } from '@kayoi/contracts';
import { webhookClient } from '@kayoi/channels';
import { deliveryQueue, webhookOutbox, type Database } from '@kayoi/db';
import { errorText, pollingLoop } from '../pollingLoop.js';
import { tenantChannelCache, type TenantChannelOptions } from './tenantChannels.js';

export interface DeliveryWorkerDeps {
  db: Database;
  store: DataStore;
  clock: () => Date;
  log: (line: string) => void;
  unsubscribeTokens: UnsubscribeTokens;
  /** Where customers reach this server (tracked links, unsubscribe); null = links are not rewritten. */
  publicUrl: string | null;
  channels: TenantChannelOptions;
  /** Messages claimed at once, and sent concurrently within a claim. */
  batchSize?: number;
  concurrency?: number;
  /** A worker that stops answering loses its messages to another after this long. */
  leaseSeconds?: number;
  pollMs?: number;
  /**
   * Where webhooks may go: 'public' (default) refuses private, loopback and link-local
   * addresses (KAYOI_WEBHOOK_PRIVATE_TARGETS=1 gives 'any', for a shop's own network).
   */
  webhookTargets?: 'public' | 'any';
}

export interface DeliveryWorker {
  start(): void;
  stop(): Promise<void>;
  /** Prepares due broadcasts and sends until nothing is due now; answers messages handled. */
  drain(): Promise<number>;
}

/**
 * The sending worker: turns due broadcasts into queued messages, then sends them in batches.
 * Any number may run against one PostgreSQL database; the queue hands each message to one.
 */
export function buildDeliveryWorker(deps: DeliveryWorkerDeps): DeliveryWorker {
  const queue = deliveryQueue(deps.db.orm);
  const webhooks = webhookOutbox(deps.db.orm);
  const webhookHttp = webhookClient({ targets: deps.webhookTargets ?? 'public' });
  const channels = tenantChannelCache(deps.store, deps.channels);
  const renderer = createTemplateRenderer();
  const leaseSeconds = deps.leaseSeconds ?? 120;
  const batchSize = deps.batchSize ?? 200;
  const base = deps.publicUrl?.replace(/\/+$/, '') ?? null;

  async function prepareDue(): Promise<number> {
    let prepared = 0;
    for (;;) {
      const campaign = await queue.claimDueCampaign(deps.clock(), leaseSeconds);
      if (!campaign) return prepared;
      const started = performance.now();
      const repos = deps.store.forTenant(campaign.tenantId);
      const tenant = await repos.tenant.get();
      const configured = await channels.channelsFor(campaign.tenantId);
      const configuredChannels: DeliveryChannel[] = [];
      if (configured.line) configuredChannels.push('line');
      if (configured.email) configuredChannels.push('email');
      const count = await prepareCampaign(
        {
          queue,
          repos,
          now: deps.clock(),
          timeZone: tenant.timeZone,
          messaging: tenant.settings.messaging,
          configuredChannels,
        },
        campaign,
      );
      deps.log(
        `broadcast ${campaign.id}: ${count} recipients queued in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
      prepared++;
    }
  }

  async function sendDue(): Promise<number> {
    let handled = 0;
    for (;;) {
      const n = await sendDeliveryBatch(
        {
          queue,
          reposFor: (tenantId) => deps.store.forTenant(tenantId),
          channelsFor: (tenantId) => channels.channelsFor(tenantId),
          renderer,
          clock: deps.clock,
          redirectBaseFor: (tenantId) => (base ? `${base}/r/${tenantId}` : null),
          unsubscribeUrlFor: (tenantId, customerId, campaignId) =>
            base ? `${base}/u/${deps.unsubscribeTokens.sign({ tenantId, customerId, campaignKey: campaignId })}` : null,
          concurrency: deps.concurrency ?? 16,
          webhooks,
        },
        batchSize,
        leaseSeconds,
      );
      handled += n;
      if (n === 0) break;
    }
    await queue.finishDrainedCampaigns(deps.clock());
    for (;;) {
      const n = await sendWebhookBatch(
        { outbox: webhooks, post: (request) => webhookHttp.post(request), clock: deps.clock, concurrency: 8 },
        100,
        leaseSeconds,
      );
      handled += n;
      if (n === 0) break;
    }
    return handled;
  }

  async function drain(): Promise<number> {
    await prepareDue();
    return sendDue();
  }

  const loop = pollingLoop(drain, deps.pollMs ?? 1_000, (err) => deps.log(`delivery worker: ${errorText(err)}`));
  return {
    start: loop.start,
    async stop() {
      await loop.stop();
      await channels.close();
    },
    drain,
  };
}
