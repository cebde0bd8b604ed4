/**
 * Splits CSV text, fed in chunks, into records (RFC 4180: quoted fields with "" escapes
 * and line breaks inside, CRLF, LF or CR line ends, any number of fields per record).
 *
 * Written here rather than taken from csv-parse, which it replaces: csv-parse walks every
 * byte through its state machine and turns each field into a string separately; on a
 * 1,000,000-row import that was a fifth of Node's CPU time. Most lines of a POS export hold
 * no quote at all, and such a line is cut with one native `split`; only lines with a quote
 * take the careful path.
 *
 * Lenient where spreadsheets are: a quote inside an unquoted field (`5"`) is kept as text.
 * Strict where data would be lost: a quote never closed, or text right after a closing
 * quote, fails with a CsvSyntaxError that names the row.
 */

export type CsvSyntaxCode = 'CSV_QUOTE_NOT_CLOSED' | 'CSV_INVALID_CLOSING_QUOTE' | 'CSV_RECORD_TOO_LONG';

export class CsvSyntaxError extends Error {
  constructor(
    readonly code: CsvSyntaxCode,
    /** The record's row, the header being row 1. */
    readonly row: number,
    message: string,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

/** A record longer than this is a quote left open, not data: memory stays bounded. */
export const MAX_RECORD_CHARS = 1 << 20;

const QUOTE = '"';

export class CsvTokenizer {
  private buffer = '';
  private delimiter: string | null;
  /** '\n' (with an optional '\r' before it) or, for old Mac files, '\r' alone. */
  private lineEnd: '\n' | '\r' | null = null;
  private rows = 0;
  /** Raised after the records before it are handed out, so those are still checked. */
  private failure: CsvSyntaxError | null = null;

  /** `delimiter` null: a tab in the header line and no comma there means tab-separated. */
  constructor(delimiter: string | null = null) {
    this.delimiter = delimiter;
  }

  /** Feeds the next chunk; returns the records it completes. */
  push(text: string): string[][] {
    if (this.failure) throw this.failure;
    this.buffer = this.buffer.length === 0 ? text : this.buffer + text;
    return this.drain(false);
  }

  /** Ends the input: what is left is the last record. */
  end(): string[][] {
    if (this.failure) throw this.failure;
    return this.drain(true);
  }

  private drain(final: boolean): string[][] {
    const records: string[][] = [];
    if (!this.ensureFormat(final)) return records;
    try {
      this.split(records, final);
    } catch (err) {
      if (!(err instanceof CsvSyntaxError) || records.length === 0) throw err;
      this.failure = err;
      this.buffer = '';
    }
    return records;
  }

  private split(records: string[][], final: boolean): void {
    const buffer = this.buffer;
    const delimiter = this.delimiter!;
    const lineEnd = this.lineEnd!;
    const stripCr = lineEnd === '\n';
    let pos = 0;
    // The next quote at or after `pos`, found once and reused until passed.
    let quote = buffer.indexOf(QUOTE);
    while (pos < buffer.length) {
      let next = buffer.indexOf(lineEnd, pos);
      if (quote !== -1 && quote < pos) quote = buffer.indexOf(QUOTE, pos);
      if (quote === -1 || (next !== -1 && quote > next)) {
        if (next === -1) {
          if (!final) break;
          next = buffer.length;
        }
        const end = stripCr && next > pos && buffer.charCodeAt(next - 1) === 13 ? next - 1 : next;
        records.push(buffer.slice(pos, end).split(delimiter));
        this.rows++;
        pos = next + 1;
        continue;
      }
      const parsed = this.quotedRecord(buffer, pos, final);
      if (parsed === null) break;
      records.push(parsed.fields);
      this.rows++;
      pos = parsed.next;
    }
    this.buffer = pos >= buffer.length ? '' : buffer.slice(pos);
    if (this.buffer.length > MAX_RECORD_CHARS) {
      throw new CsvSyntaxError(
        'CSV_RECORD_TOO_LONG',
        this.rows + 1,
        `Record too long: row ${this.rows + 1} runs past ${MAX_RECORD_CHARS} characters (a quote left open?)`,
      );
    }
  }

  /** Decides the delimiter and line end from the first line, once it is complete. */
  private ensureFormat(final: boolean): boolean {
    if (this.lineEnd !== null) return true;
    const buffer = this.buffer;
    const lf = buffer.indexOf('\n');
    const cr = buffer.indexOf('\r');
    let firstLineEnd: number;
    if (cr !== -1 && (lf === -1 || cr < lf)) {
      // A '\r' at the very end may be the first half of '\r\n'.
      if (cr === buffer.length - 1 && !final) return false;
      this.lineEnd = buffer[cr + 1] === '\n' ? '\n' : '\r';
      firstLineEnd = cr;
    } else if (lf !== -1) {
      this.lineEnd = '\n';
      firstLineEnd = lf;
    } else {
      if (!final) return false;
      this.lineEnd = '\n';
      firstLineEnd = buffer.length;
    }
    if (this.delimiter === null) {
      const header = buffer.slice(0, firstLineEnd);
      this.delimiter = header.includes('\t') && !header.includes(',') ? '\t' : ',';
    }
    return true;
  }

  /**
   * Reads the record at `start` field by field, quotes included. Null when the buffer ends
   * before the record does and more input may come.
   */
  private quotedRecord(buffer: string, start: number, final: boolean): { fields: string[]; next: number } | null {
    const delimiter = this.delimiter!;
    const lineEnd = this.lineEnd!;
    const fields: string[] = [];
    let pos = start;
    for (;;) {
      let value: string;
      let after: number;
      if (buffer[pos] === QUOTE) {
        value = '';
        let from = pos + 1;
        for (;;) {
          const close = buffer.indexOf(QUOTE, from);
          if (close === -1) {
            if (!final) return null;
            throw new CsvSyntaxError(
              'CSV_QUOTE_NOT_CLOSED',
              this.rows + 1,
              `Quote not closed: the quote opened on row ${this.rows + 1} is never closed`,
            );
          }
          value += buffer.slice(from, close);
          if (buffer[close + 1] === QUOTE) {
            value += QUOTE;
            from = close + 2;
            continue;
          }
          if (close + 1 === buffer.length && !final) return null;
          after = close + 1;
          break;
        }
        const next = buffer[after];
        const endsRecord =
          after === buffer.length ||
          next === lineEnd ||
          (lineEnd === '\n' && next === '\r' && (buffer[after + 1] === '\n' || after + 1 === buffer.length));
        if (next === '\r' && after + 1 === buffer.length && !final) return null;
        if (next !== delimiter && !endsRecord) {
          throw new CsvSyntaxError(
            'CSV_INVALID_CLOSING_QUOTE',
            this.rows + 1,
            `Invalid closing quote: row ${this.rows + 1} has ${JSON.stringify(next)} right after a closing quote`,
          );
        }
      } else {
        const delimiterAt = buffer.indexOf(delimiter, pos);
        let lineAt = buffer.indexOf(lineEnd, pos);
        if (lineAt === -1) {
          if (!final) return null;
          lineAt = buffer.length;
        }
        after = delimiterAt !== -1 && delimiterAt < lineAt ? delimiterAt : lineAt;
        const end = after === lineAt && lineEnd === '\n' && buffer.charCodeAt(after - 1) === 13 ? after - 1 : after;
        value = buffer.slice(pos, Math.max(end, pos));
      }
      fields.push(value);
      if (buffer[after] === delimiter) {
        pos = after + 1;
        continue;
      }
      // The record ends here: skip its line end ('\r\n' counts as one).
      if (buffer[after] === '\r' && lineEnd === '\n') after++;
      return { fields, next: after + 1 };
    }
  }
}
