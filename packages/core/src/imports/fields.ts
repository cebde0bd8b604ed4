import { customerFieldHeaders, visitFieldHeaders, type AttributeDefinition, type ImportKind } from '@kayoi/contracts';

// The header synonyms are part of the import contract (the dashboard lists them too).
export { customerFieldHeaders, visitFieldHeaders };

export type CustomerField = keyof typeof customerFieldHeaders | `attr:${string}`;
export type VisitField = keyof typeof visitFieldHeaders;
export type ImportField = CustomerField | VisitField;

/** Folds a header for comparison: width, case, spaces, brackets and punctuation. */
export function foldHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s()（）[\]【】「」『』:：・_\-‐－/／.。、,]/g, '');
}

function synonymTable(kind: ImportKind, attributes: readonly AttributeDefinition[]): Map<string, string> {
  const table = new Map<string, string>();
  const headers: Record<string, readonly string[]> = kind === 'customers' ? customerFieldHeaders : visitFieldHeaders;
  for (const [field, names] of Object.entries(headers)) {
    table.set(foldHeader(field), field);
    for (const name of names) table.set(foldHeader(name), field);
  }
  if (kind === 'customers') {
    for (const def of attributes.filter((d) => !d.archived)) {
      table.set(foldHeader(def.key), `attr:${def.key}`);
      table.set(foldHeader(def.label), `attr:${def.key}`);
    }
  }
  return table;
}

export function knownFields(kind: ImportKind, attributes: readonly AttributeDefinition[]): Set<string> {
  return new Set(synonymTable(kind, attributes).values());
}

export interface ColumnPlan {
  /** field for each column index; null = ignored column. */
  fields: (string | null)[];
  /** header → field, for the report. */
  columns: Record<string, string | null>;
}

export interface ColumnProblem {
  column: string;
  code: 'UNKNOWN_FIELD' | 'DUPLICATE_COLUMN';
  value: string;
}

/**
 * Decides which column feeds which field: an explicit mapping first (header → field),
 * then the recognised synonyms. A field fed by two columns, or a mapping to an
 * unknown field, is a problem with the whole file.
 */
export function planColumns(
  kind: ImportKind,
  headers: readonly string[],
  mapping: Record<string, string> | undefined,
  attributes: readonly AttributeDefinition[],
): { plan: ColumnPlan; problems: ColumnProblem[] } {
  const synonyms = synonymTable(kind, attributes);
  const valid = new Set(synonyms.values());
  const explicit = new Map(Object.entries(mapping ?? {}).map(([h, f]) => [foldHeader(h), f]));
  const problems: ColumnProblem[] = [];
  for (const [header, field] of Object.entries(mapping ?? {})) {
    if (field !== 'ignore' && !valid.has(field)) problems.push({ column: header, code: 'UNKNOWN_FIELD', value: field });
  }
  const seen = new Map<string, string>();
  const fields = headers.map((header) => {
    const folded = foldHeader(header);
    const mapped = explicit.get(folded);
    const field = mapped === 'ignore' ? null : (mapped ?? synonyms.get(folded) ?? null);
    if (field === null || !valid.has(field)) return null;
    const previous = seen.get(field);
    if (previous !== undefined) {
      problems.push({ column: header, code: 'DUPLICATE_COLUMN', value: `${previous} / ${header} → ${field}` });
      return null;
    }
    seen.set(field, header);
    return field;
  });
  const columns = Object.fromEntries(headers.map((h, i) => [h, fields[i] ?? null]));
  return { plan: { fields, columns }, problems };
}
