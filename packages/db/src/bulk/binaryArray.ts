/**
 * A column of rows as a one-dimensional PostgreSQL array in the binary wire format, for
 * `unnest` bulk statements on the PostgreSQL server. node-postgres sends a Buffer
 * parameter as binary, and the server then reads each element as it is (uuid_recv,
 * int4recv…) instead of scanning a text literal for quotes and parsing every element:
 * that parse was a fifth of the server's time in a million-row import. PGlite takes
 * parameters as text only; it gets arrayLiteral.ts.
 *
 * Layout (array_recv): ndim, has-nulls flag, element type oid, then per dimension its
 * length and lower bound, then each element as a 4-byte length (-1 for null) and bytes.
 */

export type ElementType = 'uuid' | 'int2' | 'int4' | 'text' | 'timestamptz';

const ELEMENT_OID: Record<ElementType, number> = { uuid: 2950, int2: 21, int4: 23, text: 25, timestamptz: 1184 };
/** Bytes an element can take at most; text is measured as it is written. */
const FIXED_SIZE: Record<Exclude<ElementType, 'text'>, number> = { uuid: 16, int2: 2, int4: 4, timestamptz: 8 };

/** Milliseconds from the Unix epoch to PostgreSQL's (2000-01-01 UTC). */
const POSTGRES_EPOCH_MS = Date.UTC(2000, 0, 1);
const TWO_TO_32 = 2 ** 32;

const HEX = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) {
  HEX['0123456789abcdef'.charCodeAt(i)] = i;
  HEX['0123456789ABCDEF'.charCodeAt(i)] = i;
}

export type ElementValue = string | number | Date | null;

export function binaryArray<T>(type: ElementType, rows: readonly T[], pick: (row: T) => ElementValue): Buffer {
  const values = rows.map(pick);
  let size = 20;
  for (const value of values) {
    if (value === null) size += 4;
    // UTF-16 to UTF-8 takes at most 3 bytes per code unit.
    else size += 4 + (type === 'text' ? 3 * (value as string).length : FIXED_SIZE[type]);
  }
  const out = Buffer.allocUnsafe(size);
  out.writeInt32BE(1, 0);
  out.writeInt32BE(values.includes(null) ? 1 : 0, 4);
  out.writeInt32BE(ELEMENT_OID[type], 8);
  out.writeInt32BE(values.length, 12);
  out.writeInt32BE(1, 16);
  let at = 20;
  for (const value of values) {
    if (value === null) {
      out.writeInt32BE(-1, at);
      at += 4;
      continue;
    }
    const start = at + 4;
    const end = writeElement(out, start, type, value);
    out.writeInt32BE(end - start, at);
    at = end;
  }
  return out.subarray(0, at);
}

function writeElement(out: Buffer, at: number, type: ElementType, value: string | number | Date): number {
  switch (type) {
    case 'text':
      return at + out.write(value as string, at, 'utf8');
    case 'uuid':
      return writeUuid(out, at, value as string);
    case 'int2':
      return out.writeInt16BE(integerOrThrow(value), at);
    case 'int4':
      return out.writeInt32BE(integerOrThrow(value), at);
    case 'timestamptz': {
      if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new Error(`not an instant: ${value}`);
      // Microseconds since 2000-01-01 as a signed 64-bit integer, written as two halves.
      const micros = (value.getTime() - POSTGRES_EPOCH_MS) * 1000;
      const high = Math.floor(micros / TWO_TO_32);
      out.writeInt32BE(high, at);
      return out.writeUInt32BE(micros - high * TWO_TO_32, at + 4);
    }
  }
}

function integerOrThrow(value: string | number | Date): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new Error(`not an integer: ${String(value)}`);
  return value;
}

/** 8-4-4-4-12 hex digits (dashes anywhere are skipped) into 16 bytes. */
function writeUuid(out: Buffer, at: number, uuid: string): number {
  let byte = 0;
  let high = -1;
  for (let i = 0; i < uuid.length; i++) {
    const code = uuid.charCodeAt(i);
    if (code === 45) continue;
    const digit = code < 128 ? HEX[code]! : -1;
    if (digit < 0 || byte === 16) throw new Error(`not a uuid: ${uuid}`);
    if (high < 0) high = digit;
    else {
      out[at + byte++] = (high << 4) | digit;
      high = -1;
    }
  }
  if (byte !== 16 || high >= 0) throw new Error(`not a uuid: ${uuid}`);
  return at + 16;
}
