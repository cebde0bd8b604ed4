/** ln(eᵃ + eᵇ) without overflow: the sums of likelihood terms of different size. */
export function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/** ln(eᵃ − eᵇ) for a ≥ b; −Infinity when they are equal. */
export function logSubExp(a: number, b: number): number {
  if (b === -Infinity) return a;
  if (b > a) return NaN;
  return a + Math.log(-Math.expm1(b - a));
}

/** The logistic function 1 / (1 + e^(−x)), computed so that neither tail overflows. */
export function logistic(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}
