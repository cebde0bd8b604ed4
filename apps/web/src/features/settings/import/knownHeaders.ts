import { customerFieldHeaders, visitFieldHeaders, type ImportKind } from '@kayoi/contracts';

/** Headers as shops write them in Japan; the English spellings are recognised too. */
const isJapanese = (header: string) => /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(header);
const MOST_LIKELY = 4;

function likely(table: Record<string, readonly string[]>): [field: string, headers: string[]][] {
  return Object.entries(table)
    .map(([field, headers]): [string, string[]] => [field, headers.filter(isJapanese).slice(0, MOST_LIKELY)])
    .filter(([, headers]) => headers.length > 0);
}

/**
 * The headers a shop is most likely to have, per field, from the importer's own list (the
 * importer knows more: see docs/user/importing.md). These are file contents, not interface
 * text, so they are the same in both languages.
 */
export const knownHeaders: Record<ImportKind, [field: string, headers: string[]][]> = {
  customers: likely(customerFieldHeaders),
  visits: likely(visitFieldHeaders),
};
