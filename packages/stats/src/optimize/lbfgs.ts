/**
 * Limited-memory BFGS with a strong-Wolfe line search (Nocedal & Wright, Numerical
 * Optimization, 2nd ed., Algorithms 7.4, 3.5 and 3.6). Written here because the npm
 * optimisers tried for this project either diverged or stalled on BG/NBD; the likelihoods
 * here are smooth, cheap to differentiate analytically and have a handful of parameters,
 * which is what L-BFGS is best at.
 */

/** Returns f(x) and writes ∇f(x) into `gradient`. */
export type Objective = (x: Float64Array, gradient: Float64Array) => number;

export interface MinimizeOptions {
  maxIterations?: number;
  /** Converged when ‖∇f‖∞ falls below this. */
  gradientTolerance?: number;
  /** Or when the relative decrease of f in an iteration falls below this. */
  functionTolerance?: number;
  memory?: number;
}

export interface MinimizeResult {
  x: Float64Array;
  f: number;
  gradient: Float64Array;
  iterations: number;
  evaluations: number;
  converged: boolean;
  message: string;
}

const dot = (a: Float64Array, b: Float64Array) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
};
const maxAbs = (a: Float64Array) => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]!));
  return m;
};

/** Minimiser of the cubic through (a, fa, ga) and (b, fb, gb), kept inside the bracket. */
function cubicStep(a: number, fa: number, ga: number, b: number, fb: number, gb: number): number {
  const d1 = ga + gb - (3 * (fa - fb)) / (a - b);
  const disc = d1 * d1 - ga * gb;
  if (disc >= 0) {
    const d2 = Math.sign(b - a) * Math.sqrt(disc);
    const t = b - (b - a) * ((gb + d2 - d1) / (gb - ga + 2 * d2));
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    const margin = 0.1 * (hi - lo);
    if (Number.isFinite(t) && t > lo + margin && t < hi - margin) return t;
  }
  return (a + b) / 2;
}

interface LineSearch {
  step: number;
  f: number;
  evaluations: number;
  ok: boolean;
}

function lineSearch(
  objective: Objective,
  x: Float64Array,
  f0: number,
  g0dotp: number,
  p: Float64Array,
  initialStep: number,
  xNew: Float64Array,
  gNew: Float64Array,
): LineSearch {
  const c1 = 1e-4;
  const c2 = 0.9;
  let evaluations = 0;
  const phi = (alpha: number) => {
    for (let i = 0; i < x.length; i++) xNew[i] = x[i]! + alpha * p[i]!;
    const f = objective(xNew, gNew);
    evaluations++;
    return { f, d: dot(gNew, p) };
  };
  const zoom = (lo: number, flo: number, dlo: number, hi: number, fhi: number, dhi: number): LineSearch => {
    for (let k = 0; k < 30; k++) {
      const alpha = cubicStep(lo, flo, dlo, hi, fhi, dhi);
      const { f, d } = phi(alpha);
      if (!Number.isFinite(f) || f > f0 + c1 * alpha * g0dotp || f >= flo) {
        hi = alpha;
        fhi = Number.isFinite(f) ? f : Infinity;
        dhi = Number.isFinite(d) ? d : 0;
      } else {
        if (Math.abs(d) <= -c2 * g0dotp) return { step: alpha, f, evaluations, ok: true };
        if (d * (hi - lo) >= 0) {
          hi = lo;
          fhi = flo;
          dhi = dlo;
        }
        lo = alpha;
        flo = f;
        dlo = d;
      }
      if (Math.abs(hi - lo) < 1e-14 * Math.max(1, Math.abs(lo))) break;
      // At the optimum f stops changing in its last bits: further zooming cannot improve it.
      const ulps = 4 * Number.EPSILON * Math.max(1, Math.abs(f0));
      if (Math.abs(f - f0) <= ulps && Math.abs(flo - f0) <= ulps) break;
    }
    // Settle for the best point found if it at least decreases f.
    if (lo > 0 && flo < f0) {
      phi(lo);
      return { step: lo, f: flo, evaluations, ok: true };
    }
    return { step: 0, f: f0, evaluations, ok: false };
  };

  let prevAlpha = 0;
  let prevF = f0;
  let prevD = g0dotp;
  let alpha = initialStep;
  for (let k = 0; k < 40; k++) {
    const { f, d } = phi(alpha);
    if (!Number.isFinite(f)) {
      // Stepped outside where the model is defined: back off.
      alpha = prevAlpha + (alpha - prevAlpha) / 4;
      continue;
    }
    if (f > f0 + c1 * alpha * g0dotp || (k > 0 && f >= prevF)) return zoom(prevAlpha, prevF, prevD, alpha, f, d);
    if (Math.abs(d) <= -c2 * g0dotp) return { step: alpha, f, evaluations, ok: true };
    if (d >= 0) return zoom(alpha, f, d, prevAlpha, prevF, prevD);
    prevAlpha = alpha;
    prevF = f;
    prevD = d;
    alpha *= 2;
  }
  return { step: 0, f: f0, evaluations, ok: false };
}

