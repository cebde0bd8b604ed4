import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { logFactorial, logGamma } from '../src/index.js';

function close(actual: number, expected: number, tol = 1e-12): void {
  assert.ok(Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected)), `${actual} vs ${expected}`);
}

describe('logGamma', () => {
  it('matches factorials at integers', () => {
    let logFact = 0;
    for (let n = 1; n <= 30; n++) {
      close(logGamma(n), logFact);
      logFact += Math.log(n);
    }
    close(logFactorial(10), Math.log(3628800));
  });

  it('matches known half-integer and small values', () => {
    close(logGamma(0.5), 0.5 * Math.log(Math.PI));
    close(logGamma(1.5), Math.log(Math.sqrt(Math.PI) / 2));
    close(logGamma(0.1), Math.log(9.513507698668732));
    close(logGamma(-0.5), Math.log(2 * Math.sqrt(Math.PI)));
  });

  it('stays accurate for large arguments (Stirling)', () => {
    const x = 1e6;
    const stirling = (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x);
    close(logGamma(x), stirling, 1e-13);
  });

  it('is infinite at the poles', () => {
    assert.equal(logGamma(0), Infinity);
    assert.equal(logGamma(-3), Infinity);
    assert.ok(Number.isNaN(logGamma(Number.NaN)));
  });
});
