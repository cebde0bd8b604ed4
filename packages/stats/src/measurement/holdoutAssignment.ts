import { murmur3x86_32 } from './hash/murmur3.js';

/**
 * Deterministic holdout assignment: a customer is in a campaign's holdout when
 * holdoutBucket(campaignKey, customerId) < share. No state is stored, a retried job or another
 * worker computes the same group, and raising the share only moves customers into the holdout.
 *
 * The hashed bytes are u32le(byte length of campaignKey) ‖ UTF-8(campaignKey) ‖ UTF-8(customerId):
 * the length prefix makes (campaign, customer) → bytes one-to-one, so ("ab", "c") and ("a", "bc")
 * never collide, and anyone can reproduce a bucket in another language.
 *
 * Why two MurmurHash3 x86_32 rounds rather than FNV-1a 64: the bucket is read from the top bits,
 * and in FNV-1a the last bytes (where sequential customer ids differ) reach the top bits only
 * through carries of a single multiplication, so it would need a 64-bit finaliser, and 64-bit
 * multiplication in JavaScript means BigInt and an allocation per byte. Murmur3 ends with fmix32,
 * whose avalanche makes every output bit depend on every input bit, in allocation-free 32-bit
 * arithmetic. Two rounds with different seeds give the 53 bits a double holds: 32 from the first
 * and the top 21 of the second, so buckets are multiples of 2⁻⁵³ in [0, 1).
 */
const SEED_HIGH = 0;
const SEED_LOW = 0x9747b28c;
const TWO_POW_21 = 2 ** 21;
const TWO_POW_53 = 2 ** 53;

const encoder = new TextEncoder();
let buffer = new Uint8Array(256);
// Audiences are hashed one campaign at a time: the prefix stays in the buffer between calls.
let encodedCampaign: string | null = null;
let prefixLength = 0;

/** Writes the hashed bytes into the reused buffer and returns their length. */
function encodeKey(campaignKey: string, customerId: string): number {
  // UTF-8 needs at most 3 bytes per UTF-16 code unit.
  const needed = 4 + 3 * (campaignKey.length + customerId.length);
  if (buffer.length < needed) {
    buffer = new Uint8Array(Math.max(needed, 2 * buffer.length));
    encodedCampaign = null;
  }
  if (campaignKey !== encodedCampaign) {
    const campaignBytes = encoder.encodeInto(campaignKey, buffer.subarray(4)).written;
    buffer[0] = campaignBytes & 0xff; // u32 little-endian
    buffer[1] = (campaignBytes >>> 8) & 0xff;
    buffer[2] = (campaignBytes >>> 16) & 0xff;
    buffer[3] = campaignBytes >>> 24;
    encodedCampaign = campaignKey;
    prefixLength = 4 + campaignBytes;
  }
  return prefixLength + encoder.encodeInto(customerId, buffer.subarray(prefixLength)).written;
}

/** A stable uniform number in [0, 1) for this customer in this campaign. */
export function holdoutBucket(campaignKey: string, customerId: string): number {
  const length = encodeKey(campaignKey, customerId);
  const high = murmur3x86_32(buffer, length, SEED_HIGH);
  const low = murmur3x86_32(buffer, length, SEED_LOW) >>> 11;
  return (high * TWO_POW_21 + low) / TWO_POW_53;
}

function checkShare(share: number): void {
  if (!(share >= 0 && share <= 1)) throw new RangeError(`holdout share must be in [0, 1], got ${share}`);
}

/** Whether the customer is held out of this campaign (not sent to) at this holdout share. */
export function isInHoldout(campaignKey: string, customerId: string, share: number): boolean {
  checkShare(share);
  return holdoutBucket(campaignKey, customerId) < share;
}

/** Holdout flags for an audience, as a column: 1 = held out, 0 = treated (sent to). */
export function assignHoldout(campaignKey: string, customerIds: readonly string[], share: number): Uint8Array {
  checkShare(share);
  const inHoldout = new Uint8Array(customerIds.length);
  for (let i = 0; i < customerIds.length; i++) {
    inHoldout[i] = holdoutBucket(campaignKey, customerIds[i]!) < share ? 1 : 0;
  }
  return inHoldout;
}
