import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  checkSummary,
  fitBgNbd,
  fitGammaGamma,
  fitMbgNbd,
  fitParetoNbd,
  InvalidSummaryError,
  type RfmSummary,
  type SummaryIssue,
} from '../src/index.js';

interface Row {
  frequency: number;
  recency: number;
  T: number;
  monetary?: number;
  weight?: number;
}

const valid: Row = { frequency: 2, recency: 10, T: 30, monetary: 1200, weight: 1 };

/** One bad row each, and the exact (field, code) pairs it must produce: no more, no fewer. */
const badRows: { name: string; row: Row; expected: Pick<SummaryIssue, 'field' | 'code'>[] }[] = [
  {
    name: 'last purchase after the end of observation',
    row: { ...valid, recency: 31 },
    expected: [{ field: 'recency', code: 'RECENCY_AFTER_T' }],
  },
  {
    name: 'recency without a repeat purchase',
    row: { ...valid, frequency: 0, recency: 5 },
    expected: [{ field: 'recency', code: 'RECENCY_WITHOUT_FREQUENCY' }],
  },
  {
    name: 'fractional frequency',
    row: { ...valid, frequency: 1.5 },
    expected: [{ field: 'frequency', code: 'NOT_INTEGER' }],
  },
  {
    name: 'negative frequency',
    row: { ...valid, frequency: -1 },
    expected: [{ field: 'frequency', code: 'NEGATIVE' }],
  },
  {
    name: 'negative recency',
    row: { ...valid, recency: -2 },
    expected: [{ field: 'recency', code: 'NEGATIVE' }],
  },
  {
    name: 'negative age with recency after it',
    row: { ...valid, recency: 0, frequency: 0, T: -1 },
    expected: [
      { field: 'T', code: 'NEGATIVE' },
      { field: 'recency', code: 'RECENCY_AFTER_T' },
    ],
  },
  {
    name: 'zero spend for a repeat customer',
    row: { ...valid, monetary: 0 },
    expected: [{ field: 'monetary', code: 'NON_POSITIVE_SPEND' }],
  },
  {
    name: 'NaN spend for a repeat customer',
    row: { ...valid, monetary: Number.NaN },
    expected: [{ field: 'monetary', code: 'NON_POSITIVE_SPEND' }],
  },
  {
    name: 'NaN frequency',
    row: { ...valid, frequency: Number.NaN },
    expected: [{ field: 'frequency', code: 'NOT_FINITE' }],
  },
  {
    name: 'infinite age',
    row: { ...valid, T: Number.POSITIVE_INFINITY },
    expected: [{ field: 'T', code: 'NOT_FINITE' }],
  },
  {
    name: 'negative weight',
    row: { ...valid, weight: -3 },
    expected: [{ field: 'weights', code: 'NEGATIVE' }],
  },
  {
    name: 'several problems in one row',
    row: { frequency: 0.5, recency: 40, T: 30, monetary: -1, weight: 1 },
    expected: [
      { field: 'frequency', code: 'NOT_INTEGER' },
      { field: 'recency', code: 'RECENCY_AFTER_T' },
      { field: 'monetary', code: 'NON_POSITIVE_SPEND' },
    ],
  },
];

function summaryOf(rows: Row[]): Required<RfmSummary> {
  return {
    frequency: rows.map((r) => r.frequency),
    recency: rows.map((r) => r.recency),
    T: rows.map((r) => r.T),
    monetary: rows.map((r) => r.monetary ?? 0),
    weights: rows.map((r) => r.weight ?? 1),
  };
}

const codesOf = (issues: SummaryIssue[]) => issues.map(({ row, field, code }) => ({ row, field, code }));

describe('checkSummary: every bad row gets its exact code', () => {
  for (const { name, row, expected } of badRows) {
    it(name, () => {
      const issues = checkSummary(summaryOf([valid, row, valid]));
      assert.deepEqual(
        codesOf(issues),
        expected.map((e) => ({ row: 1, ...e })),
      );
      for (const issue of issues) assert.ok(issue.message.length > 0, 'each issue explains itself');
    });
  }

  it('a customer without repeat purchases needs no spend', () => {
    assert.deepEqual(checkSummary(summaryOf([{ frequency: 0, recency: 0, T: 12, monetary: 0 }])), []);
  });

  it('reports every bad row of a summary, in row order, not only the first', () => {
    const rows = [valid, ...badRows.map((b) => b.row), valid];
    const issues = checkSummary(summaryOf(rows));
    const expected = badRows.flatMap((b, i) => b.expected.map((e) => ({ row: i + 1, ...e })));
    assert.deepEqual(codesOf(issues), expected);
  });

  it('refuses columns of different lengths before looking at rows', () => {
    const issues = checkSummary({ frequency: [1, 2, 3], recency: [1, 2], T: [5, 5, 5], weights: [1] });
    assert.deepEqual(codesOf(issues), [
      { row: -1, field: 'recency', code: 'LENGTH_MISMATCH' },
      { row: -1, field: 'weights', code: 'LENGTH_MISMATCH' },
    ]);
  });

  it('names a missing spend column when spend is required', () => {
    const issues = checkSummary({ frequency: [1], recency: [1], T: [2] }, { requireMonetary: true });
    assert.deepEqual(codesOf(issues), [{ row: -1, field: 'monetary', code: 'MISSING_COLUMN' }]);
  });
});

describe('fits refuse invalid summaries with every issue attached', () => {
  const rows = [valid, badRows[0]!.row, valid, badRows[2]!.row, badRows[10]!.row, valid];
  const expected = [
    { row: 1, field: 'recency', code: 'RECENCY_AFTER_T' },
    { row: 3, field: 'frequency', code: 'NOT_INTEGER' },
    { row: 4, field: 'weights', code: 'NEGATIVE' },
  ];
  const { monetary: _spend, ...timesOnly } = summaryOf(rows);

  for (const [name, fit] of [
    ['BG/NBD', () => fitBgNbd(timesOnly)],
    ['MBG/NBD', () => fitMbgNbd(timesOnly)],
    ['Pareto/NBD', () => fitParetoNbd(timesOnly)],
  ] as const) {
    it(name, () => {
      assert.throws(fit, (error: unknown) => {
        assert.ok(error instanceof InvalidSummaryError);
        assert.deepEqual(codesOf(error.issues), expected);
        assert.match(error.message, /^3 invalid row\(s\): row 1 recency/);
        return true;
      });
    });
  }

  it('Gamma-Gamma reports bad spend together with bad counts', () => {
    const spendRows = [valid, { ...valid, monetary: -5 }, { ...valid, frequency: -1 }];
    assert.throws(
      () => fitGammaGamma(summaryOf(spendRows)),
      (error: unknown) => {
        assert.ok(error instanceof InvalidSummaryError);
        assert.deepEqual(codesOf(error.issues), [
          { row: 1, field: 'monetary', code: 'NON_POSITIVE_SPEND' },
          { row: 2, field: 'frequency', code: 'NEGATIVE' },
        ]);
        return true;
      },
    );
  });
});
