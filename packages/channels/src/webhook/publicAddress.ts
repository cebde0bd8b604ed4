import dns from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * Webhook targets are typed in by a business owner; on a server shared by many businesses
 * they must not reach what only the server can reach (its database, cache, the cloud's
 * metadata address, the office network). Non-public ranges: RFC 6890 special-purpose
 * blocks, loopback, link-local, private, shared (CGNAT), documentation, multicast.
 */
const notPublic = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  notPublic.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b:1::', 48],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  notPublic.addSubnet(network, prefix, 'ipv6');

// Kept apart: BlockList checks IPv4 addresses against IPv6 rules as IPv4-mapped ones, so
// this range in `notPublic` would match every IPv4 address.
const mappedIpv4 = new BlockList();
mappedIpv4.addSubnet('::ffff:0:0', 96, 'ipv6');

/** True for an address on the public internet; false for anything else, non-addresses included. */
export function checkPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) return checkPublicAddress(mapped[1]!);
  const family = isIP(address);
  if (family === 0) return false;
  // Mapped IPv4 in hex (::ffff:7f00:1): refused rather than decoded.
  if (family === 6 && mappedIpv4.check(address, 'ipv6')) return false;
  return !notPublic.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export class NonPublicTargetError extends Error {
  readonly code = 'WEBHOOK_TARGET_NOT_PUBLIC';
  constructor(host: string) {
    super(`${host} is not a public internet address; KAYOI_WEBHOOK_PRIVATE_TARGETS=1 allows private targets`);
  }
}

/**
 * A DNS lookup for http.request that hands the connection only public addresses. The
 * check sits where the connection gets its address, so a name that resolves to a public
 * address when saved and to a private one when sent (DNS rebinding) is still refused.
 */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, '', 0);
    const allowed = addresses.filter((a) => checkPublicAddress(a.address));
    if (allowed.length === 0) return callback(new NonPublicTargetError(hostname), '', 0);
    if (options.all) return callback(null, allowed);
    return callback(null, allowed[0]!.address, allowed[0]!.family);
  });
};
