import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { CsvSyntaxError, CsvTokenizer, MAX_RECORD_CHARS } from '../src/imports/csvTokenizer.js';

/** Feeds `text` in pieces of the given sizes (cycled), as a stream would. */
function tokenize(text: string, sizes: number[] = [text.length || 1]): string[][] {
  const tokenizer = new CsvTokenizer();
  const records: string[][] = [];
  for (let i = 0, k = 0; i < text.length; k++) {
    const size = sizes[k % sizes.length]!;
    records.push(...tokenizer.push(text.slice(i, i + size)));
    i += size;
  }
  records.push(...tokenizer.end());
  return records;
}

function syntaxError(text: string, sizes?: number[]): CsvSyntaxError {
  try {
    tokenize(text, sizes);
  } catch (err) {
    if (err instanceof CsvSyntaxError) return err;
    throw err;
  }
  assert.fail(`no syntax error for ${JSON.stringify(text)}`);
}

/** A deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  return (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
}

function quoted(field: string): string {
  return /[",\r\n]/.test(field) || field === '' ? `"${field.replace(/"/g, '""')}"` : field;
}

describe('CSV tokenizer', () => {
  it('reads plain, quoted and empty fields with any line end', () => {
    assert.deepEqual(tokenize('a,b\r\nc,d\r\n\r\ne,f'), [['a', 'b'], ['c', 'd'], [''], ['e', 'f']]);
    assert.deepEqual(tokenize('a,b\rc,d\r'), [
      ['a', 'b'],
      ['c', 'd'],
    ]);
    assert.deepEqual(tokenize('a,"b\nc"\n"x""y",z'), [
      ['a', 'b\nc'],
      ['x"y', 'z'],
    ]);
    assert.deepEqual(tokenize('a,b,\n,,\n'), [
      ['a', 'b', ''],
      ['', '', ''],
    ]);
    assert.deepEqual(tokenize('a,b\n"",""\r\n"q"'), [['a', 'b'], ['', ''], ['q']]);
    assert.deepEqual(tokenize(''), []);
  });

  it('keeps a lone carriage return inside a line of a file that ends lines with line feeds', () => {
    assert.deepEqual(tokenize('a,b\nc\rd,e\n'), [
      ['a', 'b'],
      ['c\rd', 'e'],
    ]);
  });

  it('takes tabs as the delimiter when the header has tabs and no comma', () => {
    assert.deepEqual(tokenize('氏名\t電話番号\n山田, 花子\t090\n'), [
      ['氏名', '電話番号'],
      ['山田, 花子', '090'],
    ]);
    assert.deepEqual(tokenize('a\tb,c\nd\te,f\n'), [
      ['a\tb', 'c'],
      ['d\te', 'f'],
    ]);
  });

  it('keeps a quote inside an unquoted field as text, as spreadsheets do', () => {
    assert.deepEqual(tokenize('name,size\nウィッグ 14",1\n "ab",2\n'), [
      ['name', 'size'],
      ['ウィッグ 14"', '1'],
      [' "ab"', '2'],
    ]);
  });

  it('gives the same records whatever the chunk boundaries', () => {
    const text = '伝票,"メモ ""特記""",金額\r\nR1,"改行\r\nあり",5500\r\nR2,,"3,300"\r\n"R3","",0';
    const whole = tokenize(text);
    assert.deepEqual(whole, [
      ['伝票', 'メモ "特記"', '金額'],
      ['R1', '改行\r\nあり', '5500'],
      ['R2', '', '3,300'],
      ['R3', '', '0'],
    ]);
    for (const sizes of [[1], [2], [3], [1, 5, 2], [7]]) assert.deepEqual(tokenize(text, sizes), whole, `${sizes}`);
  });

  it('reads back what an RFC 4180 writer wrote, in random chunks, as csv-parse does', () => {
    const rand = random(20261122);
    const alphabet = ['a', 'b', '山', 'ﾀ', ' ', ',', '"', '\n', '\r', '\t', '0', '9', '円'];
    for (let doc = 0; doc < 300; doc++) {
      const lineEnd = ['\n', '\r\n', '\r'][rand(3)]!;
      const columns = 1 + rand(5);
      const records = Array.from({ length: 1 + rand(8) }, () =>
        Array.from({ length: columns }, () =>
          Array.from({ length: rand(6) }, () => alphabet[rand(alphabet.length)]).join(''),
        ),
      );
      // A first line that decides the format: with a lone CR in it, csv-parse would too.
      records.unshift(Array.from({ length: columns }, (_, i) => `c${i}`));
      const text = records.map((r) => r.map(quoted).join(',')).join(lineEnd) + (rand(2) ? lineEnd : '');
      const sizes = Array.from({ length: 3 }, () => 1 + rand(12));
      const tokens = tokenize(text, sizes);
      assert.deepEqual(tokens, records, JSON.stringify({ text, sizes }));
      assert.deepEqual(tokens, parse(text, { relax_column_count: true }), JSON.stringify(text));
    }
  });

  it('names the row of a quote never closed, after handing out the rows before it', () => {
    const tokenizer = new CsvTokenizer();
    const before = tokenizer.push('顧客番号,氏名\nM1,山田\nM2,"閉じない\nM3,鈴木\n');
    assert.deepEqual(before, [
      ['顧客番号', '氏名'],
      ['M1', '山田'],
    ]);
    assert.throws(
      () => tokenizer.end(),
      (err: unknown) => err instanceof CsvSyntaxError && err.code === 'CSV_QUOTE_NOT_CLOSED' && err.row === 3,
    );
  });

  it('refuses text right after a closing quote, naming the row', () => {
    const err = syntaxError('a,b\nc,d\n"ab"x,d\n', [4]);
    assert.deepEqual([err.code, err.row], ['CSV_INVALID_CLOSING_QUOTE', 3]);
    assert.match(err.message, /row 3/);
    // And hands out the rows it completed before the bad one in the same chunk.
    const tokenizer = new CsvTokenizer();
    assert.deepEqual(tokenizer.push('a,b\n"x"y,1\n'), [['a', 'b']]);
    assert.throws(() => tokenizer.push('c,d\n'), CsvSyntaxError);
  });

  it('stops a record that runs past the limit instead of holding the file in memory', () => {
    const tokenizer = new CsvTokenizer();
    tokenizer.push('a,b\n1,"open');
    const filler = 'x'.repeat(64 * 1024);
    let thrown: unknown = null;
    try {
      for (let sent = 0; sent <= MAX_RECORD_CHARS + filler.length; sent += filler.length) tokenizer.push(filler);
    } catch (err) {
      thrown = err;
    }
    assert.ok(thrown instanceof CsvSyntaxError);
    assert.deepEqual([thrown.code, thrown.row], ['CSV_RECORD_TOO_LONG', 2]);
  });
});
