import { readFileSync } from 'node:fs';

/** Every key path of a locale file, plural suffixes folded (i18next adds _one/_other per language). */
export function localeKeysOf(file: URL): string[] {
  const walk = (value: unknown, prefix: string): string[] =>
    typeof value === 'object' && value !== null
      ? Object.entries(value).flatMap(([k, v]) => walk(v, prefix ? `${prefix}.${k}` : k))
      : [prefix.replace(/_(one|other)$/, '')];
  return [...new Set(walk(JSON.parse(readFileSync(file, 'utf8')), ''))].sort();
}
