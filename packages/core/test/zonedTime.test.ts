import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Temporal } from 'temporal-polyfill';
import { endOfLocalDay, localDateOf, localToInstantConverter, startOfLocalDay } from '../src/time/zonedTime.js';

/** The reference: Temporal itself, with the same disambiguation the converter documents. */
function viaTemporal(timeZone: string, y: number, mo: number, d: number, h: number, mi: number, s: number): number {
  return Temporal.PlainDateTime.from({ year: y, month: mo, day: d, hour: h, minute: mi, second: s }).toZonedDateTime(
    timeZone,
    { disambiguation: 'compatible' },
  ).epochMilliseconds;
}

function everyHourOf(year: number, visit: (y: number, mo: number, d: number, h: number) => void): number {
  let count = 0;
  for (let day = Temporal.PlainDate.from({ year, month: 1, day: 1 }); day.year === year; day = day.add({ days: 1 })) {
    for (let h = 0; h < 24; h++) {
      visit(day.year, day.month, day.day, h);
      count++;
    }
  }
  return count;
}

describe('localToInstantConverter', () => {
  for (const timeZone of ['Asia/Tokyo', 'America/New_York', 'Europe/London']) {
    it(`equals Temporal for every hour of 2024 in ${timeZone} (minutes 0, 30, 59)`, () => {
      const convert = localToInstantConverter(timeZone);
      const mismatches: string[] = [];
      const hours = everyHourOf(2024, (y, mo, d, h) => {
        for (const [mi, s] of [
          [0, 0],
          [30, 15],
          [59, 59],
        ] as const) {
          const expected = viaTemporal(timeZone, y, mo, d, h, mi, s);
          const actual = convert(y, mo, d, h, mi, s).getTime();
          if (actual !== expected) mismatches.push(`${y}-${mo}-${d} ${h}:${mi}:${s}`);
        }
      });
      assert.equal(hours, 366 * 24);
      assert.deepEqual(mismatches, []);
    });
  }

  it('Tokyo is always UTC+9', () => {
    const convert = localToInstantConverter('Asia/Tokyo');
    assert.equal(convert(2025, 1, 2, 0, 30, 0).toISOString(), '2025-01-01T15:30:00.000Z');
    assert.equal(convert(2024, 7, 1, 9, 0, 0).toISOString(), '2024-07-01T00:00:00.000Z');
  });

  it('New York: a time skipped by the spring change moves forward by an hour', () => {
    const convert = localToInstantConverter('America/New_York');
    // 2024-03-10 02:00 EST became 03:00 EDT; 02:30 never happened on the wall clock.
    assert.equal(convert(2024, 3, 10, 2, 30, 0).toISOString(), '2024-03-10T07:30:00.000Z');
    assert.equal(convert(2024, 3, 10, 1, 59, 59).toISOString(), '2024-03-10T06:59:59.000Z');
    assert.equal(convert(2024, 3, 10, 3, 0, 0).toISOString(), '2024-03-10T07:00:00.000Z');
  });

  it('New York: a time repeated by the autumn change is the earlier one', () => {
    const convert = localToInstantConverter('America/New_York');
    // 2024-11-03 01:30 happened twice: EDT (05:30Z) and EST (06:30Z).
    assert.equal(convert(2024, 11, 3, 1, 30, 0).toISOString(), '2024-11-03T05:30:00.000Z');
    assert.equal(convert(2024, 11, 3, 2, 0, 0).toISOString(), '2024-11-03T07:00:00.000Z');
  });

  it('London: GMT in winter, BST in summer, gap at 01:00 in March', () => {
    const convert = localToInstantConverter('Europe/London');
    assert.equal(convert(2024, 1, 15, 12, 0, 0).toISOString(), '2024-01-15T12:00:00.000Z');
    assert.equal(convert(2024, 7, 15, 12, 0, 0).toISOString(), '2024-07-15T11:00:00.000Z');
    assert.equal(convert(2024, 3, 31, 1, 30, 0).toISOString(), '2024-03-31T01:30:00.000Z');
    assert.equal(convert(2024, 10, 27, 1, 30, 0).toISOString(), '2024-10-27T00:30:00.000Z');
  });

  it('gives the same answer from a warm cache as from a cold one', () => {
    const warm = localToInstantConverter('America/New_York');
    for (let m = 0; m < 60; m++) warm(2024, 11, 3, 1, m, 0);
    const cold = localToInstantConverter('America/New_York');
    assert.equal(warm(2024, 11, 3, 1, 45, 30).getTime(), cold(2024, 11, 3, 1, 45, 30).getTime());
  });
});

describe('local calendar days', () => {
  it('a Tokyo day runs from 15:00Z the day before', () => {
    assert.equal(startOfLocalDay('2025-01-02', 'Asia/Tokyo').toISOString(), '2025-01-01T15:00:00.000Z');
    assert.equal(endOfLocalDay('2025-01-02', 'Asia/Tokyo').toISOString(), '2025-01-02T15:00:00.000Z');
  });

  it('a visit at 2025-01-01T15:30Z belongs to 2 January in Tokyo', () => {
    const instant = new Date('2025-01-01T15:30:00Z');
    assert.equal(localDateOf(instant, 'Asia/Tokyo'), '2025-01-02');
    assert.ok(instant >= startOfLocalDay('2025-01-02', 'Asia/Tokyo'));
    assert.ok(instant < endOfLocalDay('2025-01-02', 'Asia/Tokyo'));
    assert.equal(localDateOf(instant, 'UTC'), '2025-01-01');
  });

  it('DST days in New York last 23 and 25 hours', () => {
    const hours = (date: string) =>
      (endOfLocalDay(date, 'America/New_York').getTime() - startOfLocalDay(date, 'America/New_York').getTime()) /
      3600_000;
    assert.equal(hours('2024-03-10'), 23);
    assert.equal(hours('2024-11-03'), 25);
    assert.equal(hours('2024-07-01'), 24);
    assert.equal(startOfLocalDay('2024-03-10', 'America/New_York').toISOString(), '2024-03-10T05:00:00.000Z');
    assert.equal(endOfLocalDay('2024-03-10', 'America/New_York').toISOString(), '2024-03-11T04:00:00.000Z');
  });

  it('a day whose midnight was skipped starts at the first instant that existed', () => {
    // São Paulo moved its clocks from 00:00 to 01:00 on 2018-11-04.
    assert.equal(startOfLocalDay('2018-11-04', 'America/Sao_Paulo').toISOString(), '2018-11-04T03:00:00.000Z');
    assert.equal(localDateOf(startOfLocalDay('2018-11-04', 'America/Sao_Paulo'), 'America/Sao_Paulo'), '2018-11-04');
  });

  it('consecutive days tile time with no gap or overlap', () => {
    for (const zone of ['Asia/Tokyo', 'America/New_York', 'Europe/London']) {
      let day = Temporal.PlainDate.from('2024-01-01');
      for (let i = 0; i < 366; i++) {
        const next = day.add({ days: 1 });
        assert.equal(
          endOfLocalDay(day.toString(), zone).getTime(),
          startOfLocalDay(next.toString(), zone).getTime(),
          `${zone} ${day.toString()}`,
        );
        day = next;
      }
    }
  });
});
