import type { LinkCodeSecrets } from '@kayoi/core';
import { createHash, randomInt } from 'node:crypto';

/**
 * Six-digit LINE link codes from the system's CSPRNG, stored as a SHA-256 bound to the
 * tenant. Six digits are few: what protects a code is its ten-minute life and single use,
 * not the hash; the hash keeps live codes out of backups and database dumps.
 */
export function lineLinkCodeSecrets(tenantId: string): LinkCodeSecrets {
  return {
    generate: () => String(randomInt(0, 1_000_000)).padStart(6, '0'),
    hash: (code) => createHash('sha256').update(`kayoi-line-link:${tenantId}:${code}`).digest('hex'),
  };
}
