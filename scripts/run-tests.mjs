#!/usr/bin/env node
// Runs every *.test.ts under packages/ and apps/ with node:test through tsx.
// Node 20 neither strips types nor expands quoted globs in --test, hence this script.
// Usage: node scripts/run-tests.mjs [path-filter ...]
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const filters = process.argv.slice(2);

function collect(dir, out) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) collect(full, out);
    else if (name.endsWith('.test.ts') || name.endsWith('.test.tsx')) out.push(full);
  }
  return out;
}

const files = ['packages', 'apps']
  .flatMap((d) => collect(path.join(root, d), []))
  .filter((f) => filters.length === 0 || filters.some((flt) => f.includes(flt)))
  .sort();

if (files.length === 0) {
  console.error('no test files matched');
  process.exit(1);
}

// Browser tests drive the built dashboard: build it from the current sources first.
if (files.some((f) => f.includes(`${path.sep}apps${path.sep}web${path.sep}`))) {
  const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-web.mjs')], {
    stdio: 'inherit',
    cwd: root,
    env: { ...process.env, KAYOI_SKIP_WEB_BUILD: '0' },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files],
  { stdio: 'inherit', cwd: root, env: { ...process.env, NODE_ENV: 'test' } },
);
process.exit(result.status ?? 1);
