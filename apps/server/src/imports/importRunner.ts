import type { AuditAction, ImportKind, ImportReport, ImportRowError, Locale } from '@kayoi/contracts';
import {
  checkCustomerRow,
  checkVisitRow,
  localDateOf,
  localToInstantConverter,
  planColumns,
  rowErrorMessage,
  type ColumnPlan,
  type RowProblem,
} from '@kayoi/core';
import {
  createDataStore,
  customerImportWriter,
  tenantRepos,
  visitImportWriter,
  type Database,
  type NumberedCustomerRow,
  type Orm,
  type StagedBatch,
  type VisitGroup,
} from '@kayoi/db';
import { csvRecords, type EncodingChoice } from './csvSource.js';
import { CsvSyntaxError } from './csvTokenizer.js';

export interface ImportOptions {
  db: Database;
  tenantId: string;
  kind: ImportKind;
  input: AsyncIterable<Buffer | string>;
  encoding?: EncodingChoice;
  mapping?: Record<string, string>;
  dryRun?: boolean;
  locale?: Locale;
  actorUserId?: string | null;
  now?: Date;
  /** Every rejected row, as it is found (the report keeps only the first REPORTED_ERRORS_LIMIT). */
  onRowError?: (error: ImportRowError) => void;
  /** Rows per database round trip (default IMPORT_BATCH_ROWS). */
  batchRows?: number;
  /** Called after each batch with the rows and bytes read so far. */
  onProgress?: (progress: { rows: number; bytes: number }) => void;
}

/** Rows per database round trip: large enough to amortise it, small enough for flat memory. */
export const IMPORT_BATCH_ROWS = 5_000;
/** Batch writes, the running one included, after which parsing waits for the oldest. */
const WRITES_QUEUED = 3;
/** Rows parsed between turns of the event loop. */
const YIELD_EVERY_ROWS = 250;
/** Detailed errors kept in the report; errorCount keeps counting past it. */
export const REPORTED_ERRORS_LIMIT = 1_000;

const required: Record<ImportKind, string[][]> = {
  customers: [],
  visits: [['visitDate'], ['customerExternalId', 'customerPhone', 'customerEmail'], ['amount', 'unitPrice']],
};

class Rollback extends Error {}

/**
 * Imports a CSV all-or-nothing in one transaction: every row is checked, every bad row is
 * reported with its number and column, and if there is any, nothing is written. A dry
 * run does all the work, database checks included, and rolls back.
 */
