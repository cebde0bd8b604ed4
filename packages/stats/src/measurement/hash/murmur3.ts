/**
 * MurmurHash3 x86_32 (Austin Appleby, SMHasher, public domain) over the first `length` bytes of
 * `bytes`. Math.imul keeps every step in 32-bit integers, so hashing allocates nothing.
 */
const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

function rotateLeft(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

function scrambleBlock(k: number): number {
  return Math.imul(rotateLeft(Math.imul(k, C1), 15), C2);
}

/** The 32-bit hash as an unsigned integer in [0, 2³²). */
export function murmur3x86_32(bytes: Uint8Array, length: number, seed: number): number {
  let h = seed | 0;
  const blockEnd = length - (length % 4);
  for (let i = 0; i < blockEnd; i += 4) {
    const k = bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24);
    h = rotateLeft(h ^ scrambleBlock(k), 13);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  const rest = length - blockEnd;
  if (rest > 0) {
    let k = bytes[blockEnd]!;
    if (rest > 1) k |= bytes[blockEnd + 1]! << 8;
    if (rest > 2) k |= bytes[blockEnd + 2]! << 16;
    h ^= scrambleBlock(k);
  }
  // fmix32: the finaliser that gives every output bit an even chance to flip for any input bit.
  h ^= length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
