import { minimizeLbfgs } from '../optimize/lbfgs.js';
import { minimizeNelderMead } from '../optimize/nelderMead.js';
import { invertSymmetric } from './linearAlgebra.js';

/** An immutable fit: what the model is, its parameters and how well they are pinned down. */
export interface FitResult<Name extends string = string> {
  readonly model: string;
  readonly params: Readonly<Record<Name, number>>;
  /** Standard errors from the inverse Hessian of the (penalised) negative log-likelihood. */
  readonly stdErr: Readonly<Record<Name, number>>;
  /**
   * The inverse observed information (natural scale), row-major in the order of `params`;
   * null when the Hessian is singular. Feeds delta-method intervals on predictions.
   */
  readonly covariance: readonly (readonly number[])[] | null;
  /** Total log-likelihood of the data at `params`, without the penalty. */
  readonly logLik: number;
  readonly converged: boolean;
  readonly iterations: number;
  /** Number of customers (the sum of weights). */
  readonly n: number;
  readonly penalizer: number;
}

export interface FitOptions {
  /**
   * L2 penalty λ on the parameters, as lifetimes defines it: the objective is
   * −LL/n + λ Σ θ². Regularises fits on small or degenerate data.
   */
  penalizer?: number;
  maxIterations?: number;
  /** Starting parameters (natural scale); the model's defaults otherwise. */
  start?: readonly number[];
}

export interface LikelihoodProblem<Name extends string> {
  model: string;
  names: readonly Name[];
  /** Sum of the weights. */
  n: number;
  /** Total log-likelihood at natural parameters p; writes ∂LL/∂p into `gradient`. */
  logLikelihood(p: Float64Array, gradient: Float64Array): number;
  start: readonly number[];
}

function record<Name extends string>(names: readonly Name[], values: ArrayLike<number>): Record<Name, number> {
  return Object.fromEntries(names.map((name, i) => [name, values[i]])) as Record<Name, number>;
}

/**
 * Maximum likelihood by L-BFGS on log-parameters (every parameter here is positive), with
 * Nelder–Mead as a fallback when L-BFGS cannot move. Standard errors come from a central
 * finite-difference Hessian of the analytic gradient at the optimum.
 */
export function fitMaximumLikelihood<Name extends string>(
  problem: LikelihoodProblem<Name>,
  options: FitOptions = {},
): FitResult<Name> {
  const k = problem.names.length;
  const penalizer = options.penalizer ?? 0;
  if (!(penalizer >= 0)) throw new RangeError('penalizer must be ≥ 0');
  const n = problem.n;
  const p = new Float64Array(k);
  const gradP = new Float64Array(k);
  const objective = (theta: Float64Array, gradient: Float64Array) => {
    for (let i = 0; i < k; i++) p[i] = Math.exp(theta[i]!);
    const ll = problem.logLikelihood(p, gradP);
    let penalty = 0;
    for (let i = 0; i < k; i++) {
      penalty += p[i]! * p[i]!;
      gradient[i] = (-gradP[i]! / n + 2 * penalizer * p[i]!) * p[i]!;
    }
    return -ll / n + penalizer * penalty;
  };
  const start = (options.start ?? problem.start).map((v) => Math.log(v));
  let result = minimizeLbfgs(objective, start, { maxIterations: options.maxIterations ?? 1000 });
  let iterations = result.iterations;
  if (!result.converged) {
    const scratch = new Float64Array(k);
    const nm = minimizeNelderMead((theta) => objective(theta, scratch), result.x);
    const polished = minimizeLbfgs(objective, nm.x, { maxIterations: options.maxIterations ?? 1000 });
    iterations += nm.iterations + polished.iterations;
    result = polished.f <= nm.f ? polished : { ...polished, x: nm.x, f: nm.f, converged: false };
  }
  const params = result.x.map((t) => Math.exp(t));
  const logLik = problem.logLikelihood(params, gradP);
  const covariance = inverseInformation(problem, params, penalizer);
  const stdErr = new Float64Array(k).fill(NaN);
  if (covariance) for (let i = 0; i < k; i++) stdErr[i] = covariance[i]![i]! > 0 ? Math.sqrt(covariance[i]![i]!) : NaN;
  return Object.freeze({
    model: problem.model,
    params: Object.freeze(record(problem.names, params)),
    stdErr: Object.freeze(record(problem.names, stdErr)),
    covariance: covariance ? Object.freeze(covariance.map((row) => Object.freeze(row))) : null,
    logLik,
    converged: result.converged && Number.isFinite(logLik),
    iterations,
    n,
    penalizer,
  });
}

/** The inverse observed information (−∂²LL/∂p² plus the penalty's n·2λ); null if singular. */
function inverseInformation<Name extends string>(
  problem: LikelihoodProblem<Name>,
  params: Float64Array,
  penalizer: number,
): number[][] | null {
  const k = params.length;
  const hessian = new Float64Array(k * k);
  const gPlus = new Float64Array(k);
  const gMinus = new Float64Array(k);
  const point = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const h = 1e-5 * Math.max(Math.abs(params[j]!), 1e-8);
    point.set(params);
    point[j] = params[j]! + h;
    problem.logLikelihood(point, gPlus);
    point[j] = params[j]! - h;
    problem.logLikelihood(point, gMinus);
    for (let i = 0; i < k; i++) hessian[i * k + j] = -(gPlus[i]! - gMinus[i]!) / (2 * h);
    hessian[j * k + j] = hessian[j * k + j]! + 2 * penalizer * problem.n;
  }
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      const mean = (hessian[i * k + j]! + hessian[j * k + i]!) / 2;
      hessian[i * k + j] = mean;
      hessian[j * k + i] = mean;
    }
  }
  const inverse = invertSymmetric(hessian, k);
  if (!inverse) return null;
  return Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => inverse[i * k + j]!));
}
