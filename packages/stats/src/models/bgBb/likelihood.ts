import type { FoldedSummary } from '../../data/summary.js';
import { digamma } from '../../special/digamma.js';
import { logBeta } from '../../special/logBeta.js';
import { logGamma } from '../../special/logGamma.js';

export const bgBbParamNames = ['alpha', 'beta', 'gamma', 'delta'] as const;
export type BgBbParamName = (typeof bgBbParamNames)[number];
export type BgBbParams = Readonly<Record<BgBbParamName, number>>;

/**
 * BG/BB log-likelihood of one customer with x transactions in n opportunities, the last at
 * opportunity t_x (Fader, Hardie & Shang 2010, eq. 5):
 *   L = B(α+x, β+n−x)/B(α, β) · B(γ, δ+n)/B(γ, δ)
 *     + Σ_{i=0}^{n−t_x−1} B(α+x, β+t_x−x+i)/B(α, β) · B(γ+1, δ+t_x+i)/B(γ, δ),
 * the first term for a customer alive through opportunity n, the others for one who became
 * inactive at the start of opportunity t_x+i+1. Summed in log space (log-sum-exp).
 * Domain: whole numbers 0 ≤ x ≤ t_x ≤ n with t_x = 0 when x = 0 (fitBgBb checks them);
 * elsewhere the formula is evaluated as written and means nothing.
 */
export function bgBbCustomerLogLikelihood(p: BgBbParams, x: number, tx: number, n: number): number {
  const { alpha, beta, gamma, delta } = p;
  const common = -logBeta(alpha, beta) - logBeta(gamma, delta);
  let max = logBeta(alpha + x, beta + n - x) + logBeta(gamma, delta + n);
  const terms = [max];
  for (let m = tx; m <= n - 1; m++) {
    const v = logBeta(alpha + x, beta + m - x) + logBeta(gamma + 1, delta + m);
    terms.push(v);
    if (v > max) max = v;
  }
  let sum = 0;
  for (const v of terms) sum += Math.exp(v - max);
  return common + max + Math.log(sum);
}

/**
 * The total log-likelihood and its gradient over a folded summary of whole-number rows (each
 * distinct (x, t_x, n) once, with its count). Every Beta function here has arguments
 * "parameter + whole number", so per evaluation ln Γ and ψ are tabulated once for α+k, β+k,
 * α+β+k, δ+k and γ+δ+k up to the largest n; each row is then a log-sum-exp over n−t_x+1
 * table look-ups. With w_j the posterior weights of the terms (softmax, Σ w_j = 1) and m_j
 * the opportunities survived in term j (n for the first, t_x+i for the others):
 *   ∂/∂α = ψ(α+x) − ψ(α) + ψ(α+β) − Σ w_j ψ(α+β+m_j),
 *   ∂/∂β = ψ(α+β) − ψ(β) + Σ w_j [ψ(β+m_j−x) − ψ(α+β+m_j)],
 *   ∂/∂γ = ψ(γ+δ) − ψ(γ) + w_0 [ψ(γ) − ψ(γ+δ+n)] + Σ_{j>0} w_j [ψ(γ+1) − ψ(γ+δ+m_j+1)],
 *   ∂/∂δ = ψ(γ+δ) − ψ(δ) + w_0 [ψ(δ+n) − ψ(γ+δ+n)] + Σ_{j>0} w_j [ψ(δ+m_j) − ψ(γ+δ+m_j+1)].
 */
