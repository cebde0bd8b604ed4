import assert from 'node:assert/strict';

/**
 * Parameter recovery: fitted parameters on data simulated from known ones must land within
 * a tolerance that tightens as the sample grows (roughly 1/√N).
 */
export function assertRecovered(
  label: string,
  truth: Record<string, number>,
  fitted: Record<string, number>,
  relativeTolerance: number,
): void {
  for (const [name, value] of Object.entries(truth)) {
    const got = fitted[name]!;
    const error = Math.abs(got - value) / Math.abs(value);
    assert.ok(
      error <= relativeTolerance,
      `${label}: ${name} ${got} vs ${value} (${(100 * error).toFixed(1)}% > ${100 * relativeTolerance}%)`,
    );
  }
}
