import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { civilFromEpochDay, epochDayFromCivil, parseDay } from '../src/data/dates.js';
import {
  calibrationAndHoldout,
  rfmFromTransactions,
  type TransactionColumns,
  type TransactionRow,
} from '../src/data/transactions.js';
import { cdnowSampleTransactions, cdnowSummary } from './support/cdnow.js';

const JAN_3_2024 = 19725; // epoch day of 2024-01-03

/**
 * A: first day 2024-01-01 bought twice (10 + 5, one transaction), then 01-08 (20) and 01-22 (30).
 * B: one purchase on 01-15.
 * C: 01-03 twice (once as a string, once as an epoch day: one transaction), then 01-29 (12).
 * D: first purchase 01-20, then 01-25.
 */
const log: TransactionRow[] = [
  { id: 'A', date: '2024-01-01', amount: 10 },
  { id: 'C', date: '2024-01-03', amount: 7 },
  { id: 'A', date: '2024-01-22', amount: 30 },
  { id: 'B', date: '2024-01-15', amount: 40 },
  { id: 'A', date: '2024-01-08', amount: 20 },
  { id: 'C', date: JAN_3_2024, amount: 3 },
  { id: 'A', date: '2024-01-01', amount: 5 },
  { id: 'D', date: '2024-01-20', amount: 9 },
  { id: 'C', date: '2024-01-29', amount: 12 },
  { id: 'D', date: '2024-01-25', amount: 11 },
];

const columns = (rows: TransactionRow[]): TransactionColumns => ({
  id: rows.map((r) => r.id),
  date: rows.map((r) => r.date),
  amount: rows.map((r) => r.amount!),
});

