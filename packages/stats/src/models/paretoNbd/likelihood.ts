import type { FoldedSummary } from '../../data/summary.js';
import { logAddExp } from '../../special/logSumExp.js';
import { paretoNbdLogParts } from './customer.js';
import { paretoNbdTotalLikelihood } from './totalLikelihood.js';

export const paretoNbdParamNames = ['r', 'alpha', 's', 'beta'] as const;
export type ParetoNbdParamName = (typeof paretoNbdParamNames)[number];
/** r, α: Gamma heterogeneity of the purchase rate λ; s, β: of the drop-out rate μ. */
export type ParetoNbdParams = Readonly<Record<ParetoNbdParamName, number>>;

/**
 * Pareto/NBD log-likelihood of one customer (Schmittlein, Morrison & Colombo 1987; in the
 * form of Fader & Hardie 2005, "A Note on Deriving the Pareto/NBD Model and Related
 * Expressions", note 009, eq. 18–20):
 *   LL = ln Γ(r+x) − ln Γ(r) + r ln α + s ln β
 *        + ln[ (α+T)^−(r+x) (β+T)^−s + s/(r+s+x) · A₀ ],
 *   A₀ = ₂F₁(r+s+x, s+1; r+s+x+1; (α−β)/(α+t_x)) / (α+t_x)^(r+s+x)
 *      − ₂F₁(r+s+x, s+1; r+s+x+1; (α−β)/(α+T)) / (α+T)^(r+s+x)          if α ≥ β,
 *   A₀ = ₂F₁(r+s+x, r+x; r+s+x+1; (β−α)/(β+t_x)) / (β+t_x)^(r+s+x)
 *      − ₂F₁(r+s+x, r+x; r+s+x+1; (β−α)/(β+T)) / (β+T)^(r+s+x)           if α < β.
 * Evaluated in logs after Euler's transformation (see customer.ts), with the difference in A₀
 * taken without cancellation, so it stays finite and accurate for x in the thousands, at
 * α = β, and for t_x → T.
 */
export function paretoNbdCustomerLogLikelihood(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  const { lnC, lnE, lnOdds } = paretoNbdLogParts(p, x, tx, T);
  return lnC + lnE + logAddExp(0, lnOdds);
}

/**
 * The total log-likelihood over a folded summary and its analytic gradient in (r, α, s, β),
 * as the fitter uses it: `(params, gradient) => LL`. See totalLikelihood.ts for how the work
 * is shared between rows.
 */
export function paretoNbdLikelihood(data: FoldedSummary): (params: Float64Array, gradient: Float64Array) => number {
  return paretoNbdTotalLikelihood(data);
}
