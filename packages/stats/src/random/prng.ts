/**
 * A seedable, forkable pseudo-random generator for simulations (not for secrets).
 *
 * xoshiro128** is small, fast in 32-bit JavaScript arithmetic and passes BigCrush;
 * splitmix32 spreads a single 32-bit seed over its 128-bit state so that nearby seeds
 * (1, 2, 3…) still give unrelated streams.
 */

export interface Rng {
  /** A uniform number in [0, 1), with 32 bits of resolution. */
  next(): number;
  /** A uniform integer in [minIncl, maxIncl]. */
  int(minIncl: number, maxIncl: number): number;
  /**
   * An independent stream named by `label`. It depends only on this generator's seed
   * lineage and the label, not on how many numbers were drawn before, so adding a draw
   * somewhere does not shift the streams forked elsewhere. Forking the same label twice
   * gives the same stream: use distinct labels for distinct purposes.
   */
  fork(label: string): Rng;
}

const TWO_POW_32 = 4294967296;

/** splitmix32 (Vigna's splitmix adapted to 32 bits): a seed expander, not a main generator. */
export function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) >>> 0;
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** MurmurHash3's 32-bit body over 32-bit words; each word goes through the full mix. */
function murmurWords(words: readonly number[], seed: number): number {
  let h = seed >>> 0;
  for (const word of words) {
    let k = Math.imul(word, 0xcc9e2d51);
    k = rotl(k, 15);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = rotl(h, 13);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  return fmix32(h ^ words.length);
}

type Key = readonly [number, number, number, number];

/**
 * Four murmur passes with different seeds over (parent key, label) give a 128-bit child
 * key; 32 bits would collide within a few tens of thousands of labels (one per customer).
 */
function deriveKey(parent: Key, label: string): Key {
  const words: number[] = [parent[0], parent[1], parent[2], parent[3], label.length];
  for (let i = 0; i < label.length; i++) words.push(label.charCodeAt(i));
  return [
    murmurWords(words, 0x243f6a88),
    murmurWords(words, 0x85a308d3),
    murmurWords(words, 0x13198a2e),
    murmurWords(words, 0x03707344),
  ];
}

class Xoshiro128 implements Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(private readonly key: Key) {
    this.s0 = key[0] | 0;
    this.s1 = key[1] | 0;
    this.s2 = key[2] | 0;
    this.s3 = key[3] | 0;
    // The all-zero state is the one fixed point of xoshiro; it would emit zeros forever.
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 0x9e3779b9 | 0;
  }

  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  next(): number {
    return this.nextUint32() / TWO_POW_32;
  }

  int(minIncl: number, maxIncl: number): number {
    if (!Number.isSafeInteger(minIncl) || !Number.isSafeInteger(maxIncl) || maxIncl < minIncl) {
      throw new RangeError(`int(${minIncl}, ${maxIncl}): need integers with min <= max`);
    }
    const span = maxIncl - minIncl + 1;
    if (span <= TWO_POW_32) return minIncl + Math.floor(this.next() * span);
    // Wider than one draw: combine two so every integer stays reachable.
    const wide = this.nextUint32() * TWO_POW_32 + this.nextUint32();
    return minIncl + (wide % span);
  }

  fork(label: string): Rng {
    return new Xoshiro128(deriveKey(this.key, label));
  }
}

/** A generator from any 32-bit integer seed (other numbers are truncated to 32 bits). */
export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  const expand = splitmix32(Math.trunc(seed));
  return new Xoshiro128([expand(), expand(), expand(), expand()]);
}