describe('rfmFromTransactions', () => {
  it('builds frequency, recency, T and mean repeat spend by hand, merging same-day purchases (days)', () => {
    const result = rfmFromTransactions(log, { unit: 'day', observationEnd: '2024-01-29' });
    assert.ok(result.ok);
    const s = result.summary;
    assert.deepEqual(s.id, ['A', 'C', 'B', 'D']);
    assert.deepEqual(Array.from(s.frequency), [2, 1, 0, 1]);
    assert.deepEqual(Array.from(s.recency), [21, 26, 0, 5]);
    assert.deepEqual(Array.from(s.T), [28, 26, 14, 9]);
    // A: repeats 20 and 30; C: 12; B none; D: 11. The first day (A's 10 + 5) is not counted.
    assert.deepEqual(Array.from(s.monetary!), [25, 12, 0, 11]);
    assert.deepEqual(Array.from(s.firstPurchaseDay), [19723, JAN_3_2024, 19723 + 14, 19723 + 19]);
    assert.equal(s.observationEndDay, 19723 + 28);
    assert.equal(s.unit, 'day');
  });

  it('measures weeks as days / 7 and reads columns like rows', () => {
    const result = rfmFromTransactions(columns(log), { unit: 'week', observationEnd: '2024-01-29' });
    assert.ok(result.ok);
    assert.deepEqual(Array.from(result.summary.recency), [3, 26 / 7, 0, 5 / 7]);
    assert.deepEqual(Array.from(result.summary.T), [4, 26 / 7, 2, 9 / 7]);
  });

  it('defaults the observation end to the last transaction day and omits monetary without amounts', () => {
    const result = rfmFromTransactions(
      log.map(({ id, date }) => ({ id, date })),
      { unit: 'day' },
    );
    assert.ok(result.ok);
    assert.equal(result.summary.observationEndDay, 19723 + 28);
    assert.equal(result.summary.monetary, undefined);
    assert.deepEqual(Array.from(result.summary.frequency), [2, 1, 0, 1]);
  });

  it('returns every issue with its row: date format, amount, dates outside the observation window, ids', () => {
    const bad: TransactionRow[] = [
      { id: 'A', date: '2024-01-01', amount: 10 },
      { id: 'A', date: '01/02/2024', amount: 10 },
      { id: 'B', date: '2024-02-30', amount: 10 },
      { id: 'B', date: 19723.5, amount: 10 },
      { id: 'C', date: '2024-01-05', amount: -3 },
      { id: 'C', date: '2024-01-06', amount: NaN },
      { id: 'C', date: '2024-01-07', amount: Infinity },
      { id: 'D', date: '2024-03-01', amount: 1 },
      { id: '', date: '2024-01-02', amount: 1 },
      { id: 'E', date: '2023-12-31', amount: 1 },
      { id: 'E', date: '2024-01-02' },
    ];
    const result = rfmFromTransactions(bad, {
      unit: 'day',
      observationEnd: '2024-01-31',
      observationStart: '2024-01-01',
    });
    assert.ok(!result.ok);
    assert.deepEqual(
      result.issues.map((i) => [i.row, i.field, i.code]),
      [
        [1, 'date', 'UNKNOWN_DATE_FORMAT'],
        [2, 'date', 'UNKNOWN_DATE_FORMAT'],
        [3, 'date', 'UNKNOWN_DATE_FORMAT'],
        [4, 'amount', 'NEGATIVE_AMOUNT'],
        [5, 'amount', 'NON_FINITE_AMOUNT'],
        [6, 'amount', 'NON_FINITE_AMOUNT'],
        [7, 'date', 'DATE_AFTER_OBSERVATION_END'],
        [8, 'id', 'MISSING_ID'],
        [9, 'date', 'DATE_BEFORE_OBSERVATION_START'],
        [10, 'amount', 'NON_FINITE_AMOUNT'],
      ],
    );
    for (const issue of result.issues) assert.ok(issue.message.length > 0);
  });

  it('reports bad options and columns of different lengths', () => {
    const options = rfmFromTransactions(log, { unit: 'month' as 'day', observationEnd: '2024/01/29' });
    assert.ok(!options.ok);
    assert.deepEqual(
      options.issues.map((i) => [i.row, i.field, i.code]),
      [
        [-1, 'options', 'INVALID_OPTION'],
        [-1, 'options', 'UNKNOWN_DATE_FORMAT'],
      ],
    );
    const ragged = rfmFromTransactions({ id: ['A', 'B'], date: ['2024-01-01'], amount: [1, 2] }, { unit: 'day' });
    assert.ok(!ragged.ok);
    assert.deepEqual(
      ragged.issues.map((i) => i.code),
      ['LENGTH_MISMATCH'],
    );
  });

  it('handles an empty log', () => {
    const result = rfmFromTransactions([], { unit: 'week', observationEnd: '2024-01-01' });
    assert.ok(result.ok);
    assert.equal(result.summary.frequency.length, 0);
  });
});

