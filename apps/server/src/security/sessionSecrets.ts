import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { SessionSecrets } from '@kayoi/core';
import { newId } from '@kayoi/db';

export function sessionSecrets(): SessionSecrets {
  return {
    newId,
    newSecret: () => randomBytes(32).toString('base64url'),
    // The secret has 256 random bits, so a fast hash suffices; a slow one would tax every request.
    hashSecret: (secret) => createHash('sha256').update(secret).digest('hex'),
    sameHash(a, b) {
      const left = Buffer.from(a);
      const right = Buffer.from(b);
      return left.length === right.length && timingSafeEqual(left, right);
    },
  };
}
