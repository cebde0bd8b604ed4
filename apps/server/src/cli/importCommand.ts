import { createReadStream, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { ColumnMapping, type ImportKind, type ImportReport, type Locale } from '@kayoi/contracts';
import cliProgress from 'cli-progress';
import { runImport } from '../imports/importRunner.js';
import type { EncodingChoice } from '../imports/csvSource.js';
import { CliError, ensureTenantOrThrow, withDatabase } from './withDatabase.js';

export interface ImportCommandOptions {
  tenant: string;
  encoding?: string;
  mapping?: string;
  dryRun?: boolean;
}

export function cliLocale(env: NodeJS.ProcessEnv = process.env): Locale {
  const lang = env.KAYOI_LANG ?? env.LC_ALL ?? env.LANG ?? '';
  return lang.toLowerCase().startsWith('en') ? 'en' : 'ja';
}

async function mappingFrom(file: string | undefined): Promise<Record<string, string> | undefined> {
  if (!file) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    throw new CliError(`Cannot read the mapping file ${file}: ${(err as Error).message}`);
  }
  // Accept {"header": "field"} or {"columns": {"header": "field"}}.
  const candidate =
    parsed && typeof parsed === 'object' && 'columns' in parsed ? (parsed as { columns: unknown }).columns : parsed;
  const checked = ColumnMapping.safeParse(candidate);
  if (!checked.success)
    throw new CliError(`The mapping file must map CSV headers to field names: ${checked.error.message}`);
  return checked.data;
}

function encodingFrom(text: string | undefined): EncodingChoice {
  const value = (text ?? 'auto').toLowerCase().replace('_', '-');
  if (value === 'auto') return 'auto';
  if (value === 'utf-8' || value === 'utf8') return 'utf-8';
  if (['shift-jis', 'sjis', 'cp932', 'windows-31j'].includes(value)) return 'shift_jis';
  throw new CliError(`Unknown encoding "${text}": use utf-8 or shift_jis`);
}

/** Exit 0 when imported (or a dry run found nothing wrong), 1 when the file is rejected. */
export async function importCommand(kind: ImportKind, file: string, options: ImportCommandOptions): Promise<number> {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new CliError(`Cannot read ${file}`);
  }
  const encoding = encodingFrom(options.encoding);
  const mapping = await mappingFrom(options.mapping);
  const locale = cliLocale();
  return withDatabase(async ({ db, store }) => {
    await ensureTenantOrThrow(store, options.tenant);
    const bar = process.stderr.isTTY
      ? new cliProgress.SingleBar(
          { format: `${kind} [{bar}] {percentage}% | {rows} rows | {eta_formatted}`, stream: process.stderr },
          cliProgress.Presets.shades_classic,
        )
      : null;
    bar?.start(size, 0, { rows: 0 });
    let report: ImportReport;
    try {
      report = await runImport({
        db,
        tenantId: options.tenant,
        kind,
        input: createReadStream(file, { highWaterMark: 256 * 1024 }),
        encoding,
        mapping,
        dryRun: options.dryRun ?? false,
        locale,
        onProgress: ({ rows, bytes }) => bar?.update(bytes, { rows }),
        onRowError: (e) => process.stderr.write(`row ${e.row}${e.column ? `, ${e.column}` : ''}: ${e.message}\n`),
      });
    } finally {
      bar?.stop();
    }
    const { errors: _errors, ...summary } = report;
    if (report.status === 'rejected') {
      process.stderr.write(
        `${JSON.stringify({ ...summary, message: `${report.errorCount} bad row(s); nothing was written` })}\n`,
      );
      return 1;
    }
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return 0;
  });
}
