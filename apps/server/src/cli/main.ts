import { Command, InvalidArgumentError } from 'commander';
import { DataDirLockedError } from '../runtime/dataDirLock.js';
import { configFromEnv } from '../runtime/config.js';
import { startKayoi } from '../runtime/startKayoi.js';
import { analyseCommand } from './analyse/analyseCommand.js';
import { analyticsRefreshCommand, workerCommand } from './analyticsCommands.js';
import { demoCommand } from './demoCommand.js';
import { exportCommand } from './exportCommand.js';
import { importCommand } from './importCommand.js';
import { ltvFitCommand } from './ltv/fitCommand.js';
import { ltvPredictCommand } from './ltv/predictCommand.js';
import { tenantCreateCommand, tenantListCommand } from './tenantCommands.js';
import { CliError } from './withDatabase.js';

const ENVIRONMENT = `
Environment:
  DATABASE_URL     postgres://user@host:5432/db — use a PostgreSQL server instead of the embedded database
  KAYOI_DATA_DIR   where the embedded database lives (default ./.kayoi)
  PORT, HOST       where the server listens (default 3000 on 127.0.0.1; HOST=0.0.0.0 for the shop's network)
  KAYOI_DEMO=0     do not create the demo salon on first start
  KAYOI_WORKER=0   do not run the analytics worker inside \`kayoi start\` (run \`kayoi worker\` instead)`;

function port(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('a port from 0 to 65535');
  return n;
}

