import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  abVerdict,
  binaryUplift,
  countBinaryOutcomes,
  proportionDifference,
  revenueUplift,
  summarizeRevenue,
  type BinaryOutcomeCounts,
} from '../src/index.js';

// RECOMPUTE: the independent Python used for the Newcombe numbers (scipy 1.17.1):
//   python3 -c "
//   from scipy.stats import norm; import math; z = norm.ppf(0.975)
//   def wilson(x, n):
//       p = x/n; d = 1 + z*z/n; c = (p + z*z/(2*n))/d
//       h = z*math.sqrt(p*(1-p)/n + z*z/(4*n*n))/d; return c - h, c + h
//   def m10(x1, n1, x2, n2):
//       p1, p2 = x1/n1, x2/n2; l1, u1 = wilson(x1, n1); l2, u2 = wilson(x2, n2); d = p1 - p2
//       return d, d - math.hypot(p1 - l1, u2 - p2), d + math.hypot(u1 - p1, p2 - l2)
//   print(m10(300, 1000, 20, 100))"
function close(actual: number, expected: number, tolerance: number, label = ''): void {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${label} ${actual} vs ${expected}`);
}
const group = (events: number, customers: number): BinaryOutcomeCounts => ({ events, customers });

describe('proportionDifference against Newcombe (1998), Table II', () => {
  // Newcombe, Statistics in Medicine 17:873–890, Table II: examples (a)–(h), method 10 (hybrid
  // score, no continuity correction) and method 1 (Wald), 95 %, four decimals. Each was also
  // recomputed in python3 with z = scipy.stats.norm.ppf(0.975), Wilson (l, u) per group, and
  // d ∓ hypot(...) as in proportionDifference (RECOMPUTE below). Note (a) is
  // 56/70 − 48/80 = 0.8 − 0.6 = 0.2000.
  const table: [string, number, number, number, number, number, [number, number], [number, number]][] = [
    ['a', 56, 70, 48, 80, 0.2, [0.0524, 0.3339], [0.0575, 0.3425]],
    ['b', 9, 10, 3, 10, 0.6, [0.1705, 0.809], [0.2605, 0.9395]],
    ['c', 6, 7, 2, 7, 0.5714, [0.0582, 0.8062], [0.1481, 0.9947]],
    ['d', 5, 56, 0, 29, 0.0893, [-0.0381, 0.1926], [0.0146, 0.164]],
    ['e', 0, 10, 0, 20, 0, [-0.1611, 0.2775], [0, 0]],
    ['f', 0, 10, 0, 10, 0, [-0.2775, 0.2775], [0, 0]],
    ['g', 10, 10, 0, 20, 1, [0.6791, 1], [1, 1]],
    ['h', 10, 10, 0, 10, 1, [0.6075, 1], [1, 1]],
  ];
  for (const [name, x1, n1, x2, n2, difference, newcombe, wald] of table) {
    it(`example (${name}): ${x1}/${n1} − ${x2}/${n2}`, () => {
      const result = proportionDifference(group(x1, n1), group(x2, n2));
      assert.ok(result.ok);
      close(result.difference, difference, 5e-5, 'difference');
      close(result.newcombe.lower, newcombe[0], 5e-5, 'method 10 lower');
      close(result.newcombe.upper, newcombe[1], 5e-5, 'method 10 upper');
      close(result.wald.lower, wald[0], 5e-5, 'Wald lower');
      close(result.wald.upper, wald[1], 5e-5, 'Wald upper');
    });
  }
});

describe('binaryUplift', () => {
  it('reproduces a hand-computed campaign: 300/1000 treated came back, 20/100 held out', () => {
    const result = binaryUplift(group(300, 1000), group(20, 100));
    assert.ok(result.ok);
    // By hand: d = 0.3 − 0.2 = 0.1; Wald se = √(0.3·0.7/1000 + 0.2·0.8/100) = √0.00181 =
    // 0.0425441; ±1.959964·se = ±0.0833849 → (0.0166151, 0.1833849). Relative 0.1/0.2 = 0.5;
    // incremental customers 0.1 × 1000 = 100.
    close(result.absoluteUplift.estimate, 0.1, 1e-12);
    close(result.waldInterval.lower, 0.0166151, 1e-7);
    close(result.waldInterval.upper, 0.1833849, 1e-7);
    close(result.relativeUplift ?? Number.NaN, 0.5, 1e-12);
    close(result.incrementalCustomers.estimate, 100, 1e-9);
    // Newcombe's interval from python3 (RECOMPUTE below, m10(300, 1000, 20, 100)): the holdout's
    // Wilson interval (0.1334, 0.2888) is asymmetric, so the hybrid interval sits left of Wald's.
    close(result.absoluteUplift.lower, 0.006983856228793953, 1e-12);
    close(result.absoluteUplift.upper, 0.17271976930956584, 1e-12);
    close(result.incrementalCustomers.lower, 6.983856228793953, 1e-9);
    close(result.incrementalCustomers.upper, 172.7197693095658, 1e-9);
  });

  it('returns typed failures for empty groups and impossible counts, never NaN', () => {
    assert.deepEqual(binaryUplift(group(0, 0), group(3, 10)), { ok: false, reason: 'empty_group' });
    assert.deepEqual(binaryUplift(group(3, 10), group(0, 0)), { ok: false, reason: 'empty_group' });
    for (const bad of [group(11, 10), group(-1, 10), group(1.5, 10), group(1, Number.NaN)]) {
      assert.deepEqual(binaryUplift(bad, group(3, 10)), { ok: false, reason: 'invalid_counts' });
    }
  });

  it('gives finite, ordered intervals inside [−1, 1] for every small table, and null relative uplift at a zero baseline', () => {
    for (let n1 = 1; n1 <= 6; n1++)
      for (let n0 = 1; n0 <= 6; n0++)
        for (let x1 = 0; x1 <= n1; x1++)
          for (let x0 = 0; x0 <= n0; x0++) {
            const result = binaryUplift(group(x1, n1), group(x0, n0));
            assert.ok(result.ok);
            const { estimate, lower, upper } = result.absoluteUplift;
            for (const v of [estimate, lower, upper, result.waldInterval.lower, result.waldInterval.upper])
              assert.ok(Number.isFinite(v));
            assert.ok(lower >= -1 && lower <= estimate && estimate <= upper && upper <= 1, `${x1}/${n1} ${x0}/${n0}`);
            assert.equal(result.relativeUplift === null, x0 === 0);
          }
  });

  it('counts outcomes per group from columns', () => {
    const inHoldout = Uint8Array.from([0, 0, 1, 0, 1, 1, 0]);
    const cameBack = Uint8Array.from([1, 0, 1, 1, 0, 0, 0]);
    assert.deepEqual(countBinaryOutcomes(inHoldout, cameBack), { treated: group(2, 4), holdout: group(1, 3) });
    assert.throws(() => countBinaryOutcomes(inHoldout, cameBack.subarray(1)), RangeError);
  });
});

describe('revenueUplift', () => {
  // Yen within N days per customer; most spend nothing.
  const treatedYen = [0, 0, 0, 4500, 0, 8000, 0, 0, 12000, 0, 3000, 0, 0, 0, 6500, 0, 0, 0, 0, 9800];
  const holdoutYen = [0, 0, 0, 0, 4500, 0, 0, 0, 0, 7000, 0, 0];
  const columns = () => ({
    inHoldout: Uint8Array.from([...treatedYen.map(() => 0), ...holdoutYen.map(() => 1)]),
    yen: Int32Array.from([...treatedYen, ...holdoutYen]),
  });

  it("matches scipy's Welch interval and degrees of freedom", () => {
    // python3 -c "from scipy import stats; r = stats.ttest_ind(a, b, equal_var=False);
    //   ci = r.confidence_interval(0.95); print(ci.low, ci.high, r.df)" with a, b the lists above.
    const { inHoldout, yen } = columns();
    const summaries = summarizeRevenue(inHoldout, yen);
    assert.ok(summaries.ok);
    const result = revenueUplift(summaries.treated, summaries.holdout);
    assert.ok(result.ok);
    close(result.upliftYenPerCustomer.estimate, 1231.6666666666665, 1e-9);
    close(result.upliftYenPerCustomer.lower, -983.9825023976341, 1e-7);
    close(result.upliftYenPerCustomer.upper, 3447.315835730967, 1e-7);
    close(result.degreesOfFreedom, 29.99145149358407, 1e-9);
    close(result.incrementalYen.estimate, 1231.6666666666665 * 20, 1e-7);
    close(result.incrementalYen.lower, -983.9825023976341 * 20, 1e-5);
  });

  it('uses the other group alone when one group has no variance (ν = n − 1)', () => {
    const result = revenueUplift(
      { customers: 10, meanYen: 5000, varianceYen: 1e6 },
      { customers: 50, meanYen: 0, varianceYen: 0 },
    );
    assert.ok(result.ok);
    close(result.degreesOfFreedom, 9, 1e-12);
    // t₀.₉₇₅(9) = 2.262157162798205 (python3: scipy.stats.t.ppf(0.975, 9)); se = √(10⁶/10) = 316.2278.
    close(result.upliftYenPerCustomer.upper, 5000 + 2.262157162798205 * Math.sqrt(1e5), 1e-7);
  });

  it('returns typed failures: empty, one customer, no variation, non-integer yen', () => {
    const someone = { customers: 5, meanYen: 100, varianceYen: 50 };
    assert.deepEqual(revenueUplift({ customers: 0, meanYen: 0, varianceYen: 0 }, someone), {
      ok: false,
      reason: 'empty_group',
    });
    assert.deepEqual(revenueUplift({ customers: 1, meanYen: 3000, varianceYen: 0 }, someone), {
      ok: false,
      reason: 'too_few_customers',
    });
    const flat = summarizeRevenue(Uint8Array.from([0, 0, 1, 1]), Int32Array.from([0, 0, 0, 0]));
    assert.ok(flat.ok);
    assert.deepEqual(revenueUplift(flat.treated, flat.holdout), { ok: false, reason: 'no_variation' });
    for (const bad of [10.5, Number.NaN, Infinity]) {
      assert.deepEqual(summarizeRevenue([0, 1], [100, bad]), { ok: false, reason: 'invalid_revenue' });
    }
  });

  it("keeps Welford's precision on large amounts", () => {
    const yen = [1e9 + 1, 1e9 + 2, 1e9 + 3];
    const summaries = summarizeRevenue([0, 0, 0], yen);
    assert.ok(summaries.ok);
    assert.equal(summaries.treated.meanYen, 1e9 + 2);
    assert.equal(summaries.treated.varianceYen, 1);
  });
});

describe('abVerdict', () => {
  it('names a winner only when the Newcombe interval excludes 0', () => {
    assert.equal(abVerdict(group(56, 70), group(48, 80)).verdict, 'A'); // (0.0524, 0.3339)
    assert.equal(abVerdict(group(48, 80), group(56, 70)).verdict, 'B');
    // Newcombe (1998) example (d): the Wald interval (0.0146, 0.1640) would crown A, the hybrid
    // score interval (−0.0381, 0.1926) does not.
    assert.equal(abVerdict(group(5, 56), group(0, 29)).verdict, 'no_winner');
    assert.equal(abVerdict(group(30, 100), group(30, 100)).verdict, 'no_winner');
  });

  it('declares no winner, with the reason, when a group is empty or counts are impossible', () => {
    assert.deepEqual(abVerdict(group(0, 0), group(5, 10)), {
      verdict: 'no_winner',
      comparison: { ok: false, reason: 'empty_group' },
    });
    assert.equal(abVerdict(group(12, 10), group(5, 10)).verdict, 'no_winner');
  });
});
