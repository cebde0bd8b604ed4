import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  bernoulli,
  beta,
  categorical,
  createCategorical,
  createRng,
  createWeightedPicker,
  exponential,
  gamma,
  geometric,
  logGamma,
  logNormal,
  normal,
  pick,
  poisson,
  shuffle,
  uniform,
  weightedPick,
  type Rng,
} from '../src/index.js';

const N = 200_000;

function draws(n: number, draw: () => number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = draw();
  return out;
}

function moments(xs: Float64Array): { mean: number; variance: number } {
  let sum = 0;
  for (const x of xs) sum += x;
  const mean = sum / xs.length;
  let sq = 0;
  for (const x of xs) sq += (x - mean) * (x - mean);
  return { mean, variance: sq / (xs.length - 1) };
}

/**
 * Mean within 5 standard errors, variance within `varTol` relative error: the seeds are fixed,
 * so these never flake, yet a wrong formula (say scale taken as rate) misses by far more.
 */
function assertMoments(
  label: string,
  xs: Float64Array,
  expected: { mean: number; variance: number },
  varTol = 0.03,
): void {
  const { mean, variance } = moments(xs);
  const se = Math.sqrt(expected.variance / xs.length);
  assert.ok(
    Math.abs(mean - expected.mean) <= 5 * se + 1e-12,
    `${label}: mean ${mean} vs ${expected.mean} (5 SE = ${5 * se})`,
  );
  const rel = Math.abs(variance - expected.variance) / expected.variance;
  assert.ok(rel <= varTol, `${label}: variance ${variance} vs ${expected.variance} (rel ${rel.toFixed(4)})`);
}

function sequence(rng: Rng, n: number): number[] {
  return Array.from({ length: n }, () => rng.next());
}

