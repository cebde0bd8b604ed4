#!/usr/bin/env node
// Builds the dashboard (apps/web → apps/web/dist). Runs after `npm install` so that
// `npm install && npm start` is all a shop needs; KAYOI_SKIP_WEB_BUILD=1 skips it.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

if (process.env.KAYOI_SKIP_WEB_BUILD === '1') process.exit(0);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(npm, ['run', 'build', '--workspace', '@kayoi/web', '--silent'], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
