#!/usr/bin/env node
// Runs the benchmarks under bench/ (each *.bench.ts) with tsx. Results go to stdout;
// record them with the machine and date in docs/benchmarks.md.
// Usage: npm run bench [-- name-filter]
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const filter = process.argv[2];
const benches = readdirSync(path.join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter)))
  .sort();
let failed = 0;
for (const bench of benches) {
  console.log(`\n== ${bench} (${new Date().toISOString()})`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join('bench', bench)], {
    stdio: 'inherit',
    cwd: root,
  });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