export async function runImport(options: ImportOptions): Promise<ImportReport> {
  const { db, tenantId, kind } = options;
  const locale = options.locale ?? 'ja';
  const now = options.now ?? new Date();
  const repos = createDataStore(db).forTenant(tenantId);
  const [tenant, attributes] = await Promise.all([repos.tenant.get(), repos.attributes.list()]);
  const report: ImportReport = {
    kind,
    dryRun: options.dryRun ?? false,
    status: 'imported',
    rows: 0,
    created: 0,
    updated: 0,
    columns: {},
    errors: [],
    errorCount: 0,
  };
  let plan: ColumnPlan = { fields: [], columns: {} };
  const headerOf = (field: string | null) =>
    field === null ? null : (Object.entries(plan.columns).find(([, f]) => f === field)?.[0] ?? field);
  const addError = (row: number, problem: RowProblem, column = headerOf(problem.field)) => {
    report.errorCount++;
    const error: ImportRowError = {
      row,
      column,
      code: problem.code,
      message: rowErrorMessage(problem, locale),
    };
    options.onRowError?.(error);
    if (report.errors.length < REPORTED_ERRORS_LIMIT) report.errors.push(error);
  };

  let bytes = 0;
  const records = csvRecords(options.input, options.encoding ?? 'auto', (n) => (bytes += n));
  let header: IteratorResult<{ row: number; cells: string[] }>;
  try {
    header = await records.next();
  } catch (err) {
    if (!(err instanceof CsvSyntaxError)) throw err;
    addError(err.row, { field: null, code: 'MALFORMED_CSV', value: err.message });
    return { ...report, status: 'rejected' };
  }
  if (header.done) {
    addError(1, { field: null, code: 'MISSING_COLUMN' });
    return { ...report, status: 'rejected' };
  }
  const planned = planColumns(kind, header.value.cells, options.mapping, attributes);
  plan = planned.plan;
  report.columns = plan.columns;
  for (const p of planned.problems) addError(1, { field: null, code: p.code, value: p.value }, p.column);
  const present = new Set(plan.fields.filter((f): f is string => f !== null));
  for (const anyOf of required[kind]) {
    if (!anyOf.some((f) => present.has(f)))
      addError(1, { field: null, code: 'MISSING_COLUMN', value: anyOf.join(' / ') });
  }
  if (report.errorCount > 0) return { ...report, status: 'rejected' };

  const mapped = plan.fields.flatMap((field, i) => (field === null ? [] : [{ field, i }]));
  // One map for every row: the row checks read it and keep nothing of it.
  const rowCells = new Map<string, string>();
  const cellsOf = (cells: string[]) => {
    for (const { field, i } of mapped) {
      const value = cells[i] ?? '';
      if (value.includes('\uFFFD')) return { garbled: field };
      rowCells.set(field, value);
    }
    return { map: rowCells };
  };

  try {
    await db.orm.transaction(async (tx) => {
      const stream =
        kind === 'customers' ? await customerStream(tx as unknown as Orm) : await visitStream(tx as unknown as Orm);
      try {
        for await (const record of records) {
          report.rows++;
          const cells = cellsOf(record.cells);
          if ('garbled' in cells) addError(record.row, { field: cells.garbled ?? null, code: 'ENCODING' });
          else await stream.add(record.row, cells.map);
          if (report.rows % IMPORT_BATCH_ROWS === 0) options.onProgress?.({ rows: report.rows, bytes });
          // Lets the event loop answer the database: a finished statement's reply (and so
          // the next statement's send) would otherwise wait for the whole buffered file chunk.
          if (report.rows % YIELD_EVERY_ROWS === 0) await new Promise(setImmediate);
        }
        await stream.finish();
      } finally {
        await stream.settle();
      }
      options.onProgress?.({ rows: report.rows, bytes });
      if (report.errorCount > 0 || report.dryRun) throw new Rollback();
      await stream.complete();
    });
  } catch (err) {
    if (err instanceof Rollback) {
      return { ...report, status: report.errorCount > 0 ? 'rejected' : 'validated' };
    }
    if (err instanceof CsvSyntaxError) {
      addError(err.row, { field: null, code: 'MALFORMED_CSV', value: err.message });
      return { ...report, status: 'rejected' };
    }
    throw err;
  }
  return report;

  /**
   * Batches rows and queues their writes (in order, on the transaction's connection) while
   * the next batches are parsed. Each batch is staged (checked, its statement built) as
   * soon as it is full, so the database finds the next statement ready when it finishes
   * one instead of waiting for Node to build it. At most WRITES_QUEUED batches are
   * pending, so memory stays flat.
   */
  function pipeline<T>(stage: (batch: T[], validateOnly: boolean) => Promise<StagedBatch>) {
    let batch: T[] = [];
    let batchRows = 0;
    let tail: Promise<void> = Promise.resolve();
    const queued: Promise<void>[] = [];
    // A failed write is kept here and rethrown by the next push or the drain; the queued
    // promises never reject, so nothing is left unhandled if reading the file fails meanwhile.
    let failure: { error: unknown } | null = null;
    const flush = async () => {
      if (batch.length === 0) return;
      const current = batch;
      batch = [];
      batchRows = 0;
      // Once a row is bad nothing will be written: later batches are only checked.
      const staged = stage(current, report.errorCount > 0).then(
        (value) => ({ value }),
        (error: unknown) => ({ error }),
      );
      tail = tail.then(async () => {
        // Awaited even after a failure, so no query of this batch outlives the transaction.
        const outcome = await staged;
        if (failure) return;
        try {
          if ('error' in outcome) throw outcome.error;
          const { issues, write } = outcome.value;
          for (const issue of issues) addError(issue.row, issue.problem);
          if (!write || report.errorCount > 0) return;
          const written = await write();
          for (const issue of written.issues) addError(issue.row, issue.problem);
          report.created += written.created;
          report.updated += written.updated;
        } catch (error) {
          failure ??= { error };
        }
      });
      queued.push(tail);
      if (queued.length >= WRITES_QUEUED) await queued.shift();
      if (failure) throw failure.error;
    };
    return {
      async push(item: T, rows: number) {
        batch.push(item);
        batchRows += rows;
        if (batchRows >= (options.batchRows ?? IMPORT_BATCH_ROWS)) await flush();
      },
      async drain() {
        await flush();
        await tail;
        if (failure) throw failure.error;
      },
      /** Waits for the queued writes, whatever happened, so no query outlives the transaction. */
      settle: () => tail,
    };
  }

  async function customerStream(orm: Orm) {
    const writer = await customerImportWriter(orm, tenantId, 'import', now);
    // A customer batch is matched against the ones written before it: nothing is staged ahead.
    const batches = pipeline<NumberedCustomerRow>(async (b, v) => ({
      issues: [],
      write: () => writer.writeBatch(b, v),
    }));
    const today = localDateOf(now, tenant.timeZone);
    return {
      async add(row: number, cells: Map<string, string>) {
        const checked = checkCustomerRow(cells, { attributes, today });
        if ('problems' in checked) checked.problems.forEach((p) => addError(row, p));
        else await batches.push({ row, data: checked.row }, 1);
      },
      finish: () => batches.drain(),
      settle: () => batches.settle(),
      async complete() {
        await audit(orm, 'imports.customers', {
          rows: report.rows,
          created: report.created,
          updated: report.updated,
          createdChannels: writer.createdChannels(),
        });
      },
    };
  }

  async function visitStream(orm: Orm) {
    const writer = await visitImportWriter(orm, tenantId);
    const batches = pipeline<VisitGroup>((b, v) => writer.stageBatch(b, v));
    const ctx = { toInstant: localToInstantConverter(tenant.timeZone), notAfter: now, seenTimes: new Map() };
    let group: VisitGroup | null = null;
    const close = async () => {
      if (group) await batches.push(group, group.rows.length);
      group = null;
    };
    return {
      async add(row: number, cells: Map<string, string>) {
        const checked = checkVisitRow(cells, ctx);
        if ('problems' in checked) {
          checked.problems.forEach((p) => addError(row, p));
          return;
        }
        const { line } = checked;
        if (group && group.lines[0]!.visitKey === line.visitKey) {
          group.rows.push(row);
          group.lines.push(line);
          return;
        }
        await close();
        group = { rows: [row], lines: [line] };
      },
      async finish() {
        await close();
        await batches.drain();
      },
      settle: () => batches.settle(),
      async complete() {
        await writer.ensureReferencesBeforeCommit();
        await tenantRepos(orm, tenantId).customers.refreshStats(writer.touchedCustomers());
        await audit(orm, 'imports.visits', { rows: report.rows, created: report.created, updated: report.updated });
      },
    };
  }

  async function audit(orm: Orm, action: AuditAction, details: Record<string, unknown>) {
    await tenantRepos(orm, tenantId).audit.record({ actorUserId: options.actorUserId ?? null, action, details });
  }
}
