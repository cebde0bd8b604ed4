import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assignHoldout, holdoutBucket, isInHoldout, murmur3x86_32 } from '../src/index.js';

const utf8 = new TextEncoder();
const AUDIENCE = 100_000;
// Sequential ids are the hard case for a hash: they differ only in their last bytes.
const customerIds = Array.from({ length: AUDIENCE }, (_, i) => `cust-${i + 1}`);

describe('murmur3x86_32', () => {
  // The MurmurHash3_x86_32 test vectors widely published for ports of SMHasher's reference code.
  const vectors: [string, number, number][] = [
    ['', 0, 0],
    ['', 1, 0x514e28b7],
    ['', 0xffffffff, 0x81f16f39],
    ['\0\0\0\0', 0, 0x2362f9de],
    ['a', 0x9747b28c, 0x7fa09ea6],
    ['abc', 0x9747b28c, 0xc84a62dd],
    ['aaaa', 0x9747b28c, 0x5a97808a],
    ['test', 0, 0xba6bd213],
    ['Hello, world!', 0x9747b28c, 0x24884cba],
    ['The quick brown fox jumps over the lazy dog', 0x9747b28c, 0x2fa826cd],
  ];
  for (const [text, seed, expected] of vectors) {
    it(`hashes ${JSON.stringify(text)} with seed ${seed.toString(16)}`, () => {
      const bytes = utf8.encode(text);
      assert.equal(murmur3x86_32(bytes, bytes.length, seed), expected);
    });
  }
});

describe('holdoutBucket', () => {
  it('gives the buckets of an independent Python implementation of the documented byte layout', () => {
    // Pinned: changing these would reshuffle the holdouts of running campaigns. Computed with a
    // from-scratch Python murmur3 over struct.pack('<I', len(c)) + c + customer (UTF-8), then
    // (h(seed 0)·2²¹ + (h(seed 0x9747b28c) >> 11)) / 2⁵³.
    assert.equal(holdoutBucket('broadcast:42', 'cust-1'), 0.2457590787610605);
    assert.equal(holdoutBucket('broadcast:42', 'cust-2'), 0.6993267453908554);
    assert.equal(holdoutBucket('journey:7:step:3', '顧客-さくら'), 0.6461070718037446);
    assert.equal(holdoutBucket('ab', 'c'), 0.9636937063799738);
    assert.equal(holdoutBucket('a', 'bc'), 0.2977471267334364);
  });

  it('is deterministic and in [0, 1), also for long and non-ASCII keys', () => {
    const long = 'お客様'.repeat(500);
    for (const [campaign, customer] of [
      ['broadcast:42', 'cust-1'],
      [long, long],
      ['', ''],
    ] as const) {
      const first = holdoutBucket(campaign, customer);
      holdoutBucket('something else', 'in between');
      assert.equal(holdoutBucket(campaign, customer), first);
      assert.ok(first >= 0 && first < 1);
    }
  });

  it('holds out the share within binomial tolerance over 100k sequential ids, uniformly', () => {
    const share = 0.1;
    const held = assignHoldout('broadcast:2026-11', customerIds, share).reduce((sum, flag) => sum + flag, 0);
    const sd = Math.sqrt(AUDIENCE * share * (1 - share)); // about 95
    assert.ok(Math.abs(held - AUDIENCE * share) < 4 * sd, `${held} held out`);
    // Chi-square over 20 equal bins: below χ²₀.₉₉₉(19) = 43.82 (scipy.stats.chi2.ppf(0.999, 19)).
    const bins = new Float64Array(20);
    for (const id of customerIds) bins[Math.floor(holdoutBucket('broadcast:2026-11', id) * 20)]! += 1;
    const expected = AUDIENCE / 20;
    const chiSquare = bins.reduce((sum, observed) => sum + (observed - expected) ** 2 / expected, 0);
    assert.ok(chiSquare < 43.82, `chi-square ${chiSquare}`);
  });

  it('is independent between two campaign keys (chi-square on the 2×2 table)', () => {
    for (const share of [0.1, 0.5]) {
      const first = assignHoldout('broadcast:2026-11-01', customerIds, share);
      const second = assignHoldout('broadcast:2026-11-02', customerIds, share);
      const table = [
        [0, 0],
        [0, 0],
      ];
      for (let i = 0; i < AUDIENCE; i++) table[first[i]!]![second[i]!]! += 1;
      const rows = table.map((row) => row[0]! + row[1]!);
      const columns = [table[0]![0]! + table[1]![0]!, table[0]![1]! + table[1]![1]!];
      let chiSquare = 0;
      for (let r = 0; r < 2; r++)
        for (let c = 0; c < 2; c++) {
          const expected = (rows[r]! * columns[c]!) / AUDIENCE;
          chiSquare += (table[r]![c]! - expected) ** 2 / expected;
        }
      // χ²₀.₉₉₉(1) = 10.83 (scipy.stats.chi2.ppf(0.999, 1)).
      assert.ok(chiSquare < 10.83, `share ${share}: chi-square ${chiSquare}`);
    }
  });

  it('keeps a holdout when the share grows, and separates ("ab", "c") from ("a", "bc")', () => {
    for (const id of customerIds.slice(0, 2000)) {
      if (isInHoldout('broadcast:42', id, 0.1)) assert.ok(isInHoldout('broadcast:42', id, 0.2));
    }
    assert.notEqual(holdoutBucket('ab', 'c'), holdoutBucket('a', 'bc'));
    assert.equal(isInHoldout('broadcast:42', 'cust-1', 0), false);
    assert.equal(isInHoldout('broadcast:42', 'cust-1', 1), true);
    assert.throws(() => isInHoldout('broadcast:42', 'cust-1', 1.5), RangeError);
  });
});
