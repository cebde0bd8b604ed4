import { hyp2f1Parts, type Hyp2f1Parts } from '../../special/hyp2f1.js';
import { logBeta } from '../../special/logBeta.js';
import { logGamma } from '../../special/logGamma.js';
import type { ParetoNbdParams } from './likelihood.js';

/** Most terms of the tail sum below; it converges like (t/(min(α,β)+t))^i. */
const MAX_TAIL_TERMS = 1_000_000;

/**
 * Probability of exactly n repeat transactions in (0, t] for a new customer (Fader & Hardie
 * 2006, "Deriving an Expression for P(X(t) = x) Under the Pareto/NBD Model", note 012;
 * brucehardie.com/notes/012):
 *   P(X(t)=n) = Γ(r+n)/(Γ(r) n!) (α/(α+t))^r (t/(α+t))^n (β/(β+t))^s
 *             + α^r β^s B(r+n, s+1)/B(r, s) · [B₁ − Σ_{i=0}^{n} Γ(r+s+i)/(Γ(r+s) i!) tⁱ B₂(i)],
 * where, for α ≥ β,
 *   B₁ = ₂F₁(r+s, s+1; r+s+n+1; (α−β)/α) / α^(r+s),
 *   B₂(i) = ₂F₁(r+s+i, s+1; r+s+n+1; (α−β)/(α+t)) / (α+t)^(r+s+i),
 * and, for α < β,
 *   B₁ = ₂F₁(r+s, r+n; r+s+n+1; (β−α)/β) / β^(r+s),
 *   B₂(i) = ₂F₁(r+s+i, r+n; r+s+n+1; (β−α)/(β+t)) / (β+t)^(r+s+i).
 * For α < β the ₂F₁ with b = r+n grows like (1−z)^−(r+n), so B₁ and B₂(i ≤ n) are evaluated
 * after Euler's transformation, e.g. ₂F₁(r+s+i, r+n; c; z) = (1−z)^(1−i−r) ₂F₁(n+1−i, s+1; c; z).
 * B₁ is the sum of the same terms over all i ≥ 0, so the bracket is also Σ_{i>n}: when the
 * finite form would cancel (the bracket less than half of B₁) the tail sum is used instead.
 * The ₂F₁ are summed as series (special/hyp2f1.ts), which throws a RangeError when
 * |α−β|/max(α,β) is within ~2e-4 of 1 (α/β or β/α beyond ~5,000).
 */
export function paretoNbdProbabilityOfTransactions(p: ParetoNbdParams, t: number, n: number): number {
  const { r, alpha, s, beta } = p;
  if (t <= 0) return n === 0 ? 1 : 0;
  const alive =
    logGamma(r + n) -
    logGamma(r) -
    logGamma(n + 1) +
    r * Math.log(alpha / (alpha + t)) +
    n * Math.log(t / (alpha + t)) +
    s * Math.log(beta / (beta + t));
  const lnPrefactor = r * Math.log(alpha) + s * Math.log(beta) + logBeta(r + n, s + 1) - logBeta(r, s);
  const A = alpha >= beta;
  const base = A ? alpha : beta;
  const delta = A ? alpha - beta : beta - alpha;
  const c = r + s + n + 1;
  const z0 = delta / base;
  const zt = delta / (base + t);
  const lnBaseT = Math.log(base + t);
  const lnOneMinusZt = A ? 0 : Math.log((alpha + t) / (beta + t));
  const parts: Hyp2f1Parts = { log: 0, sign: 1, dA: 0, dB: 0, dC: 0, dZ: 0, terms: 0 };
  const logF = (a: number, b: number, z: number) => hyp2f1Parts(a, b, c, z, false, parts).log;
  const lnB1 = A
    ? logF(r + s, s + 1, z0) - (r + s) * Math.log(alpha)
    : (1 - r) * Math.log(alpha / beta) + logF(n + 1, s + 1, z0) - (r + s) * Math.log(beta);
  const lgRS = logGamma(r + s);
  const lnT = Math.log(t);
  // ln of Γ(r+s+i)/(Γ(r+s) i!) tⁱ B₂(i).
  const lnTerm = (i: number) => {
    const lnF = A
      ? logF(r + s + i, s + 1, zt)
      : i <= n
        ? (1 - i - r) * lnOneMinusZt + logF(n + 1 - i, s + 1, zt)
        : logF(r + s + i, r + n, zt);
    return logGamma(r + s + i) - lgRS - logGamma(i + 1) + i * lnT + lnF - (r + s + i) * lnBaseT;
  };
  // Everything relative to B₁, which bounds the sum.
  let finite = 0;
  for (let i = 0; i <= n; i++) finite += Math.exp(lnTerm(i) - lnB1);
  let bracket = 1 - finite;
  if (finite > 0.5) {
    let tail = 0;
    let previous = Infinity;
    for (let i = n + 1; i < n + 1 + MAX_TAIL_TERMS; i++) {
      const term = Math.exp(lnTerm(i) - lnB1);
      tail += term;
      if (term <= 1e-17 * tail && term <= previous) break;
      previous = term;
    }
    bracket = tail;
  }
  return Math.exp(alive) + Math.exp(lnPrefactor + lnB1) * Math.max(0, bracket);
}
