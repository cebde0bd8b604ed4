import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { exportCustomers, exportLineItems, exportPayments, exportVisits, tenantRepos } from '@kayoi/db';
import { stringify } from 'csv-stringify';
import { ensureTenantOrThrow, withDatabase } from './withDatabase.js';

const BOM = '\uFEFF';

async function writeCsv(file: string, rows: AsyncIterable<Record<string, unknown>>): Promise<number> {
  let count = 0;
  const counted = async function* () {
    for await (const row of rows) {
      count++;
      yield row;
    }
  };
  const out = createWriteStream(file);
  // Excel opens UTF-8 CSV as Japanese text only with a byte-order mark.
  out.write(BOM);
  await pipeline(
    Readable.from(counted()),
    stringify({ header: true, cast: { date: (d) => d.toISOString(), boolean: (b) => (b ? 'true' : 'false') } }),
    out,
  );
  return count;
}

/** Writes customers, visits, line items and payments of one business as CSV into a folder. */
export function exportCommand(options: { tenant: string; out: string }): Promise<number> {
  return withDatabase(async ({ db, store }) => {
    await ensureTenantOrThrow(store, options.tenant);
    const repos = store.forTenant(options.tenant);
    const tenant = await repos.tenant.get();
    mkdirSync(options.out, { recursive: true });
    const file = (name: string) => path.join(options.out, name);
    const counts = {
      customers: await writeCsv(file('customers.csv'), exportCustomers(db, tenant.id)),
      visits: await writeCsv(file('visits.csv'), exportVisits(db, tenant.id, tenant.timeZone)),
      lineItems: await writeCsv(file('line_items.csv'), exportLineItems(db, tenant.id)),
      payments: await writeCsv(file('payments.csv'), exportPayments(db, tenant.id)),
    };
    const audit = tenantRepos(db.orm, tenant.id).audit;
    await audit.record({
      actorUserId: null,
      action: 'customers.exported',
      details: { via: 'cli', rows: counts.customers },
    });
    await audit.record({ actorUserId: null, action: 'visits.exported', details: { via: 'cli', rows: counts.visits } });
    process.stdout.write(`${JSON.stringify({ out: path.resolve(options.out), ...counts })}\n`);
    return 0;
  });
}
