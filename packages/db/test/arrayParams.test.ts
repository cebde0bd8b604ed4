import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { arrayEncodingOf } from '../src/database.js';
import { arrayParam, type ArrayEncoding } from '../src/bulk/visitRows.js';
import { columnLiteral } from '../src/bulk/arrayLiteral.js';
import { binaryArray } from '../src/bulk/binaryArray.js';
import { engines, openTestDatabase, type TestDatabase } from '../src/testing/index.js';

const texts = [
  'plain',
  '山田 花子',
  '',
  ' leading and trailing ',
  'NULL',
  'null',
  'Nul',
  'a,b',
  '{braces}',
  'say "hi"',
  'back\\slash',
  'tab\there',
  'line\nbreak',
  '\u3000全角スペース',
  '絵文字 💇‍♀️',
  null,
];
const ints = [0, -5500, 2_147_483_647, -2_147_483_648, null];
const smallInts = [0, 1, -32_768, 32_767];
const instants = [
  new Date('2025-01-05T05:00:00.000Z'),
  new Date('1999-12-31T23:59:59.999Z'),
  new Date('2000-01-01T00:00:00.000Z'),
  new Date('1970-01-01T00:00:00.001Z'),
  new Date('2038-01-19T03:14:08.123Z'),
  null,
];
const ids = ['0190a6f2-1c2b-7d3e-8f40-123456789abc', 'FFFFFFFF-0000-4000-8000-00000000000A', null];

for (const engine of engines) {
  describe(`bulk array parameters on ${engine}`, () => {
    let t: TestDatabase;
    before(async () => {
      t = await openTestDatabase(engine, { migrate: false });
    });
    after(() => t.drop());

    it('travel as binary to the PostgreSQL server and as text to PGlite', () => {
      assert.equal(arrayEncodingOf(t.db.orm), engine === 'postgres' ? 'binary' : 'text');
    });

    const encodings: ArrayEncoding[] = engine === 'postgres' ? ['binary', 'text'] : ['text'];
    for (const encoding of encodings) {
      it(`bring every value back as it was, nulls as nulls (${encoding})`, async () => {
        const identity = <T>(v: T) => v as string | number | Date | null;
        const [row] = await t.db.query<{
          texts: (string | null)[];
          ints: (number | null)[];
          small: number[];
          instants: (Date | null)[];
          ids: (string | null)[];
        }>(
          'select $1::text[] as texts, $2::int4[] as ints, $3::int2[] as small, $4::timestamptz[] as instants, $5::uuid[] as ids',
          [
            arrayParam(encoding, 'text', texts, identity),
            arrayParam(encoding, 'int4', ints, identity),
            arrayParam(encoding, 'int2', smallInts, identity),
            arrayParam(encoding, 'timestamptz', instants, identity),
            arrayParam(encoding, 'uuid', ids, identity),
          ],
        );
        assert.deepEqual(row?.texts, texts);
        assert.deepEqual(row?.ints, ints);
        assert.deepEqual(row?.small, smallInts);
        assert.deepEqual(
          row?.instants.map((d) => (d === null ? null : new Date(d).toISOString())),
          instants.map((d) => d?.toISOString() ?? null),
        );
        assert.deepEqual(
          row?.ids,
          ids.map((id) => id?.toLowerCase() ?? null),
        );
      });
    }
  });
}

describe('bulk array parameters refuse what they cannot carry exactly', () => {
  it('a fractional number, rather than round money', () => {
    assert.throws(() => columnLiteral([1.5], (v) => v), /not an integer/);
    assert.throws(() => binaryArray('int4', [1.5], (v) => v), /not an integer/);
  });

  it('a malformed id or instant', () => {
    for (const bad of [
      '0190a6f2-1c2b-7d3e-8f40-123456789ab',
      '0190a6f2-1c2b-7d3e-8f40-123456789abcd',
      'g190a6f2-1c2b-7d3e-8f40-123456789abc',
    ])
      assert.throws(() => binaryArray('uuid', [bad], (v) => v), /not a uuid/);
    assert.throws(() => binaryArray('timestamptz', [new Date(Number.NaN)], (v) => v), /not an instant/);
  });
});
