import type { AttributeDefinition, AttributeValue } from '@kayoi/contracts';
import { parseLocalDate } from '../imports/cellParsers.js';
import type { AttributeValueWrite } from '../ports.js';
import { fail, ok, type Result } from '../shared/result.js';

export interface AttributeValueProblem {
  key: string;
  reason: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day: Date.parse would roll 2024-02-30 over to 1 March. */
function isCalendarDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function checkOne(def: AttributeDefinition, value: AttributeValue): string | null {
  const optionValues = new Set(def.options.map((o) => o.value));
  switch (def.type) {
    case 'text':
      return typeof value === 'string' && value.length <= 2000 ? null : 'expected text up to 2000 characters';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'expected a number';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'expected true or false';
    case 'date':
      return typeof value === 'string' && isCalendarDate(value) ? null : 'expected a date YYYY-MM-DD';
    case 'single_choice':
      return typeof value === 'string' && optionValues.has(value)
        ? null
        : `expected one of ${[...optionValues].join(', ')}`;
    case 'multi_choice':
      return Array.isArray(value) && value.every((v) => optionValues.has(v)) && new Set(value).size === value.length
        ? null
        : `expected a list of distinct values from ${[...optionValues].join(', ')}`;
  }
}

/** Checks values keyed by attribute key against the tenant's definitions. */
export function checkAttributeValues(
  definitions: readonly AttributeDefinition[],
  values: Record<string, AttributeValue | null>,
): Result<AttributeValueWrite[]> {
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  const problems: AttributeValueProblem[] = [];
  const writes: AttributeValueWrite[] = [];
  for (const [key, value] of Object.entries(values)) {
    const def = byKey.get(key);
    if (!def || def.archived) {
      problems.push({ key, reason: 'no such attribute' });
      continue;
    }
    if (value === null) {
      writes.push({ attributeId: def.id, value: null });
      continue;
    }
    const reason = checkOne(def, value);
    if (reason) problems.push({ key, reason });
    else writes.push({ attributeId: def.id, value });
  }
  return problems.length > 0 ? fail('ATTRIBUTE_VALUE_INVALID', { problems }) : ok(writes);
}

/**
 * Turns the text of a CSV cell into a typed value. Accepts the spellings shops use:
 * はい/いいえ, 有/無, 1/0; choices by value or label; several choices split by , 、 / or |.
 */
export function parseAttributeText(def: AttributeDefinition, text: string): AttributeValue | null {
  const trimmed = text.normalize('NFKC').trim();
  if (trimmed === '') return null;
  const byLabel = new Map(def.options.map((o) => [o.label.normalize('NFKC'), o.value]));
  const choice = (t: string) => byLabel.get(t) ?? t;
  switch (def.type) {
    case 'number':
      return Number(trimmed.replace(/,/g, ''));
    case 'boolean': {
      const yes = ['true', '1', 'yes', 'y', 'はい', '有', 'あり', '○', '◯'];
      const no = ['false', '0', 'no', 'n', 'いいえ', '無', 'なし', '×'];
      if (yes.includes(trimmed.toLowerCase())) return true;
      if (no.includes(trimmed.toLowerCase())) return false;
      return trimmed;
    }
    case 'date': {
      // The same spellings as every other date cell: 2024/3/5, 2024年3月5日, 20240305.
      const date = parseLocalDate(trimmed);
      return date.ok ? date.value : trimmed;
    }
    case 'single_choice':
      return choice(trimmed);
    case 'multi_choice':
      return trimmed
        .split(/[,、/|]/)
        .map((t) => t.trim())
        .filter((t) => t !== '')
        .map(choice);
    case 'text':
      return text.trim();
  }
}
