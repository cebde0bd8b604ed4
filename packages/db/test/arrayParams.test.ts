import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { columnLiteral } from '../src/bulk/arrayLiteral.js';
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
  null,
];

for (const engine of engines) {
  describe(`array literals on ${engine}`, () => {
    let t: TestDatabase;
    before(async () => {
      t = await openTestDatabase(engine, { migrate: false });
    });
    after(() => t.drop());

    it('bring every text back as it was, nulls as nulls', async () => {
      const rows = await t.db.query<{ value: string | null }>('select unnest($1::text[]) as value', [
        columnLiteral(texts, (v) => v),
      ]);
      assert.deepEqual(
        rows.map((r) => r.value),
        texts,
      );
    });

    it('bring integers, instants and ids back as they were', async () => {
      const instants = [new Date('2025-01-05T05:00:00.000Z'), new Date('1999-12-31T23:59:59.999Z')];
      const ids = ['0190a6f2-1c2b-7d3e-8f40-123456789abc', null];
      const [row] = await t.db.query<{ ints: number[]; instants: Date[]; ids: (string | null)[] }>(
        'select $1::int[] as ints, $2::timestamptz[] as instants, $3::uuid[] as ids',
        [
          columnLiteral([0, -5500, 2_147_483_647], (v) => v),
          columnLiteral(instants, (v) => v),
          columnLiteral(ids, (v) => v),
        ],
      );
      assert.deepEqual(row?.ints, [0, -5500, 2_147_483_647]);
      assert.deepEqual(
        row?.instants.map((d) => new Date(d).toISOString()),
        instants.map((d) => d.toISOString()),
      );
      assert.deepEqual(row?.ids, ids);
    });

    it('refuses a fractional number rather than round money', () => {
      assert.throws(() => columnLiteral([1.5], (v) => v), /not an integer/);
    });
  });
}
