import type { FoldedSummary } from '../../data/summary.js';
import { digamma } from '../../special/digamma.js';
import { logGamma } from '../../special/logGamma.js';
import { arrangeRows } from './groups.js';
import { fillCoefficients, seriesFromTable, SERIES_MAX_Z, STRIDE, termsFor, type OneBSeries } from './series.js';

/** Largest coefficient table (in doubles); frequencies beyond it use the recurrence. */
const TABLE_SIZE = 1 << 21;
/**
 * Where |α−β|/(max(α,β) + t_x) comes within 1e-6 of 1 (α/β or β/α beyond ~1e6) the
 * likelihood is reported as NaN: each ₂F₁ would cost tens of thousands of steps.
 */
const MAX_Z = 1 - 1e-6;
/** Per (x, t_x) pair: H, F_x, then the pair's parts of ∂ln ρ/∂(r, s, α, β). */
const PAIR = 6;

/**
 * Total Pareto/NBD log-likelihood and gradient. Per customer (customer.ts for the notation)
 *   LL = ln C + ln E + ln B,   B = 1 + k′ (ρ − F_T),   ρ = ((α+T)/(α+t_x))^e1 ((β+T)/(β+t_x))^e2 F_x,
 * where k′ = s/(r+s+x) · (1 if α ≥ β, (α+T)/(β+T) otherwise), F_x and F_T are ₂F₁(1, b; c; z) at
 * t_x and T, and 1/B is P(alive). The work is split by what each part depends on:
 * - x only: ln C and the coefficients of F with their b- and c-derivatives (series.ts);
 * - (x, T): ln E, k′, F_T and G = ln k′ + e1 ln(α+T) + e2 ln(β+T);
 * - (x, t_x): F_x (one short series, stopped once a term is below 1e-17 of the sum; about a
 *   dozen terms at CDNOW's estimates) and H = −e1 ln(α+t_x) − e2 ln(β+t_x);
 * - each row: k′ρ = e^(G+H) F_x, then ln B, P = 1/B: one exp, one log1p, one division.
 * The gradient uses ∂ln B = ∂ln k′ (1−P) + Q ∂ln ρ − R ∂ln F_T with Q = k′ρ/B, R = k′F_T/B;
 * ∂ln ρ splits into an (x, T) part and an (x, t_x) part, so rows add only the pair's part,
 * and sums of w(1−P), wR and wQ for the group's. Parameters outside the domain, or with
 * |α−β|/max(α,β) within 1e-6 of 1, give NaN.
 */
