import type { GammaGammaParams } from './likelihood.js';

/**
 * Expected value of a transaction for a randomly chosen customer, the population mean
 * (Fader & Hardie, note 025):  E(Z) = pγ / (q − 1).
 * For q ≤ 1 the mean does not exist and Infinity is returned.
 */
export function gammaGammaExpectedAverageSpend(params: GammaGammaParams): number {
  const { p, q, gamma } = params;
  return q > 1 ? (p * gamma) / (q - 1) : Infinity;
}

/**
 * Conditional expected average transaction value of a customer with x repeat transactions of
 * mean value m_x (Fader & Hardie, note 025, eq. 5; Fader, Hardie & Lee 2005):
 *   E(M | p, q, γ, m_x, x) = (γ + x m_x) p / (p x + q − 1)
 *                          = (q−1)/(px+q−1) · pγ/(q−1) + px/(px+q−1) · m_x,
 * a weighted average of the population mean and the customer's own mean. With x = 0 it is the
 * population mean (m_x is ignored). Infinity when px + q ≤ 1 (the posterior mean of p/ν does
 * not exist).
 */
export function gammaGammaConditionalExpectedAverageSpend(params: GammaGammaParams, x: number, m: number): number {
  const { p, q, gamma } = params;
  const shape = p * x + q - 1;
  if (!(shape > 0)) return Infinity;
  return x === 0 ? (p * gamma) / shape : ((gamma + x * m) * p) / shape;
}

/** The conditional expected average spend for columns of customers, written into `out`. */
export function gammaGammaConditionalExpectedAverageSpends(
  params: GammaGammaParams,
  frequency: ArrayLike<number>,
  monetary: ArrayLike<number>,
  out: Float64Array = new Float64Array(frequency.length),
): Float64Array {
  if (monetary.length !== frequency.length || out.length < frequency.length)
    throw new RangeError('gammaGammaConditionalExpectedAverageSpends: columns differ in length');
  for (let i = 0; i < frequency.length; i++)
    out[i] = gammaGammaConditionalExpectedAverageSpend(params, frequency[i]!, monetary[i]!);
  return out;
}
