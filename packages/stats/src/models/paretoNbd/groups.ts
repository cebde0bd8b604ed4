import { frequencyIndex, type FoldedSummary } from '../../data/summary.js';

/**
 * The rows of a folded summary arranged for the Pareto/NBD likelihood, whose per-customer
 * terms split into parts that depend on x only, on (x, T) only and on (x, t_x) only:
 * - rows are reordered (counting sort) so that each (x, T) group is contiguous;
 * - each row points to its (x, t_x) pair, numbered in that row order, so that with
 *   continuous recencies the pairs are read sequentially, and with recencies on a grid of
 *   days (real data) a few thousand pairs serve hundreds of thousands of rows.
 */
export interface ParetoNbdRows {
  distinctX: Float64Array;
  /** Summed weight of each distinct frequency. */
  weightOfX: Float64Array;
  /** Per (x, T) group: index of x, T, summed weight, and its rows groupStart[g]..groupStart[g+1]. */
  groupX: Int32Array;
  groupAge: Float64Array;
  groupWeight: Float64Array;
  groupStart: Int32Array;
  /** Per (x, t_x) pair: index of x and t_x. */
  pairX: Int32Array;
  pairRecency: Float64Array;
  /** Per row, in group order: its pair and weight. */
  rowPair: Int32Array;
  rowWeight: Float64Array;
  minRecency: number;
}

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);

/**
 * Ids, in order of first appearance, for at most `maxKeys` keys (k, v) — k a small integer,
 * v a double — from an open-addressing hash table over the numbers themselves (a Map with
 * keys that are not small integers costs several times more on a million rows).
 */
function numbering(maxKeys: number): (k: number, v: number) => number {
  let capacity = 1024;
  while (capacity < 2 * maxKeys) capacity *= 2;
  const mask = capacity - 1;
  const slots = new Int32Array(capacity).fill(-1);
  const keyK = new Int32Array(maxKeys);
  const keyV = new Float64Array(maxKeys);
  let size = 0;
  return (k, v) => {
    bits[0] = v === 0 ? 0 : v; // −0 and +0 are one key
    let h = Math.imul(0x811c9dc5 ^ k, 0x01000193);
    h = Math.imul(h ^ words[0]!, 0x01000193);
    h = Math.imul(h ^ words[1]!, 0x01000193);
    h ^= h >>> 16;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const id = slots[slot]!;
      if (id === -1) {
        slots[slot] = size;
        keyK[size] = k;
        keyV[size] = v;
        return size++;
      }
      if (keyK[id] === k && keyV[id] === v) return id;
    }
  };
}

export function arrangeRows(data: FoldedSummary): ParetoNbdRows {
  const { frequency: X, recency: TX, T: TT, weights: W } = data;
  const rows = X.length;
  const { distinct: distinctX, index: xIndex } = frequencyIndex(X);
  const weightOfX = new Float64Array(distinctX.length);
  const groupId = numbering(rows);
  const groupX: number[] = [];
  const groupAge: number[] = [];
  const groupWeight: number[] = [];
  const groupSize: number[] = [];
  const rowGroup = new Int32Array(rows);
  let minRecency = Infinity;
  for (let i = 0; i < rows; i++) {
    const xi = xIndex[i]!;
    weightOfX[xi] = weightOfX[xi]! + W[i]!;
    minRecency = Math.min(minRecency, TX[i]!);
    const g = groupId(xi, TT[i]!);
    if (g === groupX.length) {
      groupX.push(xi);
      groupAge.push(TT[i]!);
      groupWeight.push(0);
      groupSize.push(0);
    }
    groupWeight[g] = groupWeight[g]! + W[i]!;
    groupSize[g] = groupSize[g]! + 1;
    rowGroup[i] = g;
  }
  const groupStart = new Int32Array(groupX.length + 1);
  for (let g = 0; g < groupX.length; g++) groupStart[g + 1] = groupStart[g]! + groupSize[g]!;
  const next = groupStart.slice(0, groupX.length);
  const order = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    const g = rowGroup[i]!;
    order[next[g]!] = i;
    next[g] = next[g]! + 1;
  }
  const pairId = numbering(rows);
  const pairX: number[] = [];
  const pairRecency: number[] = [];
  const rowPair = new Int32Array(rows);
  const rowWeight = new Float64Array(rows);
  for (let j = 0; j < rows; j++) {
    const i = order[j]!;
    const p = pairId(xIndex[i]!, TX[i]!);
    if (p === pairX.length) {
      pairX.push(xIndex[i]!);
      pairRecency.push(TX[i]!);
    }
    rowPair[j] = p;
    rowWeight[j] = W[i]!;
  }
  return {
    distinctX,
    weightOfX,
    groupX: Int32Array.from(groupX),
    groupAge: Float64Array.from(groupAge),
    groupWeight: Float64Array.from(groupWeight),
    groupStart,
    pairX: Int32Array.from(pairX),
    pairRecency: Float64Array.from(pairRecency),
    rowPair,
    rowWeight,
    minRecency: rows > 0 ? minRecency : 0,
  };
}
