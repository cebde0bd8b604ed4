import { normalCdf, normalQuantile } from './distributions/normal.js';
import type { NotEnoughData } from './types.js';

/**
 * The power preview shown before sending: what absolute uplift on a binary outcome an audience
 * can detect. It uses the two-proportion z-test with the variance pooled under H₀ and unpooled
 * under H₁ (Fleiss, Levin & Paik, Statistical Methods for Rates and Proportions, 3rd ed., 2003,
 * eq. 4.14 without continuity correction; Chow, Shao & Wang, Sample Size Calculations in
 * Clinical Research, 4.2):
 *   power(δ) = Φ((|δ| − z σ₀)/σ₁) + Φ((−|δ| − z σ₀)/σ₁),  z = Φ⁻¹(1 − α/2),
 *   σ₀² = p̄(1 − p̄)(1/n₁ + 1/n₀),  σ₁² = p₁(1 − p₁)/n₁ + p₀(1 − p₀)/n₀,  p̄ = (n₁p₁ + n₀p₀)/(n₁ + n₀),
 * with n₁ = n(1 − h) treated, n₀ = nh held out, p₀ the baseline (holdout) rate, p₁ = p₀ + δ.
 * The report's interval is Newcombe's rather than this test's; the two agree closely at the
 * audience sizes where a preview matters, so this is a planning figure, not a guarantee.
 */
export interface PowerPreviewInput {
  /** Customers in the audience, treated and holdout together. */
  audience: number;
  /** Share of the audience held out, in (0, 1). */
  holdoutShare: number;
  /** Expected outcome rate without the message (e.g. last campaign's holdout rate). */
  baselineRate: number;
  /** Two-sided significance level; 0.05 unless given. */
  alpha?: number;
}

const DEFAULT_ALPHA = 0.05;
const DEFAULT_POWER = 0.8;

function groupSizes(input: PowerPreviewInput): { treated: number; holdout: number } | NotEnoughData {
  const { audience, holdoutShare, baselineRate } = input;
  const alpha = input.alpha ?? DEFAULT_ALPHA;
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
  if (!(baselineRate >= 0 && baselineRate < 1)) return { ok: false, reason: 'baseline_out_of_range' };
  const holdout = audience * holdoutShare;
  const treated = audience - holdout;
  if (!(holdout > 0 && treated > 0)) return { ok: false, reason: 'empty_group' };
  return { treated, holdout };
}

function powerAt(uplift: number, p0: number, n1: number, n0: number, z: number): number {
  const p1 = p0 + uplift;
  const pooled = (n1 * p1 + n0 * p0) / (n1 + n0);
  const sigma0 = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n0));
  const sigma1 = Math.sqrt((p1 * (1 - p1)) / n1 + (p0 * (1 - p0)) / n0);
  const effect = Math.abs(uplift);
  // σ₁ = 0 only when both rates are 0 or 1: the outcome is then certain under H₁.
  if (sigma1 === 0) return effect > 0 ? 1 : 2 * normalCdf(-z);
  return normalCdf((effect - z * sigma0) / sigma1) + normalCdf((-effect - z * sigma0) / sigma1);
}

/** The chance the report will call an uplift of this size significant, given the audience. */
export function upliftPower(
  input: PowerPreviewInput & { uplift: number },
): { ok: true; power: number; treatedCustomers: number; holdoutCustomers: number } | NotEnoughData {
  const sizes = groupSizes(input);
  if ('ok' in sizes) return sizes;
  const treatedRate = input.baselineRate + input.uplift;
  if (!(treatedRate >= 0 && treatedRate <= 1)) return { ok: false, reason: 'uplift_out_of_range' };
  const z = normalQuantile(1 - (input.alpha ?? DEFAULT_ALPHA) / 2);
  return {
    ok: true,
    power: powerAt(input.uplift, input.baselineRate, sizes.treated, sizes.holdout, z),
    treatedCustomers: sizes.treated,
    holdoutCustomers: sizes.holdout,
  };
}

/**
 * The smallest positive absolute uplift detected with the given power (0.8 unless given): the
 * root of power(δ) = target on (0, 1 − p₀], found by bisection — power rises with δ there, and
 * bisection needs no derivative of a formula with a pooled variance inside. 'undetectable' when
 * even δ = 1 − p₀ (everyone treated comes back) falls short.
 */
export function minimumDetectableUplift(
  input: PowerPreviewInput & { power?: number },
): { ok: true; uplift: number; treatedCustomers: number; holdoutCustomers: number } | NotEnoughData {
  const target = input.power ?? DEFAULT_POWER;
  const alpha = input.alpha ?? DEFAULT_ALPHA;
  if (!(target > alpha && target < 1)) throw new RangeError(`power must be in (alpha, 1), got ${target}`);
  const sizes = groupSizes(input);
  if ('ok' in sizes) return sizes;
  const p0 = input.baselineRate;
  const z = normalQuantile(1 - alpha / 2);
  let low = 0;
  let high = 1 - p0;
  if (powerAt(high, p0, sizes.treated, sizes.holdout, z) < target) return { ok: false, reason: 'undetectable' };
  while (high - low > 1e-12) {
    const middle = (low + high) / 2;
    if (powerAt(middle, p0, sizes.treated, sizes.holdout, z) < target) low = middle;
    else high = middle;
  }
  return { ok: true, uplift: high, treatedCustomers: sizes.treated, holdoutCustomers: sizes.holdout };
}
