import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bernoulli, createRng, minimumDetectableUplift, proportionDifference, upliftPower } from '../src/index.js';

function close(actual: number, expected: number, tolerance: number): void {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} vs ${expected}`);
}

// PINNED: statsmodels is not installed here, so the expected values solve the same two-proportion
// z-test power equation (pooled σ₀ under H₀, unpooled σ₁ under H₁) independently with scipy 1.17.1:
//   python3 -c "
//   from scipy import stats, optimize; import math
//   def power(d, p0, n1, n0, alpha=0.05):
//       z = stats.norm.ppf(1 - alpha/2); p1 = p0 + d; pb = (n1*p1 + n0*p0)/(n1 + n0)
//       s0 = math.sqrt(pb*(1-pb)*(1/n1 + 1/n0)); s1 = math.sqrt(p1*(1-p1)/n1 + p0*(1-p0)/n0)
//       return stats.norm.cdf((abs(d) - z*s0)/s1) + stats.norm.cdf((-abs(d) - z*s0)/s1)
//   for n, h, p0 in [(10000, .5, .2), (5000, .1, .3), (800, .1, .25), (200000, .1, .05)]:
//       print(optimize.brentq(lambda d: power(d, p0, n*(1-h), n*h) - 0.8, 1e-9, 1 - p0, xtol=1e-14))
//   print(power(0.03, 0.2, 9000, 1000), power(-0.02, 0.3, 4500, 500))"
// and, as statsmodels' NormalIndPower does, with Cohen's arcsine effect size h = 2 asin√p₁ − 2 asin√p₀:
//   p₁ = sin²((z₀.₉₇₅ + z₀.₈)/√(n₁n₀/(n₁+n₀)) / 2 + asin√p₀) — a different approximation, within 2 %.
const pinned: [number, number, number, number, number][] = [
  // audience, holdout share, baseline, MDE (exact equation), MDE (Cohen's h, statsmodels-style)
  [10000, 0.5, 0.2, 0.02287661581746118, 0.02287176554330006],
  [5000, 0.1, 0.3, 0.06251903848985428, 0.06208703841560931],
  [800, 0.1, 0.25, 0.15625470041485787, 0.1538875671069228],
  [200000, 0.1, 0.05, 0.004681161539694389, 0.004648855850086432],
];

describe('minimumDetectableUplift', () => {
  it('matches a hand computation: 10,000 customers, half held out, 20 % baseline', () => {
    // By hand, ignoring the far tail term: δ = 1.959964·σ₀ + 0.841621·σ₁, iterated from
    // δ = 0.0224. At δ = 0.02287: p₁ = 0.22287, p̄ = 0.211435, σ₀ = √(0.166730·2/5000) = 0.0081665,
    // σ₁ = √((0.173199 + 0.16)/5000) = 0.0081634, so δ = 0.016006 + 0.006871 = 0.022877.
    const result = minimumDetectableUplift({ audience: 10000, holdoutShare: 0.5, baselineRate: 0.2 });
    assert.ok(result.ok);
    close(result.uplift, 0.022877, 5e-6);
    assert.equal(result.treatedCustomers, 5000);
    assert.equal(result.holdoutCustomers, 5000);
  });

  for (const [audience, holdoutShare, baselineRate, exact, cohen] of pinned) {
    it(`matches scipy for ${audience} customers, ${holdoutShare} held out, baseline ${baselineRate}`, () => {
      const result = minimumDetectableUplift({ audience, holdoutShare, baselineRate });
      assert.ok(result.ok);
      close(result.uplift, exact, 1e-10);
      assert.ok(Math.abs(result.uplift - cohen) / cohen < 0.02);
      const power = upliftPower({ audience, holdoutShare, baselineRate, uplift: result.uplift });
      assert.ok(power.ok);
      close(power.power, 0.8, 1e-9);
    });
  }

  it('needs a larger uplift for a smaller holdout, a smaller audience or more power', () => {
    const mde = (audience: number, holdoutShare: number, power = 0.8) => {
      const result = minimumDetectableUplift({ audience, holdoutShare, baselineRate: 0.2, power });
      assert.ok(result.ok);
      return result.uplift;
    };
    assert.ok(mde(10000, 0.05) > mde(10000, 0.1));
    assert.ok(mde(2000, 0.1) > mde(10000, 0.1));
    assert.ok(mde(10000, 0.1, 0.9) > mde(10000, 0.1, 0.8));
  });

  it('returns typed failures for an audience or baseline that cannot show anything', () => {
    assert.deepEqual(minimumDetectableUplift({ audience: 10, holdoutShare: 0.1, baselineRate: 0.5 }), {
      ok: false,
      reason: 'undetectable',
    });
    assert.deepEqual(minimumDetectableUplift({ audience: 0, holdoutShare: 0.1, baselineRate: 0.2 }), {
      ok: false,
      reason: 'empty_group',
    });
    assert.deepEqual(minimumDetectableUplift({ audience: 1000, holdoutShare: 0, baselineRate: 0.2 }), {
      ok: false,
      reason: 'empty_group',
    });
    assert.deepEqual(minimumDetectableUplift({ audience: 1000, holdoutShare: 0.1, baselineRate: 1 }), {
      ok: false,
      reason: 'baseline_out_of_range',
    });
    assert.throws(() => minimumDetectableUplift({ audience: 1000, holdoutShare: 0.1, baselineRate: 0.2, power: 1 }));
  });
});

describe('upliftPower', () => {
  it('matches scipy for a raise and a drop', () => {
    const raise = upliftPower({ audience: 10000, holdoutShare: 0.1, baselineRate: 0.2, uplift: 0.03 });
    assert.ok(raise.ok);
    close(raise.power, 0.5778675473258674, 1e-12);
    const drop = upliftPower({ audience: 5000, holdoutShare: 0.1, baselineRate: 0.3, uplift: -0.02 });
    assert.ok(drop.ok);
    close(drop.power, 0.1606267365496328, 1e-12);
  });

  it('is α at no uplift and rejects an uplift beyond [0, 1]', () => {
    const none = upliftPower({ audience: 10000, holdoutShare: 0.1, baselineRate: 0.2, uplift: 0 });
    assert.ok(none.ok);
    close(none.power, 0.05, 1e-12);
    assert.deepEqual(upliftPower({ audience: 10000, holdoutShare: 0.1, baselineRate: 0.9, uplift: 0.2 }), {
      ok: false,
      reason: 'uplift_out_of_range',
    });
  });

  it('predicts how often simulated campaigns find the uplift with the Newcombe interval', () => {
    // 1,000 campaigns of 10,000 customers, 10 % held out, 20 % → 23 %: the planned power is 0.578;
    // the report's interval should find the uplift about that often (binomial sd ≈ 0.016).
    const rng = createRng(20261122);
    let found = 0;
    const campaigns = 1000;
    for (let c = 0; c < campaigns; c++) {
      let treated = 0;
      let holdout = 0;
      for (let i = 0; i < 9000; i++) if (bernoulli(rng, 0.23)) treated++;
      for (let i = 0; i < 1000; i++) if (bernoulli(rng, 0.2)) holdout++;
      const result = proportionDifference({ events: treated, customers: 9000 }, { events: holdout, customers: 1000 });
      assert.ok(result.ok);
      if (result.newcombe.lower > 0 || result.newcombe.upper < 0) found++;
    }
    close(found / campaigns, 0.5778675473258674, 0.05);
  });
});
