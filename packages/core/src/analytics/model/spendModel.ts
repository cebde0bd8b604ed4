import { fitGammaGamma, gammaGammaConditionalExpectedAverageSpend, type FitResult } from '@kayoi/stats';

export type SpendBasis = 'revenue' | 'gross_profit';

/**
 * Expected value of a future visit, per customer. Gamma-Gamma (Fader, Hardie & Lee 2005)
 * shrinks each repeat customer's own mean towards the shop's; without enough repeat
 * customers, or when the fit says the mean does not exist (q ≤ 1), every customer gets the
 * shop's mean per visit day instead, and the diagnostics say so.
 */
export interface SpendModel {
  kind: 'gamma-gamma' | 'mean';
  fit: FitResult | null;
  /** The shop's mean value of a visit day (basis amount), for new customers. */
  populationMean: number;
  expectedSpend: Float64Array;
  /**
   * ∂ log(expected spend)/∂ log θ for each Gamma-Gamma parameter (p, q, γ), per customer, for
   * delta-method intervals; null for the flat mean.
   */
  logGradient: [Float64Array, Float64Array, Float64Array] | null;
}

const MIN_REPEAT_CUSTOMERS = 20;

export function fitSpendModel(input: {
  frequency: Float64Array;
  /** Mean value of each customer's repeat visit days (0 without repeats). */
  repeatMean: Float64Array;
  /** Total value and visit days, for the flat fallback. */
  total: Float64Array;
  visitDays: Int32Array;
  penalizer: number;
}): SpendModel {
  const n = input.frequency.length;
  let sum = 0;
  let days = 0;
  for (let i = 0; i < n; i++) {
    sum += input.total[i]!;
    days += input.visitDays[i]!;
  }
  const flatMean = days > 0 ? Math.max(0, sum / days) : 0;
  const flat = (): SpendModel => ({
    kind: 'mean',
    fit: null,
    populationMean: flatMean,
    expectedSpend: new Float64Array(n).fill(flatMean),
    logGradient: null,
  });
  // Gross profit can be zero or negative on a visit; such customers tell the spend model
  // nothing it can use and are scored like a first-time customer (the population mean).
  const x = new Float64Array(n);
  const m = new Float64Array(n);
  let repeaters = 0;
  for (let i = 0; i < n; i++) {
    if (input.frequency[i]! > 0 && input.repeatMean[i]! > 0) {
      x[i] = input.frequency[i]!;
      m[i] = input.repeatMean[i]!;
      repeaters++;
    }
  }
  if (repeaters < MIN_REPEAT_CUSTOMERS) return flat();
  let fit: FitResult;
  try {
    fit = fitGammaGamma({ frequency: x, monetary: m }, { penalizer: input.penalizer });
  } catch {
    return flat();
  }
  const { p, q, gamma } = fit.params as { p: number; q: number; gamma: number };
  if (!fit.converged || !(q > 1)) return flat();
  const expectedSpend = new Float64Array(n);
  const dp = new Float64Array(n);
  const dq = new Float64Array(n);
  const dg = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const xi = x[i]!;
    expectedSpend[i] = gammaGammaConditionalExpectedAverageSpend({ p, q, gamma }, xi, m[i]!);
    // E = (γ + x m) p / (p x + q − 1): derivatives of its logarithm in log p, log q, log γ.
    const shape = p * xi + q - 1;
    dp[i] = 1 - (p * xi) / shape;
    dq[i] = -q / shape;
    dg[i] = gamma / (gamma + xi * m[i]!);
  }
  return { kind: 'gamma-gamma', fit, populationMean: (p * gamma) / (q - 1), expectedSpend, logGradient: [dp, dq, dg] };
}
