import { lineSignatureOf } from '@kayoi/channels';
import type { TestApp } from './testApp.js';

export const LINE_SECRET_A = '0123456789abcdef0123456789abcdef';
export const LINE_SECRET_B = 'fedcba9876543210fedcba9876543210';
export const LINE_TOKEN = 'line-channel-access-token-for-tests-WXYZ';

export function lineSettings(secret: string) {
  return { channelId: '1650000000', channelSecret: secret, channelAccessToken: LINE_TOKEN };
}

/** A webhook body as LINE sends it. */
export function webhookBody(events: object[]) {
  return JSON.stringify({ destination: 'U00000000000000000000000000000000', events });
}

let eventCounter = 0;

export function lineEvent(type: string, userId: string, extra: object = {}) {
  return {
    type,
    mode: 'active',
    timestamp: 1_760_000_000_000 + ++eventCounter * 1000,
    source: { type: 'user', userId },
    webhookEventId: `01JTEST${String(++eventCounter).padStart(19, '0')}`,
    deliveryContext: { isRedelivery: false },
    ...extra,
  };
}

export function textEvent(userId: string, text: string) {
  return lineEvent('message', userId, { replyToken: 'r', message: { type: 'text', id: '1', text } });
}

/** Posts raw bytes to a tenant's webhook URL, signed with `secret` unless a signature is given. */
export function postWebhook(
  t: TestApp,
  tenantId: string,
  raw: string,
  signing: { secret: string } | { signature: string | null },
) {
  const signature =
    'secret' in signing ? lineSignatureOf(signing.secret, new TextEncoder().encode(raw)) : signing.signature;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (signature !== null) headers['x-line-signature'] = signature;
  return t.app.request(`/api/v1/line/webhook/${tenantId}`, { method: 'POST', headers, body: raw });
}
