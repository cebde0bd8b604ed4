import path from 'node:path';

export interface RuntimeConfig {
  /** postgres://… when set; otherwise the embedded database in dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string;
  /** Create the demo salon when the database has no business yet. */
  demoOnFirstStart: boolean;
  trustProxy: boolean;
  /** Run the analytics worker in this process (nightly and on-demand model refreshes). */
  worker: boolean;
  /** Key for the unsubscribe links in email (≥ 32 bytes); without it links last until a restart. */
  unsubscribeSecret: string | undefined;
  /** Where customers reach this server (unsubscribe and tracked links in messages); default http://localhost:PORT. */
  publicUrl: string | undefined;
  /** The LINE Messaging API; a local contract server in tests. */
  lineApiUrl: string;
  /** Webhooks may post to private and loopback addresses (a single shop's own network). */
  webhookPrivateTargets: boolean;
}

function portFrom(text: string | undefined, fallback: number): number {
  if (text === undefined || text === '') return fallback;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be 0–65535, not "${text}"`);
  return port;
}

/** Everything configurable comes from the environment (12-factor); flags override. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): RuntimeConfig {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(cwd, env.KAYOI_DATA_DIR || '.kayoi'),
    port: portFrom(env.PORT, 3000),
    // Local only unless asked: a shop's customer data should not be on the network by accident.
    host: env.HOST || '127.0.0.1',
    demoOnFirstStart: env.KAYOI_DEMO !== '0',
    trustProxy: env.KAYOI_TRUST_PROXY === '1',
    worker: env.KAYOI_WORKER !== '0',
    unsubscribeSecret: env.KAYOI_UNSUBSCRIBE_SECRET || undefined,
    publicUrl: env.KAYOI_PUBLIC_URL || undefined,
    lineApiUrl: env.KAYOI_LINE_API_URL || 'https://api.line.me',
    webhookPrivateTargets: env.KAYOI_WEBHOOK_PRIVATE_TARGETS === '1',
  };
}

export function describeDatabase(config: RuntimeConfig): string {
  if (!config.databaseUrl) return `embedded database in ${config.dataDir}`;
  const url = new URL(config.databaseUrl);
  return `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`;
}