export function paretoNbdTotalLikelihood(
  data: FoldedSummary,
): (params: Float64Array, gradient: Float64Array) => number {
  const rows = arrangeRows(data);
  const { distinctX, weightOfX, groupX, groupAge, groupWeight, groupStart } = rows;
  const { pairX, pairRecency, rowPair, rowWeight, minRecency } = rows;
  const nx = distinctX.length;
  const ng = groupX.length;
  const np = pairX.length;
  const xB = new Float64Array(nx);
  const xC = new Float64Array(nx);
  const xE1 = new Float64Array(nx);
  const xE2 = new Float64Array(nx);
  const pair = new Float64Array(np * PAIR);
  let table = new Float64Array(0);
  const sr: OneBSeries = { value: 1, dB: 0, dC: 0, dZ: 0 };

  return (params: Float64Array, gradient: Float64Array): number => {
    const r = params[0]!;
    const alpha = params[1]!;
    const s = params[2]!;
    const beta = params[3]!;
    if (!(r > 0 && alpha > 0 && s > 0 && beta > 0 && Number.isFinite(r + alpha + s + beta))) return NaN;
    const A = alpha >= beta;
    const base = A ? alpha : beta;
    const delta = A ? alpha - beta : beta - alpha;
    const zMax = delta / (base + minRecency);
    if (!(zMax <= MAX_Z)) return NaN;
    const terms = Math.max(2, Math.min(termsFor(Math.min(zMax, SERIES_MAX_Z)), Math.floor(TABLE_SIZE / (nx * STRIDE))));
    if (table.length < nx * terms * STRIDE) table = new Float64Array(nx * terms * STRIDE);
    const stride = terms * STRIDE;
    const lnAlpha = Math.log(alpha);
    const lnBeta = Math.log(beta);
    const lgR = logGamma(r);
    const psiR = digamma(r);
    // Compensated (Kahan) sums: the line search near the optimum compares totals that differ
    // in the 15th digit, so the total must not carry a random walk of round-offs.
    let llX = 0;
    let llGroups = 0;
    let carryGroups = 0;
    let ll = 0;
    let carry = 0;
    let gr = 0;
    let ga = 0;
    let gs = 0;
    let gb = 0;
    // x only: ln C = ln Γ(r+x) − ln Γ(r) + r ln α + s ln β, and the series coefficients.
    for (let k = 0; k < nx; k++) {
      const x = distinctX[k]!;
      const w = weightOfX[k]!;
      llX += w * (logGamma(r + x) - lgR + r * lnAlpha + s * lnBeta);
      gr += w * (digamma(r + x) - psiR + lnAlpha);
      ga += (w * r) / alpha;
      gs += w * lnBeta;
      gb += (w * s) / beta;
      xB[k] = A ? r + x : s + 1;
      xC[k] = r + s + x + 1;
      xE1[k] = A ? r + x : r + x - 1;
      xE2[k] = A ? s : s + 1;
      fillCoefficients(table, k * stride, xB[k]!, xC[k]!, terms);
    }
    // (x, t_x): F_x, H and the pair's parts of ∂ln ρ.
    for (let p = 0, o = 0; p < np; p++, o += PAIR) {
      const k = pairX[p]!;
      const tx = pairRecency[p]!;
      const e1 = xE1[k]!;
      const e2 = xE2[k]!;
      const ia = 1 / (alpha + tx);
      const ib = 1 / (beta + tx);
      const lnAx = Math.log(alpha + tx);
      const lnBx = Math.log(beta + tx);
      const u = A ? ia : ib;
      const z = delta * u;
      seriesFromTable(table, k * stride, terms, xB[k]!, xC[k]!, z, sr);
      const uz = u * (1 - z);
      pair[o] = -e1 * lnAx - e2 * lnBx;
      pair[o + 1] = sr.value;
      pair[o + 2] = -lnAx + (A ? sr.dB : 0) + sr.dC;
      pair[o + 3] = -lnBx + (A ? 0 : sr.dB) + sr.dC;
      pair[o + 4] = -e1 * ia + sr.dZ * (A ? uz : -u);
      pair[o + 5] = -e2 * ib + sr.dZ * (A ? -u : uz);
    }
    for (let g = 0; g < ng; g++) {
      // (x, T): ln E = −(r+x) ln(α+T) − s ln(β+T), F_T, k′, G.
      const k = groupX[g]!;
      const x = distinctX[k]!;
      const T = groupAge[g]!;
      const wg = groupWeight[g]!;
      const lnAT = Math.log(alpha + T);
      const lnBT = Math.log(beta + T);
      const iaT = 1 / (alpha + T);
      const ibT = 1 / (beta + T);
      const termG = -wg * ((r + x) * lnAT + s * lnBT) - carryGroups;
      const nextG = llGroups + termG;
      carryGroups = nextG - llGroups - termG;
      llGroups = nextG;
      gr -= wg * lnAT;
      ga -= wg * (r + x) * iaT;
      gs -= wg * lnBT;
      gb -= wg * s * ibT;
      const uT = A ? iaT : ibT;
      const zT = delta * uT;
      seriesFromTable(table, k * stride, terms, xB[k]!, xC[k]!, zT, sr);
      const m = r + s + x;
      const kp = (s / m) * (A ? 1 : (alpha + T) * ibT);
      const kFT = kp * sr.value;
      const e1 = xE1[k]!;
      const e2 = xE2[k]!;
      const G = Math.log(kp) + e1 * lnAT + e2 * lnBT;
      // Rows: ln B, the pair's part of the gradient; Σ w(1−P), Σ wR, Σ wQ for the group's.
      let sumP = 0;
      let sumR = 0;
      let sumQ = 0;
      const end = groupStart[g + 1]!;
      for (let i = groupStart[g]!; i < end; i++) {
        const o = rowPair[i]! * PAIR;
        const w = rowWeight[i]!;
        const y = G + pair[o]!;
        let lnB: number;
        let P: number;
        if (y < 600) {
          const v = Math.exp(y) * pair[o + 1]! - kFT;
          lnB = Math.log1p(v);
          P = 1 / (1 + v);
        } else {
          const lnKRho = y + Math.log(pair[o + 1]!);
          lnB = lnKRho + Math.log1p((1 - kFT) * Math.exp(-lnKRho));
          P = Math.exp(-lnB);
        }
        const term = w * lnB - carry;
        const next = ll + term;
        carry = next - ll - term;
        ll = next;
        const wP = w * (1 - P);
        const wR = w * kFT * P;
        const wQ = wP + wR;
        sumP += wP;
        sumR += wR;
        sumQ += wQ;
        gr += wQ * pair[o + 2]!;
        gs += wQ * pair[o + 3]!;
        ga += wQ * pair[o + 4]!;
        gb += wQ * pair[o + 5]!;
      }
      // The group's parts: ∂ln k′ (1−P), −∂ln F_T R, and the (x, T) part of ∂ln ρ times Q.
      const uzT = uT * (1 - zT);
      gr += sumQ * lnAT - sumP / m - sumR * ((A ? sr.dB : 0) + sr.dC);
      gs += sumQ * lnBT + sumP * (1 / s - 1 / m) - sumR * ((A ? 0 : sr.dB) + sr.dC);
      ga += sumQ * e1 * iaT + (A ? 0 : sumP * iaT) - sumR * sr.dZ * (A ? uzT : -uT);
      gb += sumQ * e2 * ibT - (A ? 0 : sumP * ibT) - sumR * sr.dZ * (A ? -uT : uzT);
    }
    gradient[0] = gr;
    gradient[1] = ga;
    gradient[2] = gs;
    gradient[3] = gb;
    return llX + (llGroups - carryGroups) + (ll - carry);
  };
}
