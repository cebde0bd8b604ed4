/**
 * Runs `work` now and again `pollMs` after each run ends, until stopped; `stop()` waits for the
 * run in progress. A failed run is logged and the loop goes on: the database or a provider may
 * be briefly unreachable, and leases hand unfinished work to the next run or another worker.
 */
export function pollingLoop(work: () => Promise<unknown>, pollMs: number, onError: (err: unknown) => void) {
  let running = false;
  let timer: NodeJS.Timeout | null = null;
  let busy: Promise<unknown> = Promise.resolve();

  async function tick(): Promise<void> {
    if (!running) return;
    try {
      await work();
    } catch (err) {
      onError(err);
    }
    if (running) timer = setTimeout(() => (busy = tick()), pollMs);
  }

  return {
    start() {
      if (running) return;
      running = true;
      busy = tick();
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      await busy;
    },
  };
}

export const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));