describe('calibrationAndHoldout', () => {
  it('splits at the calibration end by hand: calibration summary, holdout repeats and duration', () => {
    const result = calibrationAndHoldout(log, {
      unit: 'day',
      calibrationEnd: '2024-01-15',
      observationEnd: '2024-01-29',
    });
    assert.ok(result.ok);
    const { calibration: c, holdout: h } = result;
    // D's first purchase (01-20) is in the holdout: left out.
    assert.deepEqual(c.id, ['A', 'C', 'B']);
    assert.equal(result.excludedCustomers, 1);
    assert.deepEqual(Array.from(c.frequency), [1, 0, 0]);
    assert.deepEqual(Array.from(c.recency), [7, 0, 0]);
    assert.deepEqual(Array.from(c.T), [14, 12, 0]);
    assert.deepEqual(Array.from(c.monetary!), [20, 0, 0]);
    assert.deepEqual(Array.from(h.frequency), [1, 1, 0]);
    assert.deepEqual(Array.from(h.monetary!), [30, 12, 0]);
    assert.equal(h.duration, 14);
    // Every repeat purchase day of A, C, B through the observation end.
    assert.deepEqual(Array.from(result.repeatTransactionDays), [19723 + 7, 19723 + 21, 19723 + 28]);
    assert.equal(result.calibrationEndDay, 19723 + 14);
    assert.equal(result.observationStartDay, 19723);
  });

  it('reports a calibration end after the observation end and dates after the observation end', () => {
    const result = calibrationAndHoldout(log, {
      unit: 'week',
      calibrationEnd: '2024-02-01',
      observationEnd: '2024-01-25',
    });
    assert.ok(!result.ok);
    assert.deepEqual(
      result.issues.map((i) => [i.row, i.code]),
      [
        [-1, 'INVALID_OPTION'],
        [8, 'DATE_AFTER_OBSERVATION_END'],
      ],
    );
  });

  it('rebuilds the CDNOW summary file from the raw sample log (weeks, calibration end 1997-09-30)', () => {
    const result = calibrationAndHoldout(cdnowSampleTransactions(), {
      unit: 'week',
      calibrationEnd: '1997-09-30',
      observationEnd: '1998-06-30',
      observationStart: '1997-01-01',
    });
    assert.ok(result.ok);
    const built = result.calibration;
    const file = cdnowSummary();
    assert.equal(built.id.length, 2357);
    assert.equal(result.excludedCustomers, 0);
    const rounding = 0.005 + 1e-9; // the file prints 2 decimals
    for (let i = 0; i < 2357; i++) {
      assert.equal(Number(built.id[i]), Number(file.id[i]));
      assert.equal(built.frequency[i], file.frequency[i], `customer ${file.id[i]} x`);
      assert.ok(Math.abs(built.recency[i]! - file.recency[i]!) <= rounding, `customer ${file.id[i]} t_x`);
      assert.ok(Math.abs(built.T[i]! - file.T[i]!) <= rounding, `customer ${file.id[i]} T`);
      assert.ok(Math.abs(built.monetary![i]! - file.monetary[i]!) <= rounding, `customer ${file.id[i]} zbar`);
    }
    // 2,457 repeat transactions in weeks 1–39 and 1,882 in weeks 40–78; 39-week holdout.
    assert.equal(
      built.frequency.reduce((a, b) => a + b, 0),
      2457,
    );
    assert.equal(
      result.holdout.frequency.reduce((a, b) => a + b, 0),
      1882,
    );
    assert.equal(result.holdout.duration, 39);
    assert.equal(result.repeatTransactionDays.length, 2457 + 1882);
  });

  it('gives the same calibration summary as rfmFromTransactions on the calibration rows', () => {
    const all = cdnowSampleTransactions();
    const split = calibrationAndHoldout(all, { unit: 'week', calibrationEnd: '1997-09-30' });
    const direct = rfmFromTransactions(
      all.filter((r) => r.date <= '1997-09-30'),
      { unit: 'week', observationEnd: '1997-09-30' },
    );
    assert.ok(split.ok && direct.ok);
    assert.deepEqual(split.calibration, direct.summary);
  });
});

describe('calendar days', () => {
  it('converts known dates and round-trips every day of four centuries', () => {
    assert.equal(parseDay('1970-01-01'), 0);
    assert.equal(parseDay('1969-12-31'), -1);
    assert.equal(parseDay('1997-01-01'), 9862);
    assert.equal(parseDay('2000-02-29'), 11016);
    assert.equal(parseDay('2000-03-01'), 11017);
    assert.equal(parseDay('1900-03-01'), -25508);
    assert.equal(parseDay('0001-01-01'), -719162);
    assert.equal(parseDay('9999-12-31'), 2932896);
    assert.equal(parseDay('1900-02-29'), null);
    assert.equal(parseDay('2023-13-01'), null);
    assert.equal(parseDay('2023-1-01'), null);
    assert.equal(parseDay(12.5), null);
    assert.equal(parseDay(42), 42);
    assert.equal(parseDay(1_700_000_000_000), null); // epoch milliseconds, not days
    assert.equal(parseDay(epochDayFromCivil(0, 1, 1)), -719528);
    assert.equal(parseDay(-719529), null);
    assert.equal(parseDay('0000-01-01'), -719528);
    for (let day = epochDayFromCivil(1800, 1, 1); day <= epochDayFromCivil(2200, 12, 31); day++)
      assert.equal(parseDay(civilFromEpochDay(day)), day);
  });
});
