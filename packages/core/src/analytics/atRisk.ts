/**
 * Customers worth winning back: they came back at least once (a habit existed), their chance
 * of still being a customer is low and fell over the last month, and they would be worth a
 * lot if they stayed. Both models factor E[future visits] = P(alive) × E[visits | active], so
 * the value "if still active" is the predicted CLV divided by P(alive): what winning them
 * back is worth, rather than the CLV a lapsing customer already has little of.
 */
export interface AtRiskRule {
  /** P(alive) at or below this (default 0.7). */
  maxPAlive: number;
  /** …and at least this much lower than 30 days before (default 0.02). */
  minDrop: number;
}

export const DEFAULT_AT_RISK_RULE: AtRiskRule = Object.freeze({ maxPAlive: 0.7, minDrop: 0.02 });

export interface AtRiskInput {
  frequency: ArrayLike<number>;
  pAlive: ArrayLike<number>;
  pAlivePrevious: ArrayLike<number>;
  clv1y: ArrayLike<number>;
}

/** Indices of at-risk customers, the most valuable if won back first. */
export function atRiskCustomers(input: AtRiskInput, rule: AtRiskRule = DEFAULT_AT_RISK_RULE): number[] {
  const rows: number[] = [];
  for (let i = 0; i < input.frequency.length; i++) {
    const alive = input.pAlive[i]!;
    const before = input.pAlivePrevious[i]!;
    if (input.frequency[i]! >= 1 && alive <= rule.maxPAlive && before - alive >= rule.minDrop && alive > 0)
      rows.push(i);
  }
  const ifActive = (i: number) => input.clv1y[i]! / input.pAlive[i]!;
  return rows.sort((a, b) => ifActive(b) - ifActive(a) || a - b);
}

/** Predicted 1-year value if the customer were still active. */
export function valueIfActive(clv1y: number, pAlive: number): number {
  return pAlive > 0 ? clv1y / pAlive : 0;
}