export function bgBbLikelihood(data: FoldedSummary) {
  const { frequency: X, recency: TX, T: N, weights: W } = data;
  let maxN = 0;
  for (let i = 0; i < N.length; i++) maxN = Math.max(maxN, N[i]!);
  const size = maxN + 2;
  const lgA = new Float64Array(size);
  const psiA = new Float64Array(size);
  const lgB = new Float64Array(size);
  const psiB = new Float64Array(size);
  const lgAB = new Float64Array(size);
  const psiAB = new Float64Array(size);
  const lgD = new Float64Array(size);
  const psiD = new Float64Array(size);
  const lgGD = new Float64Array(size);
  const psiGD = new Float64Array(size);
  const terms = new Float64Array(size);

  return (params: Float64Array, gradient: Float64Array): number => {
    const alpha = params[0]!;
    const beta = params[1]!;
    const gamma = params[2]!;
    const delta = params[3]!;
    if (!(alpha > 0 && beta > 0 && gamma > 0 && delta > 0)) return NaN;
    for (let k = 0; k < size; k++) {
      lgA[k] = logGamma(alpha + k);
      psiA[k] = digamma(alpha + k);
      lgB[k] = logGamma(beta + k);
      psiB[k] = digamma(beta + k);
      lgAB[k] = logGamma(alpha + beta + k);
      psiAB[k] = digamma(alpha + beta + k);
      lgD[k] = logGamma(delta + k);
      psiD[k] = digamma(delta + k);
      lgGD[k] = logGamma(gamma + delta + k);
      psiGD[k] = digamma(gamma + delta + k);
    }
    const lgG = logGamma(gamma);
    const psiG = digamma(gamma);
    const lgG1 = lgG + Math.log(gamma);
    const psiG1 = psiG + 1 / gamma;
    // −ln B(α, β) − ln B(γ, δ) and its derivatives, shared by every row.
    const common = lgAB[0]! - lgA[0]! - lgB[0]! + lgGD[0]! - lgG - lgD[0]!;
    let ll = 0;
    let gAlpha = 0;
    let gBeta = 0;
    let gGamma = 0;
    let gDelta = 0;
    for (let i = 0; i < X.length; i++) {
      const w = W[i]!;
      const x = X[i]!;
      const tx = TX[i]!;
      const n = N[i]!;
      // ln of each term without the x-only factor ln Γ(α+x) and the common part.
      let max = lgB[n - x]! - lgAB[n]! + lgG + lgD[n]! - lgGD[n]!;
      terms[0] = max;
      const count = n - tx + 1;
      for (let j = 1; j < count; j++) {
        const m = tx + j - 1;
        const v = lgB[m - x]! - lgAB[m]! + lgG1 + lgD[m]! - lgGD[m + 1]!;
        terms[j] = v;
        if (v > max) max = v;
      }
      let sum = 0;
      for (let j = 0; j < count; j++) {
        const e = Math.exp(terms[j]! - max);
        terms[j] = e;
        sum += e;
      }
      ll += w * (lgA[x]! + max + Math.log(sum));
      // Posterior weights of the terms, and the weighted digamma sums.
      const w0 = terms[0]! / sum;
      let sAB = w0 * psiAB[n]!;
      let sB = w0 * psiB[n - x]!;
      let sG = w0 * (psiG - psiGD[n]!);
      let sD = w0 * (psiD[n]! - psiGD[n]!);
      for (let j = 1; j < count; j++) {
        const m = tx + j - 1;
        const wj = terms[j]! / sum;
        sAB += wj * psiAB[m]!;
        sB += wj * psiB[m - x]!;
        sG += wj * (psiG1 - psiGD[m + 1]!);
        sD += wj * (psiD[m]! - psiGD[m + 1]!);
      }
      gAlpha += w * (psiA[x]! - sAB);
      gBeta += w * (sB - sAB);
      gGamma += w * sG;
      gDelta += w * sD;
    }
    const n = data.n;
    gradient[0] = gAlpha + n * (psiAB[0]! - psiA[0]!);
    gradient[1] = gBeta + n * (psiAB[0]! - psiB[0]!);
    gradient[2] = gGamma + n * (psiGD[0]! - psiG);
    gradient[3] = gDelta + n * (psiGD[0]! - psiD[0]!);
    return ll + n * common;
  };
}
