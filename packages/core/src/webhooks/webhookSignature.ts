import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Outgoing webhooks are signed like Stripe's: `Kayoi-Signature: t=<unix seconds>,v1=<hex>`,
 * v1 = HMAC-SHA256(secret, "<t>.<raw body>"). The timestamp inside the MAC lets a receiver
 * refuse a replayed request; the raw body (not re-serialised JSON) is what is signed.
 */
export function webhookSignatureOf(secret: string, timestampSeconds: number, rawBody: string): string {
  const mac = createHmac('sha256', secret).update(`${timestampSeconds}.${rawBody}`, 'utf8').digest('hex');
  return `t=${timestampSeconds},v1=${mac}`;
}

/**
 * What a receiver does (documented for the business's developers, and used by our tests):
 * the header's timestamp within `toleranceSeconds` of now, and its MAC equal in constant time.
 */
export function checkWebhookSignature(
  secret: string,
  header: string | null | undefined,
  rawBody: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  if (!header) return false;
  const parts = new Map(header.split(',').map((p) => p.split('=', 2) as [string, string]));
  const t = Number(parts.get('t'));
  const given = parts.get('v1');
  if (!Number.isInteger(t) || !given || !/^[0-9a-f]{64}$/.test(given)) return false;
  if (Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = webhookSignatureOf(secret, t, rawBody).split('v1=')[1]!;
  return timingSafeEqual(Buffer.from(given, 'hex'), Buffer.from(expected, 'hex'));
}
