import { digamma } from '../../special/digamma.js';
import { logGamma } from '../../special/logGamma.js';

export const gammaGammaParamNames = ['p', 'q', 'gamma'] as const;
export type GammaGammaParamName = (typeof gammaGammaParamNames)[number];
/**
 * Gamma-Gamma parameters: each transaction's value is Gamma(p, rate ν) and ν varies across
 * customers as Gamma(q, rate γ). γ has the unit of money; p and q have none.
 */
export type GammaGammaParams = Readonly<Record<GammaGammaParamName, number>>;

/**
 * Repeat customers' spend as the likelihood reads it: frequency x > 0, the mean value m_x of
 * the x repeat transactions, and how many customers share the row.
 */
export interface SpendData {
  frequency: Float64Array;
  monetary: Float64Array;
  weights: Float64Array;
  /** Sum of weights: the number of repeat customers. */
  n: number;
}

const hashBits = new Float64Array(1);
const hashWords = new Uint32Array(hashBits.buffer);

/** FNV-style mixing of a double's bit pattern into a 32-bit hash. */
function mixHash(hash: number, value: number): number {
  hashBits[0] = value === 0 ? 0 : value;
  hash = Math.imul(hash ^ hashWords[0]!, 0x01000193);
  return Math.imul(hash ^ hashWords[1]!, 0x01000193);
}

/**
 * Keeps the repeat customers (x > 0, weight > 0) and merges identical (x, m_x) rows into
 * weights, with an open-addressing hash table over the numbers (no strings: a million rows
 * fold in milliseconds). Customers without a repeat transaction carry no information about
 * spend.
 */
export function foldSpend(input: {
  frequency: ArrayLike<number>;
  monetary: ArrayLike<number>;
  weights?: ArrayLike<number> | undefined;
}): SpendData {
  const { frequency: x, monetary: m, weights } = input;
  const rows = x.length;
  let capacity = 1024;
  while (capacity < rows * 2) capacity *= 2;
  const mask = capacity - 1;
  const table = new Int32Array(capacity).fill(-1);
  const fx = new Float64Array(rows);
  const fm = new Float64Array(rows);
  const fw = new Float64Array(rows);
  let patterns = 0;
  let n = 0;
  for (let i = 0; i < rows; i++) {
    const w = weights ? weights[i]! : 1;
    const xi = x[i]!;
    if (!(xi > 0) || w === 0) continue;
    const mi = m[i]!;
    n += w;
    let h = mixHash(mixHash(0x811c9dc5, xi), mi);
    h ^= h >>> 16;
    let slot = h & mask;
    for (;;) {
      const at = table[slot]!;
      if (at === -1) {
        table[slot] = patterns;
        fx[patterns] = xi;
        fm[patterns] = mi;
        fw[patterns++] = w;
        break;
      }
      if (fx[at] === xi && fm[at] === mi) {
        fw[at] = fw[at]! + w;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return { frequency: fx.slice(0, patterns), monetary: fm.slice(0, patterns), weights: fw.slice(0, patterns), n };
}

/**
 * Gamma-Gamma log-likelihood of one customer's mean repeat spend m_x over x > 0 transactions
 * (Fader, Hardie & Lee 2005, "RFM and CLV: Using Iso-Value Curves for Customer Base
 * Analysis", JMR 42(4); Fader & Hardie, note 025 "The Gamma-Gamma Model of Monetary Value",
 * the density f(m_x | p, q, γ; x)):
 *   LL = ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln m_x + px ln x − (px+q) ln(γ + x m_x).
 * A customer with x = 0 has no spend observation: the likelihood of nothing is 1, so 0 is
 * returned.
 */
export function gammaGammaCustomerLogLikelihood(params: GammaGammaParams, x: number, m: number): number {
  if (x === 0) return 0;
  const { p, q, gamma } = params;
  const px = p * x;
  return (
    logGamma(px + q) -
    logGamma(px) -
    logGamma(q) +
    q * Math.log(gamma) +
    (px - 1) * Math.log(m) +
    px * Math.log(x) -
    (px + q) * Math.log(gamma + x * m)
  );
}

/**
 * The total log-likelihood and its analytic gradient over folded spend data:
 *   ∂LL/∂p = Σ w x [ψ(px+q) − ψ(px) + ln m + ln x − ln(γ + x m)],
 *   ∂LL/∂q = Σ w [ψ(px+q) − ψ(q) + ln γ − ln(γ + x m)],
 *   ∂LL/∂γ = Σ w [q/γ − (px+q)/(γ + x m)].
 * Log-gammas and digammas are computed once per distinct frequency; the sums of w ln m,
 * w x ln m and w x ln x once for all; each row then costs one logarithm and one division.
 */
export function gammaGammaLikelihood(data: SpendData) {
  const { frequency: X, monetary: M, weights: W, n } = data;
  const distinctOf = new Map<number, number>();
  const rowFrequency = new Int32Array(X.length);
  const distinct: number[] = [];
  for (let i = 0; i < X.length; i++) {
    let k = distinctOf.get(X[i]!);
    if (k === undefined) {
      k = distinct.length;
      distinctOf.set(X[i]!, k);
      distinct.push(X[i]!);
    }
    rowFrequency[i] = k;
  }
  const d = distinct.length;
  const xs = Float64Array.from(distinct);
  const weightOf = new Float64Array(d);
  let sumLnM = 0;
  let sumXLnM = 0;
  let sumXLnX = 0;
  const xm = new Float64Array(X.length);
  for (let i = 0; i < X.length; i++) {
    const w = W[i]!;
    const x = X[i]!;
    const lnM = Math.log(M[i]!);
    weightOf[rowFrequency[i]!] = weightOf[rowFrequency[i]!]! + w;
    sumLnM += w * lnM;
    sumXLnM += w * x * lnM;
    sumXLnX += w * x * Math.log(x);
    xm[i] = x * M[i]!;
  }

  return (params: Float64Array, gradient: Float64Array): number => {
    const p = params[0]!;
    const q = params[1]!;
    const gamma = params[2]!;
    if (!(p > 0 && q > 0 && gamma > 0)) return NaN;
    const lnGamma = Math.log(gamma);
    let ll = n * (q * lnGamma - logGamma(q)) + p * (sumXLnM + sumXLnX) - sumLnM;
    let gp = sumXLnM + sumXLnX;
    let gq = n * (lnGamma - digamma(q));
    let gGamma = (n * q) / gamma;
    for (let k = 0; k < d; k++) {
      const w = weightOf[k]!;
      const px = p * xs[k]!;
      const psiPxQ = digamma(px + q);
      ll += w * (logGamma(px + q) - logGamma(px));
      gp += w * xs[k]! * (psiPxQ - digamma(px));
      gq += w * psiPxQ;
    }
    for (let i = 0; i < X.length; i++) {
      const w = W[i]!;
      const x = X[i]!;
      const denominator = gamma + xm[i]!;
      const lnDen = Math.log(denominator);
      const shape = p * x + q;
      ll -= w * shape * lnDen;
      gp -= w * x * lnDen;
      gq -= w * lnDen;
      gGamma -= (w * shape) / denominator;
    }
    gradient[0] = gp;
    gradient[1] = gq;
    gradient[2] = gGamma;
    return ll;
  };
}
