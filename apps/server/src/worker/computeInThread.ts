import { parentPort } from 'node:worker_threads';
import { computeAnalytics, refreshOutputOf, transferablesOf, type AnalyticsInput } from '@kayoi/core';

/** One message in (the input), one out (the output or the error), then the thread ends. */
parentPort!.once('message', (input: AnalyticsInput) => {
  try {
    const output = refreshOutputOf(computeAnalytics(input));
    parentPort!.postMessage({ ok: true, output }, transferablesOf(output));
  } catch (err) {
    parentPort!.postMessage({ ok: false, message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
});
