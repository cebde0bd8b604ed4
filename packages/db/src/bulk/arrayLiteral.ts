/**
 * A column of rows as one PostgreSQL array literal ('{"a","b",NULL}'), for `unnest` bulk
 * statements. node-postgres builds the same text from a JS array but runs two regular
 * expressions over every element; in a million-row import that was a tenth of Node's time.
 * Numbers must be integers (money is integer yen); Dates are sent as ISO instants.
 */
export function columnLiteral<T>(rows: readonly T[], pick: (row: T) => string | number | Date | null): string {
  let literal = '{';
  for (let i = 0; i < rows.length; i++) {
    if (i > 0) literal += ',';
    literal += elementLiteral(pick(rows[i]!));
  }
  return `${literal}}`;
}

const NEEDS_ESCAPE = /["\\]/;

function elementLiteral(value: string | number | Date | null): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Error(`array element is not an integer: ${value}`);
    return String(value);
  }
  if (value instanceof Date) return `"${value.toISOString()}"`;
  return NEEDS_ESCAPE.test(value) ? `"${value.replace(/["\\]/g, '\\$&')}"` : `"${value}"`;
}
