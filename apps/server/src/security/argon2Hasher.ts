import { hash, verify, type Options } from '@node-rs/argon2';
import type { PasswordHasher } from '@kayoi/core';

// Algorithm is an ambient const enum, which isolated modules cannot read; 2 is Argon2id.
const ARGON2ID = 2 as NonNullable<Options['algorithm']>;

/** Argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane). */
export function argon2Hasher(): PasswordHasher {
  const options: Options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };
  return {
    hash: (password) => hash(password, options),
    async verify(passwordHash, password) {
      try {
        return await verify(passwordHash, password);
      } catch {
        return false;
      }
    },
  };
}
