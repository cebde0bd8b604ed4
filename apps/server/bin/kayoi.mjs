#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx: no build step between `npm install` and `npm start`.
import { register } from 'tsx/esm/api';

register();
// `kayoi ltv predict … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});
const { runCli } = await import('../src/cli/main.ts');
process.exitCode = await runCli(process.argv);
