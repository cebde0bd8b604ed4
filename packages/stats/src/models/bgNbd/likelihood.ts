import { frequencyIndex, type FoldedSummary } from '../../data/summary.js';
import { digamma } from '../../special/digamma.js';
import { logGamma } from '../../special/logGamma.js';

export const bgNbdParamNames = ['r', 'alpha', 'a', 'b'] as const;
export type BgNbdParamName = (typeof bgNbdParamNames)[number];
export type BgNbdParams = Readonly<Record<BgNbdParamName, number>>;

/**
 * BG/NBD log-likelihood of one customer (Fader, Hardie & Lee 2005, eq. 6; log form from
 * Hardie's note 004):
 *   LL = ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b)
 *        + ln[ (α+T)^−(r+x) + 1{x>0} · a/(b+x−1) · (α+t_x)^−(r+x) ].
 */
export function bgNbdCustomerLogLikelihood(p: BgNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, a, b } = p;
  const a1 = logGamma(r + x) - logGamma(r) + r * Math.log(alpha);
  const a2 = logGamma(a + b) + logGamma(b + x) - logGamma(b) - logGamma(a + b + x);
  const a3 = -(r + x) * Math.log(alpha + T);
  if (x === 0) return a1 + a2 + a3;
  const a4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
  const m = Math.max(a3, a4);
  return a1 + a2 + m + Math.log(Math.exp(a3 - m) + Math.exp(a4 - m));
}

/**
 * The total log-likelihood and its gradient over a folded summary. Terms that depend on the
 * frequency only (log-gammas, digammas) are computed once per distinct frequency; each row
 * then costs two logarithms and one exponential.
 */
export function bgNbdLikelihood(data: FoldedSummary) {
  const { frequency: X, recency: TX, T: TT, weights: W } = data;
  const { distinct, index } = frequencyIndex(X);
  const d = distinct.length;
  const weightOf = new Float64Array(d);
  for (let i = 0; i < X.length; i++) weightOf[index[i]!] = weightOf[index[i]!]! + W[i]!;
  // Per distinct frequency: x-only parts of LL and of each partial derivative.
  const llX = new Float64Array(d);
  const drX = new Float64Array(d);
  const daX = new Float64Array(d);
  const dbX = new Float64Array(d);
  const lnBx1 = new Float64Array(d);

  return (params: Float64Array, gradient: Float64Array): number => {
    const r = params[0]!;
    const alpha = params[1]!;
    const a = params[2]!;
    const b = params[3]!;
    if (!(r > 0 && alpha > 0 && a > 0 && b > 0)) return NaN;
    const lnAlpha = Math.log(alpha);
    const lgR = logGamma(r);
    const psiR = digamma(r);
    const lgB = logGamma(b);
    const psiB = digamma(b);
    const lgAB = logGamma(a + b);
    const psiAB = digamma(a + b);
    for (let k = 0; k < d; k++) {
      const x = distinct[k]!;
      llX[k] = logGamma(r + x) - lgR + r * lnAlpha + lgAB + logGamma(b + x) - lgB - logGamma(a + b + x);
      drX[k] = digamma(r + x) - psiR + lnAlpha;
      const psiABx = digamma(a + b + x);
      daX[k] = psiAB - psiABx;
      dbX[k] = psiAB + digamma(b + x) - psiB - psiABx;
      lnBx1[k] = x > 0 ? Math.log(b + x - 1) : 0;
    }
    let ll = 0;
    let gr = 0;
    let gAlpha = r * (data.n / alpha);
    let ga = 0;
    let gb = 0;
    for (let k = 0; k < d; k++) {
      ll += weightOf[k]! * llX[k]!;
      gr += weightOf[k]! * drX[k]!;
      ga += weightOf[k]! * daX[k]!;
      gb += weightOf[k]! * dbX[k]!;
    }
    const lnA = Math.log(a);
    for (let i = 0; i < X.length; i++) {
      const w = W[i]!;
      const x = X[i]!;
      const rx = r + x;
      const lnAlphaT = Math.log(alpha + TT[i]!);
      const a3 = -rx * lnAlphaT;
      if (x === 0) {
        ll += w * a3;
        gr -= w * lnAlphaT;
        gAlpha -= (w * rx) / (alpha + TT[i]!);
        continue;
      }
      const k = index[i]!;
      const lnAlphaTx = Math.log(alpha + TX[i]!);
      const a4 = lnA - lnBx1[k]! - rx * lnAlphaTx;
      // Weights of the two terms of the sum: p3 + p4 = 1.
      let p3: number;
      let lse: number;
      if (a3 >= a4) {
        const e = Math.exp(a4 - a3);
        lse = a3 + Math.log1p(e);
        p3 = 1 / (1 + e);
      } else {
        const e = Math.exp(a3 - a4);
        lse = a4 + Math.log1p(e);
        p3 = e / (1 + e);
      }
      const p4 = 1 - p3;
      ll += w * lse;
      gr -= w * (p3 * lnAlphaT + p4 * lnAlphaTx);
      gAlpha -= w * rx * (p3 / (alpha + TT[i]!) + p4 / (alpha + TX[i]!));
      ga += (w * p4) / a;
      gb -= (w * p4) / (b + x - 1);
    }
    gradient[0] = gr;
    gradient[1] = gAlpha;
    gradient[2] = ga;
    gradient[3] = gb;
    return ll;
  };
}