export function minimizeLbfgs(
  objective: Objective,
  start: ArrayLike<number>,
  options: MinimizeOptions = {},
): MinimizeResult {
  const n = start.length;
  const maxIterations = options.maxIterations ?? 500;
  const gtol = options.gradientTolerance ?? 1e-9;
  const ftol = options.functionTolerance ?? 1e-14;
  const m = options.memory ?? 8;
  let x = Float64Array.from(start);
  let g = new Float64Array(n);
  let f = objective(x, g);
  let evaluations = 1;
  if (!Number.isFinite(f)) {
    return {
      x,
      f,
      gradient: g,
      iterations: 0,
      evaluations,
      converged: false,
      message: 'objective not finite at start',
    };
  }
  const s: Float64Array[] = [];
  const y: Float64Array[] = [];
  const rho: number[] = [];
  const p = new Float64Array(n);
  const alphaHistory = new Float64Array(m);
  let xNew = new Float64Array(n);
  let gNew = new Float64Array(n);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    if (maxAbs(g) < gtol) {
      return { x, f, gradient: g, iterations: iteration, evaluations, converged: true, message: 'gradient small' };
    }
    // Two-loop recursion: p = −H∇f.
    for (let i = 0; i < n; i++) p[i] = -g[i]!;
    for (let k = s.length - 1; k >= 0; k--) {
      const a = rho[k]! * dot(s[k]!, p);
      alphaHistory[k] = a;
      for (let i = 0; i < n; i++) p[i] = p[i]! - a * y[k]![i]!;
    }
    const gamma = s.length > 0 ? dot(s.at(-1)!, y.at(-1)!) / dot(y.at(-1)!, y.at(-1)!) : 1 / Math.max(1, maxAbs(g));
    for (let i = 0; i < n; i++) p[i] = p[i]! * gamma;
    for (let k = 0; k < s.length; k++) {
      const b = rho[k]! * dot(y[k]!, p);
      for (let i = 0; i < n; i++) p[i] = p[i]! + s[k]![i]! * (alphaHistory[k]! - b);
    }
    let slope = dot(g, p);
    if (!(slope < 0)) {
      // Not a descent direction (curvature information went stale): restart along −∇f.
      s.length = 0;
      y.length = 0;
      rho.length = 0;
      for (let i = 0; i < n; i++) p[i] = -g[i]! / Math.max(1, maxAbs(g));
      slope = dot(g, p);
    }
    const search = lineSearch(objective, x, f, slope, p, 1, xNew, gNew);
    evaluations += search.evaluations;
    if (!search.ok) {
      const small = maxAbs(g) < Math.sqrt(gtol);
      return {
        x,
        f,
        gradient: g,
        iterations: iteration,
        evaluations,
        converged: small,
        message: small ? 'line search could not improve further' : 'line search failed',
      };
    }
    const sk = new Float64Array(n);
    const yk = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      sk[i] = xNew[i]! - x[i]!;
      yk[i] = gNew[i]! - g[i]!;
    }
    const sy = dot(sk, yk);
    if (sy > 1e-12 * Math.sqrt(dot(sk, sk) * dot(yk, yk))) {
      s.push(sk);
      y.push(yk);
      rho.push(1 / sy);
      if (s.length > m) {
        s.shift();
        y.shift();
        rho.shift();
      }
    }
    const decrease = f - search.f;
    [x, xNew] = [xNew, x];
    [g, gNew] = [gNew, g];
    f = search.f;
    if (decrease >= 0 && decrease <= ftol * Math.max(1, Math.abs(f))) {
      return {
        x,
        f,
        gradient: g,
        iterations: iteration + 1,
        evaluations,
        converged: true,
        message: 'no further decrease',
      };
    }
  }
  return { x, f, gradient: g, iterations: maxIterations, evaluations, converged: false, message: 'iteration limit' };
}
