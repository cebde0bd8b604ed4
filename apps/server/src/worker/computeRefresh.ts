import { Worker } from 'node:worker_threads';
import { computeAnalytics, refreshOutputOf, type AnalyticsInput, type RefreshOutput } from '@kayoi/core';

/** How a refresh's computation is run: on a worker thread, or (CLI, benchmarks) right here. */
export type ComputeRefresh = (input: AnalyticsInput) => Promise<RefreshOutput>;

const threadEntry = new URL('./computeThread.mjs', import.meta.url);

/**
 * Runs the computation on a fresh worker thread. The model fit and views take seconds of
 * CPU for a large shop; on the main thread they would stall every request, and on the
 * embedded database the database itself (PGlite runs on the calling thread).
 */
export const computeOnWorkerThread: ComputeRefresh = (input) =>
  new Promise<RefreshOutput>((resolve, reject) => {
    const worker = new Worker(threadEntry, { execArgv: [] });
    let settled = false;
    worker.once('message', (reply: { ok: true; output: RefreshOutput } | { ok: false; message: string }) => {
      settled = true;
      if (reply.ok) resolve(reply.output);
      else reject(new Error(reply.message));
      void worker.terminate();
    });
    worker.once('error', (err) => {
      settled = true;
      reject(err);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the analytics thread stopped (exit code ${code})`));
    });
    const v = input.visits;
    const buffers = [v.customer, v.day, v.revenue, v.profit, v.store, v.staff, v.service]
      .filter((a): a is NonNullable<typeof a> => a !== undefined)
      .map((a) => a.buffer)
      .filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
    // Moved, not copied: the caller is done with the input (it is detached afterwards).
    worker.postMessage(input, [...new Set(buffers)]);
  });

/** The same computation on the calling thread. */
export const computeInline: ComputeRefresh = (input) => Promise.resolve(refreshOutputOf(computeAnalytics(input)));
