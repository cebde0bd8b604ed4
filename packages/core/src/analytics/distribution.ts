/**
 * A histogram for a skewed amount (CLV, revenue): equal-width bins up to the 99th percentile,
 * so one whale does not squash every other bar into the first bin, and one last bin for the
 * rest. Bin edges are rounded to a "nice" step (1, 2 or 5 × 10^k).
 */
export interface HistogramBin {
  from: number;
  /** Exclusive upper edge; null for the open last bin. */
  to: number | null;
  count: number;
}

function niceStep(raw: number): number {
  if (!(raw > 0)) return 1;
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  const fraction = raw / power;
  return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
}

export function histogram(values: ArrayLike<number>, bins = 12): HistogramBin[] {
  const sorted = Float64Array.from(values)
    .filter((v) => Number.isFinite(v))
    .sort();
  if (sorted.length === 0) return [];
  const low = Math.min(0, sorted[0]!);
  const p99 = sorted[Math.min(sorted.length - 1, Math.floor(0.99 * (sorted.length - 1)))]!;
  const step = niceStep((p99 - low) / bins);
  const start = Math.floor(low / step) * step;
  const count = Math.max(1, Math.ceil((p99 - start) / step + 1e-9));
  const result: HistogramBin[] = Array.from({ length: count }, (_, k) => ({
    from: start + k * step,
    to: start + (k + 1) * step,
    count: 0,
  }));
  const last = start + count * step;
  let overflow = 0;
  for (const v of sorted) {
    if (v >= last) overflow++;
    else result[Math.floor((v - start) / step)]!.count++;
  }
  if (overflow > 0) result.push({ from: last, to: null, count: overflow });
  return result;
}
