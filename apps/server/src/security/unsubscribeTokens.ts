import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { UnsubscribeClaim, UnsubscribeTokens } from '@kayoi/core';
import { z } from 'zod';

const UUID = z.uuid();
const CampaignKey = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const Payload = z.union([z.tuple([UUID, UUID]), z.tuple([UUID, UUID, CampaignKey])]);
/** Versioned and purpose-bound, so a MAC made for anything else with the same key never verifies here. */
const DOMAIN = 'kayoi-unsubscribe:v1:';
const MIN_KEY_BYTES = 32;

const mac = (key: Buffer, payload: string) =>
  createHmac('sha256', key)
    .update(DOMAIN + payload)
    .digest();

/**
 * Tokens `<payload>.<mac>`, both base64url: the payload is tenant id, customer id and an
 * optional campaign key; the MAC is HMAC-SHA256 over it. Nothing is stored: the link in a mail
 * sent years ago still works, and the database holds no table of live tokens to leak. The
 * key must be the same in every server process and survive restarts (KAYOI_UNSUBSCRIBE_SECRET).
 */
export function unsubscribeTokens(secret: string | Buffer): UnsubscribeTokens {
  const key = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret;
  if (key.length < MIN_KEY_BYTES) throw new Error(`the unsubscribe key needs at least ${MIN_KEY_BYTES} bytes`);
  return {
    sign(claim: UnsubscribeClaim) {
      const parts = [claim.tenantId.toLowerCase(), claim.customerId.toLowerCase()];
      if (claim.campaignKey !== undefined) parts.push(CampaignKey.parse(claim.campaignKey));
      const payload = Buffer.from(parts.join(':'), 'utf8').toString('base64url');
      return `${payload}.${mac(key, payload).toString('base64url')}`;
    },
    verify(token: string) {
      const [payload, signature, extra] = token.split('.');
      if (!payload || !signature || extra !== undefined) return null;
      const expected = mac(key, payload);
      const given = Buffer.from(signature, 'base64url');
      // Same length first (timingSafeEqual requires it), then a comparison whose time does not
      // depend on where the bytes differ.
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      const parsed = Payload.safeParse(Buffer.from(payload, 'base64url').toString('utf8').split(':'));
      if (!parsed.success) return null;
      const [tenantId, customerId, campaignKey] = parsed.data;
      return campaignKey === undefined ? { tenantId, customerId } : { tenantId, customerId, campaignKey };
    },
  };
}

/**
 * A key for this process only. Fine for tests and a first local start; links in mail sent
 * before a restart stop working, so a deployment that sends email sets KAYOI_UNSUBSCRIBE_SECRET.
 */
export function ephemeralUnsubscribeTokens(): UnsubscribeTokens {
  return unsubscribeTokens(randomBytes(MIN_KEY_BYTES));
}