describe('createRng', () => {
  it('repeats the same sequence for the same seed', () => {
    assert.deepEqual(sequence(createRng(42), 1000), sequence(createRng(42), 1000));
    assert.deepEqual(sequence(createRng(-7), 10), sequence(createRng(-7), 10));
  });

  it('gives different sequences for different seeds, including neighbouring ones', () => {
    const a = sequence(createRng(1), 100);
    const b = sequence(createRng(2), 100);
    const c = sequence(createRng(0), 100);
    assert.notDeepEqual(a, b);
    assert.notDeepEqual(a, c);
    // Unrelated streams share essentially no values.
    const shared = a.filter((x) => b.includes(x)).length;
    assert.ok(shared <= 1, `shared ${shared}`);
  });

  it('stays in [0, 1) with a uniform spread', () => {
    const rng = createRng(9);
    const bins = new Array<number>(10).fill(0);
    for (let i = 0; i < N; i++) {
      const x = rng.next();
      assert.ok(x >= 0 && x < 1);
      const bin = Math.floor(x * 10);
      bins[bin] = (bins[bin] ?? 0) + 1;
    }
    for (const count of bins) assert.ok(Math.abs(count / N - 0.1) < 0.004, `bin share ${count / N}`);
  });

  it('draws integers over the whole inclusive range and rejects bad bounds', () => {
    const rng = createRng(3);
    const counts = new Map<number, number>();
    for (let i = 0; i < 60_000; i++) {
      const k = rng.int(-2, 3);
      assert.ok(Number.isInteger(k) && k >= -2 && k <= 3);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    assert.equal(counts.size, 6);
    for (const count of counts.values()) assert.ok(Math.abs(count / 60_000 - 1 / 6) < 0.01);
    assert.equal(rng.int(5, 5), 5);
    assert.throws(() => rng.int(3, 2), RangeError);
    assert.throws(() => rng.int(0.5, 2), RangeError);
    const wide = rng.int(0, 2 ** 40);
    assert.ok(Number.isInteger(wide) && wide >= 0 && wide <= 2 ** 40);
  });

  it('forks deterministic streams that do not depend on draws made before the fork', () => {
    const root = createRng(7);
    const before = sequence(root.fork('customer:1'), 50);
    sequence(root, 500); // a new draw elsewhere must not shift this customer's stream
    assert.deepEqual(sequence(root.fork('customer:1'), 50), before);
    assert.deepEqual(sequence(createRng(7).fork('customer:1'), 50), before);
  });

  it('forks different streams for different labels, parents and seeds', () => {
    const root = createRng(7);
    const a = sequence(root.fork('customer:1'), 20);
    assert.notDeepEqual(sequence(root.fork('customer:2'), 20), a);
    assert.notDeepEqual(sequence(root.fork('customer:10'), 20), sequence(root.fork('customer:1'), 20));
    assert.notDeepEqual(sequence(createRng(8).fork('customer:1'), 20), a);
    assert.notDeepEqual(sequence(root.fork('x').fork('customer:1'), 20), a);
    assert.notDeepEqual(sequence(root, 20), a);
  });

  it('gives forks that are uncorrelated with each other', () => {
    const root = createRng(11);
    const x = draws(
      N,
      (
        (r) => () =>
          r.next()
      )(root.fork('a')),
    );
    const y = draws(
      N,
      (
        (r) => () =>
          r.next()
      )(root.fork('b')),
    );
    let cov = 0;
    for (let i = 0; i < N; i++) cov += ((x[i] ?? 0) - 0.5) * ((y[i] ?? 0) - 0.5);
    const correlation = cov / N / (1 / 12);
    assert.ok(Math.abs(correlation) < 0.01, `correlation ${correlation}`);
  });

  it('rejects a non-finite seed', () => {
    assert.throws(() => createRng(Number.NaN), RangeError);
  });
});

describe('continuous samplers', () => {
  it('uniform(min, max)', () => {
    const rng = createRng(101);
    const xs = draws(N, () => uniform(rng, 2, 8));
    assert.ok(xs.every((x) => x >= 2 && x < 8));
    assertMoments('uniform(2,8)', xs, { mean: 5, variance: 36 / 12 });
  });

  for (const [mean, sd] of [
    [0, 1],
    [10, 3],
    [-4, 0.5],
  ] as const) {
    it(`normal(${mean}, ${sd})`, () => {
      const rng = createRng(202);
      assertMoments(
        `normal(${mean},${sd})`,
        draws(N, () => normal(rng, mean, sd)),
        { mean, variance: sd * sd },
      );
    });
  }

  it('normal has the right tail mass (|z| > 1.96 about 5%)', () => {
    const rng = createRng(203);
    const xs = draws(N, () => normal(rng));
    const tail = xs.filter((x) => Math.abs(x) > 1.96).length / N;
    assert.ok(Math.abs(tail - 0.05) < 0.003, `tail ${tail}`);
  });

  for (const rate of [0.5, 1, 12]) {
    it(`exponential(${rate})`, () => {
      const rng = createRng(303);
      const xs = draws(N, () => exponential(rng, rate));
      assert.ok(xs.every((x) => x >= 0 && Number.isFinite(x)));
      assertMoments(`exponential(${rate})`, xs, { mean: 1 / rate, variance: 1 / (rate * rate) }, 0.04);
    });
  }

  for (const [shape, scale] of [
    [0.3, 2],
    [0.8, 1],
    [1, 1],
    [2.5, 0.4],
    [9, 3],
  ] as const) {
    it(`gamma(shape ${shape}, scale ${scale})`, () => {
      const rng = createRng(404);
      const xs = draws(N, () => gamma(rng, shape, scale));
      assert.ok(xs.every((x) => x >= 0 && Number.isFinite(x)));
      // Shape < 1 has a heavy right tail, so its sample variance converges more slowly.
      assertMoments(
        `gamma(${shape},${scale})`,
        xs,
        { mean: shape * scale, variance: shape * scale * scale },
        shape < 1 ? 0.05 : 0.03,
      );
    });
  }

  it('gamma with shape < 1 piles mass near zero as theory says', () => {
    // P(X < x) for Gamma(a, 1) is the regularised lower incomplete gamma function,
    // x^a Σ (−x)^n / (n! (a + n)) / Γ(a); a = 0.3, x = 0.01 gives about 0.2793.
    const [a, x] = [0.3, 0.01];
    let series = 0;
    let term = 1;
    for (let n = 0; n < 20; n++) {
      if (n > 0) term *= -x / n;
      series += term / (a + n);
    }
    const expected = (Math.pow(x, a) * series) / Math.exp(logGamma(a));
    const rng = createRng(405);
    const xs = draws(N, () => gamma(rng, a, 1));
    const share = xs.filter((v) => v < x).length / N;
    assert.ok(
      Math.abs(share - expected) < 5 * Math.sqrt((expected * (1 - expected)) / N),
      `P(X<${x}) = ${share} vs ${expected}`,
    );
  });

  for (const [a, b] of [
    [0.5, 0.5],
    [2, 5],
    [0.6, 1.1],
    [30, 10],
  ] as const) {
    it(`beta(${a}, ${b})`, () => {
      const rng = createRng(505);
      const xs = draws(N, () => beta(rng, a, b));
      assert.ok(xs.every((x) => x >= 0 && x <= 1));
      const mean = a / (a + b);
      const variance = (a * b) / ((a + b) ** 2 * (a + b + 1));
      assertMoments(`beta(${a},${b})`, xs, { mean, variance });
    });
  }

  it('logNormal(mu, sigma)', () => {
    const rng = createRng(606);
    const [mu, sigma] = [1, 0.4];
    const mean = Math.exp(mu + (sigma * sigma) / 2);
    const variance = (Math.exp(sigma * sigma) - 1) * Math.exp(2 * mu + sigma * sigma);
    assertMoments(
      'logNormal',
      draws(N, () => logNormal(rng, mu, sigma)),
      { mean, variance },
      0.04,
    );
  });

  it('rejects invalid parameters', () => {
    const rng = createRng(1);
    assert.throws(() => gamma(rng, 0, 1), RangeError);
    assert.throws(() => gamma(rng, 1, -1), RangeError);
    assert.throws(() => beta(rng, 1, 0), RangeError);
    assert.throws(() => exponential(rng, 0), RangeError);
    assert.throws(() => normal(rng, 0, -1), RangeError);
    assert.throws(() => uniform(rng, 2, 1), RangeError);
  });
});

describe('discrete samplers', () => {
  // 0.5, 4 and 9.5 go through inversion; 10, 25 and 1000 through PTRS.
  for (const mean of [0.5, 4, 9.5, 10, 25, 1000]) {
    it(`poisson(${mean})`, () => {
      const rng = createRng(707);
      const xs = draws(N, () => poisson(rng, mean));
      assert.ok(xs.every((x) => Number.isInteger(x) && x >= 0));
      assertMoments(`poisson(${mean})`, xs, { mean, variance: mean });
    });
  }

  it('poisson puts the right mass on each small count (PTRS at mean 12)', () => {
    const rng = createRng(708);
    const mean = 12;
    const xs = draws(N, () => poisson(rng, mean));
    let pmf = Math.exp(-mean);
    for (let k = 0; k <= 20; k++) {
      if (k > 0) pmf *= mean / k;
      const share = xs.filter((x) => x === k).length / N;
      assert.ok(Math.abs(share - pmf) < 5 * Math.sqrt(pmf / N) + 1e-4, `P(X=${k}) ${share} vs ${pmf}`);
    }
  });

  it('poisson(0) is always 0', () => {
    const rng = createRng(1);
    for (let i = 0; i < 100; i++) assert.equal(poisson(rng, 0), 0);
  });

  for (const p of [0.05, 0.3, 0.9]) {
    it(`geometric(${p}) counts trials to the first success`, () => {
      const rng = createRng(808);
      const xs = draws(N, () => geometric(rng, p));
      assert.ok(xs.every((x) => Number.isInteger(x) && x >= 1));
      assertMoments(`geometric(${p})`, xs, { mean: 1 / p, variance: (1 - p) / (p * p) }, 0.04);
    });
  }

  it('geometric(1) is always 1 and geometric(0) is rejected', () => {
    const rng = createRng(1);
    assert.equal(geometric(rng, 1), 1);
    assert.throws(() => geometric(rng, 0), RangeError);
  });

  for (const p of [0.02, 0.5, 0.73]) {
    it(`bernoulli(${p})`, () => {
      const rng = createRng(909);
      const xs = draws(N, () => (bernoulli(rng, p) ? 1 : 0));
      assertMoments(`bernoulli(${p})`, xs, { mean: p, variance: p * (1 - p) });
    });
  }

  it('bernoulli(0) never and bernoulli(1) always succeeds', () => {
    const rng = createRng(1);
    for (let i = 0; i < 1000; i++) {
      assert.equal(bernoulli(rng, 0), false);
      assert.equal(bernoulli(rng, 1), true);
    }
    assert.throws(() => bernoulli(rng, 1.5), RangeError);
  });

  it('categorical frequencies follow the weights, and zero weights are never drawn', () => {
    const weights = [5, 0, 1, 3, 0.5, 0.5];
    const total = weights.reduce((a, b) => a + b, 0);
    for (const [label, draw] of [
      ['categorical', (rng: Rng) => categorical(rng, weights)],
      ['createCategorical', createCategorical(weights)],
    ] as const) {
      const rng = createRng(1010);
      const counts = new Array<number>(weights.length).fill(0);
      for (let i = 0; i < N; i++) {
        const k = draw(rng);
        counts[k] = (counts[k] ?? 0) + 1;
      }
      assert.equal(counts[1], 0, `${label}: zero weight drawn`);
      weights.forEach((w, i) => {
        const share = (counts[i] ?? 0) / N;
        assert.ok(Math.abs(share - w / total) < 0.004, `${label}[${i}]: ${share} vs ${w / total}`);
      });
    }
  });

  it('categorical rejects empty, negative and all-zero weights', () => {
    const rng = createRng(1);
    assert.throws(() => categorical(rng, []), RangeError);
    assert.throws(() => categorical(rng, [1, -1]), RangeError);
    assert.throws(() => categorical(rng, [0, 0]), RangeError);
  });
});

describe('collection helpers', () => {
  it('pick chooses every element about equally often', () => {
    const rng = createRng(1111);
    const items = ['a', 'b', 'c', 'd'];
    const counts = new Map<string, number>();
    for (let i = 0; i < 40_000; i++) {
      const x = pick(rng, items);
      counts.set(x, (counts.get(x) ?? 0) + 1);
    }
    for (const item of items) assert.ok(Math.abs((counts.get(item) ?? 0) / 40_000 - 0.25) < 0.01);
    assert.throws(() => pick(rng, []), RangeError);
  });

  it('weightedPick and createWeightedPicker follow the weights', () => {
    const items = [
      { name: 'cut', weight: 6 },
      { name: 'colour', weight: 3 },
      { name: 'spa', weight: 1 },
    ];
    const picker = createWeightedPicker(items, (i) => i.weight);
    for (const draw of [(r: Rng) => weightedPick(r, items, (i) => i.weight), picker]) {
      const rng = createRng(1212);
      const counts = new Map<string, number>();
      for (let i = 0; i < 50_000; i++) {
        const x = draw(rng);
        counts.set(x.name, (counts.get(x.name) ?? 0) + 1);
      }
      assert.ok(Math.abs((counts.get('cut') ?? 0) / 50_000 - 0.6) < 0.01);
      assert.ok(Math.abs((counts.get('colour') ?? 0) / 50_000 - 0.3) < 0.01);
      assert.ok(Math.abs((counts.get('spa') ?? 0) / 50_000 - 0.1) < 0.01);
    }
  });

  it('shuffle permutes in place, deterministically, with every position equally likely', () => {
    const a = shuffle(createRng(5), [1, 2, 3, 4, 5, 6, 7, 8]);
    const b = shuffle(createRng(5), [1, 2, 3, 4, 5, 6, 7, 8]);
    assert.deepEqual(a, b);
    assert.deepEqual(
      [...a].sort((x, y) => x - y),
      [1, 2, 3, 4, 5, 6, 7, 8],
    );
    const items = [0, 1, 2, 3, 4];
    assert.equal(shuffle(createRng(1), items), items);

    const rng = createRng(1313);
    const firstCounts = new Array<number>(5).fill(0);
    for (let i = 0; i < 50_000; i++) {
      const first = shuffle(rng, [0, 1, 2, 3, 4])[0] ?? -1;
      firstCounts[first] = (firstCounts[first] ?? 0) + 1;
    }
    for (const count of firstCounts) assert.ok(Math.abs(count / 50_000 - 0.2) < 0.01, `first share ${count / 50_000}`);
  });
});
