import iconv from 'iconv-lite';
import { CsvTokenizer } from './csvTokenizer.js';

export type EncodingChoice = 'utf-8' | 'shift_jis' | 'auto';

export interface CsvRecord {
  /** Spreadsheet row number: the header is row 1. */
  row: number;
  cells: string[];
}

const SNIFF_BYTES = 64 * 1024;

/** Excel in Japan saves CSV as Shift_JIS (CP932); everything else sends UTF-8. */
export function detectEncoding(head: Buffer): 'utf-8' | 'shift_jis' {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    return 'shift_jis';
  }
}

async function* decoded(input: AsyncIterable<Buffer | string>, choice: EncodingChoice, onBytes: (n: number) => void) {
  const head: Buffer[] = [];
  let headBytes = 0;
  let decode: ((chunk: Buffer) => string) | null = null;
  const start = () => {
    const encoding = choice === 'auto' ? detectEncoding(Buffer.concat(head)) : choice;
    if (encoding === 'shift_jis') {
      const decoder = iconv.getDecoder('cp932');
      decode = (chunk) => decoder.write(chunk);
    } else {
      const decoder = new TextDecoder('utf-8');
      decode = (chunk) => decoder.decode(chunk, { stream: true });
    }
    const text = decode(Buffer.concat(head));
    head.length = 0;
    return text;
  };
  for await (const raw of input) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw) : raw;
    onBytes(chunk.length);
    if (decode === null) {
      head.push(chunk);
      headBytes += chunk.length;
      // A named encoding needs no sniffing: decoding starts with the first bytes.
      if (choice !== 'auto' || headBytes >= SNIFF_BYTES) yield start();
      continue;
    }
    yield (decode as (c: Buffer) => string)(chunk);
  }
  if (decode === null) yield start();
}

/**
 * Streams CSV (or tab-separated) records from raw bytes with flat memory. The delimiter
 * is taken from the header line: tabs without commas mean TSV.
 */
export async function* csvRecords(
  input: AsyncIterable<Buffer | string>,
  encoding: EncodingChoice,
  onBytes: (n: number) => void = () => undefined,
): AsyncGenerator<CsvRecord> {
  const tokenizer = new CsvTokenizer();
  let opening = true;
  // Blank lines still count, so row numbers match what a spreadsheet shows.
  let row = 0;
  function* numbered(records: string[][]) {
    for (const cells of records) {
      row++;
      if (cells.every((c) => c.trim() === '')) continue;
      yield { row, cells };
    }
  }
  for await (let text of decoded(input, encoding, onBytes)) {
    if (opening && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      opening = false;
    }
    yield* numbered(tokenizer.push(text));
  }
  yield* numbered(tokenizer.end());
}
