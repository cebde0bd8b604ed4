/**
 * A column of rows as one PostgreSQL array literal ('{a,"b c",NULL}'), for `unnest` bulk
 * statements. node-postgres builds the same text from a JS array but runs two regular
 * expressions over every element; in a million-row import that was a tenth of Node's time.
 * The literal is joined in one piece, not grown by `+=`: a grown string is a tree of
 * pieces that lives until it is sent, and with statements built ahead of their turn that
 * tree was promoted and collected as old garbage. Numbers must be integers (money is
 * integer yen); Dates are sent as ISO instants.
 */
export function columnLiteral<T>(rows: readonly T[], pick: (row: T) => string | number | Date | null): string {
  const elements = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) elements[i] = elementLiteral(pick(rows[i]!));
  return `{${elements.join(',')}}`;
}

/** Safe unquoted: no delimiter, brace, quote, backslash or space, and not empty. */
const PLAIN = /^[^{}",\\\s]+$/;

function elementLiteral(value: string | number | Date | null): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Error(`array element is not an integer: ${value}`);
    return String(value);
  }
  if (value instanceof Date) return value.toISOString();
  // Unquoted NULL (any case) would be read as a null, not as the text.
  if (PLAIN.test(value) && (value.length !== 4 || value.toUpperCase() !== 'NULL')) return value;
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}
