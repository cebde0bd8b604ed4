import { ColumnMapping } from '@kayoi/contracts';

export type MappingResult = { ok: true; mapping: ColumnMapping | undefined } | { ok: false; reason: 'json' | 'shape' };

/**
 * The optional header → field mapping. Both the flat object the API takes and the
 * {"columns": {...}} mapping file of the command line are accepted, so a shop can paste
 * the file it already has.
 */
export function parseMapping(text: string): MappingResult {
  if (text.trim() === '') return { ok: true, mapping: undefined };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'json' };
  }
  const inner =
    parsed !== null && typeof parsed === 'object' && 'columns' in parsed
      ? (parsed as { columns: unknown }).columns
      : parsed;
  const checked = ColumnMapping.safeParse(inner);
  return checked.success ? { ok: true, mapping: checked.data } : { ok: false, reason: 'shape' };
}
