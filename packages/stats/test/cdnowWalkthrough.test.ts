import assert from 'node:assert/strict';
import { it } from 'node:test';
import { runCdnowWalkthrough } from '../examples/cdnow.js';

it('runs the README walkthrough on CDNOW end to end', () => {
  const lines: string[] = [];
  const { bg, pareto, spendModel, clv } = runCdnowWalkthrough((line) => lines.push(line));
  assert.equal(lines.length, 9);
  assert.equal(bg.logLik.toFixed(1), '-9582.4');
  assert.equal(pareto.logLik.toFixed(1), '-9595.0');
  assert.equal(spendModel.params.p.toFixed(2), '6.25');
  assert.equal(clv.length, 2357);
  assert.match(lines.find((l) => l.startsWith('customer 1516')) ?? '', /P\(alive\) 0\.9689, expected 25\.76/);
});
