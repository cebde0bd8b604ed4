import { logGamma } from '../../special/logGamma.js';
import { seriesPair } from './series.js';
import type { ParetoNbdParams } from './likelihood.js';

/**
 * The three pieces of one customer's Pareto/NBD likelihood (Fader & Hardie 2005, note 009,
 * eq. 18–20), in logs:
 *   L = C · [E + s·I],   C = Γ(r+x) α^r β^s / Γ(r),   E = (α+T)^−(r+x) (β+T)^−s,
 *   s·I = s ∫_{t_x}^{T} (α+τ)^−(r+x) (β+τ)^−(s+1) dτ = (s/(r+s+x)) A₀,
 * E being "alive at T" and s·I "died between t_x and T" (both after the x purchases).
 */
export interface ParetoNbdLogParts {
  lnC: number;
  lnE: number;
  /** ln(s·I / E), the log-odds of having dropped out; −Infinity when t_x = T. */
  lnOdds: number;
}

/**
 * The antiderivative behind A₀: I = (g(t_x) − g(T)) / (r+s+x), with, after Euler's
 * transformation ₂F₁(a, b; c; z) = (1−z)^(c−a−b) ₂F₁(c−a, c−b; c; z) of note 009's terms,
 *   α ≥ β:  g(τ) = (α+τ)^−(r+x) (β+τ)^−s ₂F₁(1, r+x; r+s+x+1; (α−β)/(α+τ)),
 *   α < β:  g(τ) = (α+τ)^−(r+x−1) (β+τ)^−(s+1) ₂F₁(1, s+1; r+s+x+1; (β−α)/(β+τ)).
 * (Note 009 has g(τ) = (α+τ)^−(r+s+x) ₂F₁(r+s+x, s+1; r+s+x+1; z), resp. (β+τ)^−(r+s+x)
 * ₂F₁(r+s+x, r+x; r+s+x+1; z); the second grows like (1−z)^−(r+x) and overflows for large x.)
 * Each form has 0 ≤ z < 1 on its side of α = β, z = 0 at α = β, and the ₂F₁ lies in
 * [1, 1/(1−z)]. `form` gives g = (α+τ)^−e1 (β+τ)^−e2 F(1, b; c; |α−β|/(base+τ)).
 */
export interface AntiderivativeForm {
  e1: number;
  e2: number;
  b: number;
  c: number;
  /** α when α ≥ β, β otherwise. */
  base: number;
  delta: number;
  alphaAtLeastBeta: boolean;
}

export function antiderivativeForm(p: ParetoNbdParams, x: number): AntiderivativeForm {
  const { r, alpha, s, beta } = p;
  const c = r + s + x + 1;
  return alpha >= beta
    ? { e1: r + x, e2: s, b: r + x, c, base: alpha, delta: alpha - beta, alphaAtLeastBeta: true }
    : { e1: r + x - 1, e2: s + 1, b: s + 1, c, base: beta, delta: beta - alpha, alphaAtLeastBeta: false };
}

/**
 * ln C, ln E and ln(s·I/E) for one customer. s·I = (s/m)(g(t_x) − g(T)) is taken as
 * (s/m) g(t_x) (1 − e^Δ) with Δ = ln g(T) − ln g(t_x) built from differences that keep their
 * digits when t_x is close to T: log1p((T−t_x)/(α+t_x)), log1p((T−t_x)/(β+t_x)) and
 * F(z_T) − F(z_x) from a divided-difference series; then ln(1 − e^Δ) = ln(−expm1(Δ)).
 * ln(g(t_x)/E) is likewise a sum of such log-ratios, not a difference of two large logs,
 * so P(alive) keeps its relative accuracy when it is tiny (x = 1000).
 */
export function paretoNbdLogParts(p: ParetoNbdParams, x: number, tx: number, T: number): ParetoNbdLogParts {
  const { r, alpha, s, beta } = p;
  const lnC = logGamma(r + x) - logGamma(r) + r * Math.log(alpha) + s * Math.log(beta);
  const lnE = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
  if (!(T > tx)) return { lnC, lnE, lnOdds: -Infinity };
  const f = antiderivativeForm(p, x);
  const span = T - tx;
  const zx = f.delta / (f.base + tx);
  const zT = f.delta / (f.base + T);
  const pair = seriesPair(f.b, f.c, zx, zT, (-f.delta * span) / ((f.base + T) * (f.base + tx)));
  const L1 = Math.log1p(span / (alpha + tx));
  const L2 = Math.log1p(span / (beta + tx));
  // ln g(t_x) − ln E: g = (α+τ)^−e1 (β+τ)^−e2 F, E = (α+T)^−(r+x) (β+T)^−s.
  const kappa = f.alphaAtLeastBeta ? 0 : Math.log((alpha + T) / (beta + T));
  const lnGxOverE = f.e1 * L1 + f.e2 * L2 + kappa + Math.log(pair.f1);
  const delta = -f.e1 * L1 - f.e2 * L2 + Math.log1p(pair.difference / pair.f1);
  const lnOdds = Math.log(s / (r + s + x)) + lnGxOverE + Math.log(-Math.expm1(delta));
  return { lnC, lnE, lnOdds };
}
