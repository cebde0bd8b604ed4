/**
 * ψ(x) = d/dx ln Γ(x), the derivative every likelihood gradient here needs. Recurrence up
 * to x ≥ 10, then the asymptotic series (Abramowitz & Stegun 6.3.18): about 1e-16 relative.
 */
export function digamma(x: number): number {
  if (Number.isNaN(x) || x === -Infinity) return NaN;
  if (x <= 0 && Number.isInteger(x)) return NaN;
  let result = 0;
  if (x < 0) {
    // Reflection: ψ(1 − x) − ψ(x) = π cot(πx).
    result = -Math.PI / Math.tan(Math.PI * x);
    x = 1 - x;
  }
  while (x < 10) {
    result -= 1 / x;
    x += 1;
  }
  const inv = 1 / x;
  const inv2 = inv * inv;
  // B2k / (2k x^2k) for k = 1..7.
  const series =
    inv2 *
    (1 / 12 -
      inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132 - inv2 * (691 / 32760 - inv2 / 12))))));
  return result + Math.log(x) - 0.5 * inv - series;
}
