/**
 * Nelder–Mead simplex search, the fallback when L-BFGS cannot make progress (a likelihood
 * that is not finite around the start, say). Standard coefficients (1, 2, 0.5, 0.5).
 */
export interface NelderMeadResult {
  x: Float64Array;
  f: number;
  iterations: number;
  converged: boolean;
}

export function minimizeNelderMead(
  f: (x: Float64Array) => number,
  start: ArrayLike<number>,
  options: { maxIterations?: number; tolerance?: number; step?: number } = {},
): NelderMeadResult {
  const n = start.length;
  const maxIterations = options.maxIterations ?? 5000;
  const tolerance = options.tolerance ?? 1e-12;
  const step = options.step ?? 0.5;
  const value = (x: Float64Array) => {
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  const simplex: { x: Float64Array; f: number }[] = [];
  const base = Float64Array.from(start);
  simplex.push({ x: base, f: value(base) });
  for (let i = 0; i < n; i++) {
    const x = Float64Array.from(start);
    x[i] = x[i]! + step;
    simplex.push({ x, f: value(x) });
  }
  const point = (from: Float64Array, towards: Float64Array, t: number) => {
    const x = new Float64Array(n);
    for (let i = 0; i < n; i++) x[i] = from[i]! + t * (towards[i]! - from[i]!);
    return x;
  };
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    simplex.sort((a, b) => a.f - b.f);
    const best = simplex[0]!;
    const worst = simplex[n]!;
    if (Math.abs(worst.f - best.f) <= tolerance * (Math.abs(best.f) + tolerance)) {
      return { x: best.x, f: best.f, iterations: iteration, converged: Number.isFinite(best.f) };
    }
    const centroid = new Float64Array(n);
    for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) centroid[i] = centroid[i]! + simplex[k]!.x[i]! / n;
    const reflected = point(centroid, worst.x, -1);
    const fr = value(reflected);
    if (fr < best.f) {
      const expanded = point(centroid, worst.x, -2);
      const fe = value(expanded);
      simplex[n] = fe < fr ? { x: expanded, f: fe } : { x: reflected, f: fr };
    } else if (fr < simplex[n - 1]!.f) {
      simplex[n] = { x: reflected, f: fr };
    } else {
      const contracted = fr < worst.f ? point(centroid, reflected, 0.5) : point(centroid, worst.x, 0.5);
      const fc = value(contracted);
      if (fc < Math.min(fr, worst.f)) simplex[n] = { x: contracted, f: fc };
      else {
        for (let k = 1; k <= n; k++) {
          const x = point(best.x, simplex[k]!.x, 0.5);
          simplex[k] = { x, f: value(x) };
        }
      }
    }
  }
  simplex.sort((a, b) => a.f - b.f);
  return { x: simplex[0]!.x, f: simplex[0]!.f, iterations: maxIterations, converged: false };
}
