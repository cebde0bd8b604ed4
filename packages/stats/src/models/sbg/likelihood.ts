export const sbgParamNames = ['gamma', 'delta'] as const;
export type SbgParamName = (typeof sbgParamNames)[number];
export type SbgParams = Readonly<Record<SbgParamName, number>>;

/**
 * Problems with a cohort's survivor counts n_0, n_1, …, n_k (n_0 customers at the start,
 * n_t still active at the end of period t), all of them, not only the first. Counts may be
 * fractional (weighted cohorts); they must be finite, non-negative and non-increasing.
 */
export function checkSbgSurvivors(survivors: ArrayLike<number>): string[] {
  const issues: string[] = [];
  if (survivors.length < 2)
    issues.push(`need the cohort size and at least one period, got ${survivors.length} count(s)`);
  for (let t = 0; t < survivors.length; t++) {
    const n = survivors[t]!;
    if (!Number.isFinite(n)) issues.push(`period ${t}: count ${n} is not finite`);
    else if (n < 0) issues.push(`period ${t}: count ${n} is negative`);
    else if (t > 0 && n > survivors[t - 1]!)
      issues.push(`period ${t}: ${n} survivors exceed the ${survivors[t - 1]} before`);
  }
  if (survivors.length > 0 && !(survivors[0]! > 0)) issues.push(`cohort size ${survivors[0]} must be positive`);
  return issues;
}

export function ensureValidSbgSurvivorsOrThrow(survivors: ArrayLike<number>): void {
  const issues = checkSbgSurvivors(survivors);
  if (issues.length > 0) throw new RangeError(`invalid survivor counts: ${issues.join('; ')}`);
}

/**
 * sBG log-likelihood of a cohort's survivor counts (Fader & Hardie 2007, "How to Project
 * Customer Retention", J. Interactive Marketing 21(1), the model's likelihood; those still
 * active at the end of period k are right-censored lifetimes):
 *   LL = Σ_{t=1..k} (n_{t−1} − n_t) ln P(T=t) + n_k ln S(k),
 *   P(T=t) = B(γ+1, δ+t−1)/B(γ, δ),  S(t) = B(γ, δ+t)/B(γ, δ),
 * evaluated by the paper's forward recursions: P(1) = γ/(γ+δ), P(t) = (δ+t−2)/(γ+δ+t−1) P(t−1),
 * and S(t) = (δ+t−1)/(γ+δ+t−1) S(t−1). Differentiating the recursions term by term gives
 *   ∂ ln P(t)/∂γ = 1/γ − Σ_{j=1..t} 1/(γ+δ+j−1),   ∂ ln P(t)/∂δ = Σ_{j=2..t} 1/(δ+j−2) − Σ_{j=1..t} 1/(γ+δ+j−1),
 *   ∂ ln S(t)/∂γ = −Σ_{j=1..t} 1/(γ+δ+j−1),        ∂ ln S(t)/∂δ = Σ_{j=1..t} [1/(δ+j−1) − 1/(γ+δ+j−1)].
 */
export function sbgLikelihood(survivors: ArrayLike<number>) {
  const counts = Float64Array.from(survivors);
  const k = counts.length - 1;
  return (params: Float64Array, gradient: Float64Array): number => {
    const gamma = params[0]!;
    const delta = params[1]!;
    if (!(gamma > 0 && delta > 0)) return NaN;
    // ln P(t) and its derivatives, advanced from t = 1.
    let lnP = Math.log(gamma) - Math.log(gamma + delta);
    let dPg = 1 / gamma - 1 / (gamma + delta);
    let dPd = -1 / (gamma + delta);
    // ln S(t−1) and its derivatives, advanced to S(t) inside the loop.
    let lnS = 0;
    let dSg = 0;
    let dSd = 0;
    let ll = 0;
    let gGamma = 0;
    let gDelta = 0;
    for (let t = 1; t <= k; t++) {
      if (t > 1) {
        const inv = 1 / (gamma + delta + t - 1);
        lnP += Math.log(delta + t - 2) - Math.log(gamma + delta + t - 1);
        dPg -= inv;
        dPd += 1 / (delta + t - 2) - inv;
      }
      const inv = 1 / (gamma + delta + t - 1);
      lnS += Math.log(delta + t - 1) - Math.log(gamma + delta + t - 1);
      dSg -= inv;
      dSd += 1 / (delta + t - 1) - inv;
      const lost = counts[t - 1]! - counts[t]!;
      if (lost !== 0) {
        ll += lost * lnP;
        gGamma += lost * dPg;
        gDelta += lost * dPd;
      }
    }
    const stayed = counts[k]!;
    if (stayed !== 0) {
      ll += stayed * lnS;
      gGamma += stayed * dSg;
      gDelta += stayed * dSd;
    }
    gradient[0] = gGamma;
    gradient[1] = gDelta;
    return ll;
  };
}

/** The cohort's log-likelihood at p (see sbgLikelihood). */
export function sbgCohortLogLikelihood(p: SbgParams, survivors: ArrayLike<number>): number {
  return sbgLikelihood(survivors)(Float64Array.of(p.gamma, p.delta), new Float64Array(2));
}
