import { lineClient, smtpClient, type LineClientOptions } from '@kayoi/channels';
import type { DataStore, EmailMessagingPort, TenantChannels } from '@kayoi/core';

export interface TenantChannelOptions {
  /** https://api.line.me in production; a local contract server in tests. */
  lineBaseUrl: string;
  /** Pooled SMTP connections per business. */
  smtpConnections: number;
  lineOptions?: Partial<LineClientOptions>;
}

interface Cached {
  key: string;
  channels: TenantChannels;
}

export interface TenantChannelCache {
  channelsFor(tenantId: string): Promise<TenantChannels>;
  close(): Promise<void>;
}

/**
 * The LINE and SMTP clients of each business, built from its stored settings and kept while
 * they stay the same (an SMTP pool is worth keeping between batches); a change of settings
 * closes the old pool and builds a new one.
 */
export function tenantChannelCache(store: DataStore, options: TenantChannelOptions): TenantChannelCache {
  const cache = new Map<string, Cached>();
  return {
    async channelsFor(tenantId) {
      const repos = store.forTenant(tenantId);
      const line = await repos.line.credentials();
      const email = await repos.email.settings();
      const key = `${line?.updatedAt.getTime() ?? '-'}:${email?.updatedAt.getTime() ?? '-'}`;
      const cached = cache.get(tenantId);
      if (cached?.key === key) return cached.channels;
      await cached?.channels.email?.port.close();
      let port: EmailMessagingPort | null = null;
      if (email) {
        port = smtpClient({
          host: email.smtpHost,
          port: email.smtpPort,
          security: email.smtpSecurity,
          auth:
            email.smtpUsername && email.smtpPassword
              ? { user: email.smtpUsername, pass: email.smtpPassword }
              : undefined,
          maxConnections: options.smtpConnections,
          maxMessagesPerConnection: 10_000,
        });
      }
      const channels: TenantChannels = {
        line: line
          ? lineClient({
              ...options.lineOptions,
              baseUrl: options.lineBaseUrl,
              channelAccessToken: line.channelAccessToken,
            })
          : null,
        email:
          email && port
            ? { port, from: { name: email.fromName, address: email.fromAddress }, replyTo: email.replyTo }
            : null,
      };
      cache.set(tenantId, { key, channels });
      return channels;
    },
    async close() {
      for (const { channels } of cache.values()) await channels.email?.port.close();
      cache.clear();
    },
  };
}
