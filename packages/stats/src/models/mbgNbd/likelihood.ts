import { frequencyIndex, type FoldedSummary } from '../../data/summary.js';
import { digamma } from '../../special/digamma.js';
import { logGamma } from '../../special/logGamma.js';

export const mbgNbdParamNames = ['r', 'alpha', 'a', 'b'] as const;
export type MbgNbdParamName = (typeof mbgNbdParamNames)[number];
export type MbgNbdParams = Readonly<Record<MbgNbdParamName, number>>;

/**
 * ln(1 + eᵘ) and its derivative, the logistic σ(u), without overflow for large u (the
 * odds of being dead reach e^2000 for x = 1000).
 */
function softplus(u: number): { value: number; slope: number } {
  if (u > 0) {
    const e = Math.exp(-u);
    return { value: u + Math.log1p(e), slope: 1 / (1 + e) };
  }
  const e = Math.exp(u);
  return { value: Math.log1p(e), slope: e / (1 + e) };
}

/**
 * MBG/NBD log-likelihood of one customer (Batislam, Denizel & Filiztekin 2007, Appendix A,
 * with Wagner & Hoppe's 2008 erratum; also Hoppe & Wagner 2007). Unlike BG/NBD the customer
 * may drop out right after the first purchase, at time 0, so even x = 0 has two terms:
 *   LL = ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x+1) − ln B(a, b) − (r+x) ln(α+T)
 *        + ln[1 + a/(b+x) · ((α+T)/(α+t_x))^(r+x)].
 */
export function mbgNbdCustomerLogLikelihood(p: MbgNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, a, b } = p;
  const a1 = logGamma(r + x) - logGamma(r) + r * Math.log(alpha);
  const a2 = logGamma(a + b) + logGamma(b + x + 1) - logGamma(b) - logGamma(a + b + x + 1);
  const lnAlphaT = Math.log(alpha + T);
  const u = Math.log(a) - Math.log(b + x) + (r + x) * (lnAlphaT - Math.log(alpha + tx));
  return a1 + a2 - (r + x) * lnAlphaT + softplus(u).value;
}

/**
 * The total log-likelihood and its gradient over a folded summary. Log-gammas and digammas
 * depend on the frequency only and are computed once per distinct frequency; each row then
 * costs at most three logarithms and one exponential. With u = ln a − ln(b+x) + (r+x) ln((α+T)/(α+t_x))
 * and s = σ(u) = 1 − P(alive):
 *   ∂/∂r = ψ(r+x) − ψ(r) + ln α − ln(α+T) + s ln((α+T)/(α+t_x)),
 *   ∂/∂α = r/α − (r+x)/(α+T) + s (r+x) (1/(α+T) − 1/(α+t_x)),
 *   ∂/∂a = ψ(a+b) − ψ(a+b+x+1) + s/a,
 *   ∂/∂b = ψ(a+b) + ψ(b+x+1) − ψ(b) − ψ(a+b+x+1) − s/(b+x).
 */
export function mbgNbdLikelihood(data: FoldedSummary) {
  const { frequency: X, recency: TX, T: TT, weights: W } = data;
  const { distinct, index } = frequencyIndex(X);
  const d = distinct.length;
  const weightOf = new Float64Array(d);
  for (let i = 0; i < X.length; i++) weightOf[index[i]!] = weightOf[index[i]!]! + W[i]!;
  // Per distinct frequency: the x-only parts of LL and of each partial derivative.
  const llX = new Float64Array(d);
  const drX = new Float64Array(d);
  const daX = new Float64Array(d);
  const dbX = new Float64Array(d);
  const lnBx = new Float64Array(d);

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
      llX[k] = logGamma(r + x) - lgR + r * lnAlpha + lgAB + logGamma(b + x + 1) - lgB - logGamma(a + b + x + 1);
      drX[k] = digamma(r + x) - psiR + lnAlpha;
      const psiABx = digamma(a + b + x + 1);
      daX[k] = psiAB - psiABx;
      dbX[k] = psiAB + digamma(b + x + 1) - psiB - psiABx;
      lnBx[k] = Math.log(b + x);
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
      const k = index[i]!;
      const rx = r + x;
      const alphaT = alpha + TT[i]!;
      const tx = TX[i]!;
      const alphaTx = alpha + tx;
      const lnAlphaT = Math.log(alphaT);
      // Most customers have no repeat purchase (t_x = 0): ln(α + t_x) is then ln α.
      const lnRatio = lnAlphaT - (tx === 0 ? lnAlpha : Math.log(alphaTx));
      const u = lnA - lnBx[k]! + rx * lnRatio;
      // s = σ(u), the posterior probability that the customer has already dropped out.
      let s: number;
      let lnOnePlus: number;
      if (u > 0) {
        const e = Math.exp(-u);
        lnOnePlus = u + Math.log1p(e);
        s = 1 / (1 + e);
      } else {
        const e = Math.exp(u);
        lnOnePlus = Math.log1p(e);
        s = e / (1 + e);
      }
      ll += w * (lnOnePlus - rx * lnAlphaT);
      gr += w * (s * lnRatio - lnAlphaT);
      gAlpha += w * rx * ((s - 1) / alphaT - s / alphaTx);
      ga += (w * s) / a;
      gb -= (w * s) / (b + x);
    }
    gradient[0] = gr;
    gradient[1] = gAlpha;
    gradient[2] = ga;
    gradient[3] = gb;
    return ll;
  };
}
