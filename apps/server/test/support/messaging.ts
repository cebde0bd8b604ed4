import assert from 'node:assert/strict';
import type { Broadcast, Delivery } from '@kayoi/contracts';
import {
  startLineContractServer,
  type LineContractServer,
  type LineContractServerOptions,
} from '../../../../packages/channels/test/support/lineContractServer.js';
import { startSmtpTestServer, type SmtpTestServer } from '../../../../packages/channels/test/support/smtpTestServer.js';
import type { SmtpTestConfig } from '../../../../packages/channels/test/support/smtpServerProcess.js';
import { buildDeliveryWorker, type DeliveryWorker } from '../../src/worker/delivery/buildDeliveryWorker.js';
import type { Business, TestApp } from './testApp.js';

export const LINE_ACCESS_TOKEN = 'line-access-token-for-sending-tests';
export const PUBLIC_URL = 'https://salon.example.jp';
/** 12:00 in Tokyo: outside the default quiet hours (21:00–09:00). */
export const NOON_TOKYO = '2026-11-20T03:00:00.000Z';

/** A LINE user id as LINE issues them (U + 32 hex digits). */
export const lineUserIdOf = (n: number) => `U${n.toString(16).padStart(32, '0')}`;

/** A clock the test moves by hand. */
export function manualClock(start: string) {
  let now = new Date(start).getTime();
  return {
    now: () => new Date(now),
    set: (iso: string) => (now = new Date(iso).getTime()),
    advance: (ms: number) => (now += ms),
  };
}

export interface MessagingScene {
  line: LineContractServer;
  smtp: SmtpTestServer;
  worker(clock: () => Date): DeliveryWorker;
  close(): Promise<void>;
}

/** LINE (a contract server) and email (a real SMTP server process) connected for business `b`. */
export async function connectChannels(
  t: TestApp,
  b: Business,
  smtpConfig: SmtpTestConfig = {},
  lineOptions: Partial<LineContractServerOptions> = {},
): Promise<MessagingScene> {
  const line = await startLineContractServer({ ...lineOptions, channelAccessToken: LINE_ACCESS_TOKEN });
  const smtp = await startSmtpTestServer(smtpConfig);
  const put = async (path: string, body: unknown) => {
    const res = await t.call('PUT', path, { token: b.tokens.owner, body });
    assert.equal(res.status, 200, await res.clone().text());
  };
  await put('/api/v1/channels/line', {
    channelId: '1650000000',
    channelSecret: '0123456789abcdef0123456789abcdef',
    channelAccessToken: LINE_ACCESS_TOKEN,
  });
  await put('/api/v1/channels/email', {
    fromName: 'サロン通い',
    fromAddress: 'info@salon.example.jp',
    smtpHost: '127.0.0.1',
    smtpPort: smtp.port,
    smtpSecurity: 'none',
  });
  const workers: DeliveryWorker[] = [];
  return {
    line,
    smtp,
    worker(clock) {
      const worker = buildDeliveryWorker({
        db: t.test.db,
        store: t.deps.store,
        clock,
        log: () => undefined,
        unsubscribeTokens: t.deps.unsubscribeTokens,
        publicUrl: PUBLIC_URL,
        channels: { lineBaseUrl: line.url, smtpConnections: 2, lineOptions: { sleep: async () => undefined } },
        batchSize: 7,
        concurrency: 3,
        // The test receivers listen on 127.0.0.1.
        webhookTargets: 'any',
      });
      workers.push(worker);
      return worker;
    },
    async close() {
      for (const w of workers) await w.stop();
      await line.close();
      await smtp.close();
    },
  };
}

export interface CustomerSpec {
  name: string;
  email?: string;
  lineUserId?: string;
  line?: 'granted' | 'withdrawn';
  email_?: 'granted' | 'withdrawn';
  tags?: string[];
}

export async function createCustomer(t: TestApp, b: Business, spec: CustomerSpec): Promise<string> {
  const consents: Record<string, { status: string; source: string }> = {};
  if (spec.line) consents.line = { status: spec.line, source: 'counter' };
  if (spec.email_) consents.email = { status: spec.email_, source: 'counter' };
  const res = await t.call('POST', '/api/v1/customers', {
    token: b.tokens.owner,
    body: {
      familyName: spec.name,
      givenName: '様子',
      ...(spec.email ? { email: spec.email } : {}),
      ...(spec.lineUserId ? { lineUserId: spec.lineUserId } : {}),
      tags: spec.tags ?? ['autumn'],
      consents,
    },
  });
  assert.equal(res.status, 201, await res.clone().text());
  return ((await res.json()) as { id: string }).id;
}

export async function postJson<T>(t: TestApp, token: string, path: string, body: unknown, status = 201): Promise<T> {
  const res = await t.call('POST', path, { token, body });
  assert.equal(res.status, status, `${path}: ${await res.clone().text()}`);
  return (await res.json()) as T;
}

export async function getJson<T>(t: TestApp, token: string, path: string): Promise<T> {
  const res = await t.call('GET', path, { token });
  assert.equal(res.status, 200, `${path}: ${await res.clone().text()}`);
  return (await res.json()) as T;
}

/** Templates and a segment of everyone tagged `tag`, then a draft broadcast to it. */
export async function draftBroadcast(
  t: TestApp,
  b: Business,
  options: { tag?: string; holdoutPercent?: number; name?: string; line?: string; email?: string } = {},
): Promise<Broadcast> {
  const tag = options.tag ?? 'autumn';
  const suffix = `${tag}-${Math.random().toString(36).slice(2, 8)}`;
  const line = await postJson<{ id: string }>(t, b.tokens.owner, '/api/v1/templates', {
    name: `LINE ${suffix}`,
    channel: 'line_text',
    ja: { body: options.line ?? '{{ customer.family_name }}様、秋のメニューです https://salon.example.jp/menu' },
  });
  const email = await postJson<{ id: string }>(t, b.tokens.owner, '/api/v1/templates', {
    name: `Mail ${suffix}`,
    channel: 'email',
    ja: {
      subject: '{{ customer.family_name }}様へ秋のご案内',
      body:
        options.email ??
        '<p>{{ customer.family_name }}様</p><p><a href="https://salon.example.jp/menu?a=1&amp;b=2">メニュー</a></p>',
    },
  });
  const segment = await postJson<{ id: string }>(t, b.tokens.owner, '/api/v1/segments', {
    name: `Segment ${suffix}`,
    rule: { type: 'tag', op: 'has', value: tag },
  });
  return postJson<Broadcast>(t, b.tokens.owner, '/api/v1/broadcasts', {
    name: options.name ?? `Broadcast ${suffix}`,
    segmentId: segment.id,
    templates: { line: line.id, email: email.id },
    holdoutPercent: options.holdoutPercent ?? 0,
    outcome: { kind: 'visit', days: 30 },
  });
}

export async function deliveriesOf(t: TestApp, b: Business, broadcastId: string): Promise<Map<string, Delivery>> {
  const page = await getJson<{ items: Delivery[] }>(
    t,
    b.tokens.owner,
    `/api/v1/broadcasts/${broadcastId}/deliveries?limit=200`,
  );
  return new Map(page.items.map((d) => [d.customerId, d]));
}