function program(run: (work: Promise<number>) => void): Command {
  const cli = new Command('kayoi')
    .description('Kayoi: retention CRM and customer-lifetime-value engine for local businesses')
    .addHelpText('after', ENVIRONMENT)
    .showHelpAfterError();

  cli
    .command('start')
    .description('run Kayoi (API, and later the worker) in one process; creates the demo salon on first start')
    .option('--port <n>', 'port to listen on (default $PORT or 3000)', port)
    .action((options: { port?: number }) =>
      run(
        (async () => {
          // Listen for a stop signal before starting, so one that arrives mid-start still stops cleanly.
          const stopRequested = new Promise<void>((resolve) => {
            process.once('SIGINT', () => resolve());
            process.once('SIGTERM', () => resolve());
          });
          const config = configFromEnv();
          const kayoi = await startKayoi({ ...config, ...(options.port !== undefined ? { port: options.port } : {}) });
          await stopRequested;
          await kayoi.stop();
          return 0;
        })(),
      ),
    );

  cli
    .command('worker')
    .description('run only the analytics worker (nightly and requested model refreshes), e.g. beside API processes')
    .action(() => run(workerCommand()));

  const analytics = cli.command('analytics').description('LTV analytics of a business');
  analytics
    .command('refresh')
    .description('refresh the models and analytics of a business now; prints the run as JSON')
    .requiredOption('--tenant <id>', 'business to refresh')
    .action((options: { tenant: string }) => run(analyticsRefreshCommand(options)));

  const tenant = cli.command('tenant').description('businesses (tenants) in this installation');
  tenant
    .command('create')
    .description('create a business and its owner login; prints {"tenantId": "..."}')
    .requiredOption('--name <name>', 'business name')
    .requiredOption('--owner-email <email>', 'owner login email')
    .requiredOption('--owner-password <password>', 'owner password (10 characters or more)')
    .option('--owner-name <name>', 'owner display name')
    .option('--timezone <zone>', 'IANA time zone', 'Asia/Tokyo')
    .action((options) => run(tenantCreateCommand(options)));
  tenant
    .command('list')
    .description('list businesses, one JSON object per line')
    .action(() => run(tenantListCommand()));

  cli
    .command('demo')
    .description('build the demo salon: in a new business, or into --tenant; deterministic per seed')
    .option('--tenant <id>', 'load into this existing business instead of a new one')
    .option('--seed <n>', 'random seed', '1')
    .option('--customers <n>', 'number of customers', '3000')
    .option('--years <n>', 'years of history', '3')
    .option('--end-date <YYYY-MM-DD>', 'last day of history (default: today in the shop’s zone)')
    .action((options) => run(demoCommand(options)));

  cli
    .command('import')
    .description(
      'import customers or visits from CSV, all or nothing; exit 1 with a row-numbered report on stderr when rejected',
    )
    .argument('<kind>', 'customers or visits', (v) => {
      if (v !== 'customers' && v !== 'visits') throw new InvalidArgumentError('customers or visits');
      return v;
    })
    .argument('<file>', 'CSV file (UTF-8 with or without BOM, or Shift_JIS/CP932)')
    .requiredOption('--tenant <id>', 'business to import into')
    .option('--encoding <encoding>', 'utf-8 or shift_jis (default: detected)')
    .option('--mapping <file>', 'JSON file mapping CSV headers to fields, e.g. {"お客様No": "externalId"}')
    .option('--dry-run', 'check everything, write nothing')
    .action((kind: 'customers' | 'visits', file: string, options) => run(importCommand(kind, file, options)));

  const ltv = cli.command('ltv').description('lifetime-value models on a per-customer summary CSV (no database)');
  ltv
    .command('fit')
    .description('fit a model; prints {model, params, stdErr, logLik, converged, n, seconds}')
    .requiredOption('--model <model>', 'bg-nbd, mbg-nbd, pareto-nbd, gamma-gamma, bg-bb or sbg')
    .requiredOption(
      '--input <file>',
      'CSV: frequency,recency,T[,monetary_value] or x,t_x,T[,zbar] (+ id); sbg: active per period',
    )
    .option('--penalizer <x>', 'L2 penalty on the parameters', '0')
    .action((options) => run(ltvFitCommand(options)));
  ltv
    .command('predict')
    .description('score customers: id, p_alive, expected_transactions, expected_spend, clv (CSV)')
    .requiredOption('--model <model>', 'bg-nbd, mbg-nbd, pareto-nbd or bg-bb')
    .requiredOption('--params <json>', 'the model parameters (and p, q, gamma of gamma-gamma for spend and CLV)')
    .requiredOption('--input <file>', 'summary CSV as for ltv fit')
    .requiredOption('--t <n>', 'horizon for expected transactions, in the file’s time unit')
    .option('--clv-months <n>', 'CLV horizon in months', '12')
    .option('--discount-rate <d>', 'discount rate per month', '0.01')
    .option('--unit <unit>', 'time unit of the file: day, week or month', 'week')
    .option('--out <file>', 'write the CSV here instead of standard output')
    .action((options) => run(ltvPredictCommand(options)));

  cli
    .command('analyse')
    .description('analyse a transaction log offline (no database) into one self-contained HTML report')
    .argument('<file>', 'CSV of transactions: customer, date, amount (UTF-8 or Shift_JIS)')
    .requiredOption('--out <file>', 'where to write the HTML report')
    .option('--json <file>', 'also write the numbers behind the report as JSON')
    .option('--customer-id <column>', 'customer column (default: found by name, e.g. customer_id, 顧客番号)')
    .option('--date <column>', 'date column (default: found by name, e.g. date, 来店日)')
    .option('--amount <column>', 'amount column (default: found by name, e.g. amount, 金額)')
    .option('--encoding <encoding>', 'utf-8 or shift_jis (default: detected)')
    .option('--timezone <zone>', 'the shop’s time zone: days and months are counted in it', 'Asia/Tokyo')
    .option('--end-date <YYYY-MM-DD>', 'last day observed (default: the last date in the file)')
    .option('--lang <lang>', 'report language: ja or en', 'ja')
    .option('--currency <code>', 'JPY, USD or none (how amounts are shown)', 'JPY')
    .action((file: string, options) => run(analyseCommand(file, options)));

  cli
    .command('export')
    .description('write customers, visits, line items and payments as CSV (UTF-8 with BOM for Excel)')
    .requiredOption('--tenant <id>', 'business to export')
    .requiredOption('--out <dir>', 'folder to write into')
    .action((options) => run(exportCommand(options)));

  return cli;
}

/** Runs the CLI and resolves to the process exit code. */
export async function runCli(argv: string[]): Promise<number> {
  let work: Promise<number> | null = null;
  const cli = program((w) => {
    work = w;
  });
  cli.exitOverride();
  try {
    await cli.parseAsync(argv);
    return work ? await work : 0;
  } catch (err) {
    if (err instanceof CliError || err instanceof DataDirLockedError) {
      process.stderr.write(`${err.message}\n`);
      return err instanceof CliError ? err.exitCode : 1;
    }
    const code = (err as { code?: string }).code;
    if (code === 'commander.helpDisplayed' || code === 'commander.version') return 0;
    if (typeof code === 'string' && code.startsWith('commander.')) return (err as { exitCode?: number }).exitCode ?? 1;
    throw err;
  }
}
