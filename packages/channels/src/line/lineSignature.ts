import { createHmac, timingSafeEqual } from 'node:crypto';

/** The `x-line-signature` LINE sends: base64(HMAC-SHA256(channel secret, raw body bytes)). */
export function lineSignatureOf(channelSecret: string, rawBody: Uint8Array): string {
  return createHmac('sha256', channelSecret).update(rawBody).digest('base64');
}

/**
 * Whether the signature was made with this channel secret over exactly these bytes. It must
 * see the bytes as received: re-serialised JSON (other spacing, key order, escapes) differs.
 * The comparison takes the same time wherever the strings differ, so an attacker learns
 * nothing from timing; a signature of the wrong length is refused before comparing.
 */
export function checkLineSignature(channelSecret: string, rawBody: Uint8Array, signature: string | undefined): boolean {
  if (!signature || channelSecret.length === 0) return false;
  const expected = Buffer.from(lineSignatureOf(channelSecret, rawBody), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  if (given.length !== expected.length) return false;
  return timingSafeEqual(given, expected);
}
