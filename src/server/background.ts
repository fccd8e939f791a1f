// Background work of a node: events applied one after another in the order they were published, and a sweep
// repeated on an interval (never two at once). Used by the SLA clockwork and the follow-up jobs.

export interface SerialQueue {
  enqueue(work: () => Promise<void>): void;
  /** Resolves when everything enqueued so far, and anything it enqueued in turn, has run. */
  idle(): Promise<void>;
}

export function serialQueue(onError: (error: unknown) => void): SerialQueue {
  let chain: Promise<void> = Promise.resolve();
  return {
    enqueue: (work) => {
      chain = chain.then(work).catch(onError);
    },
    idle: async () => {
      let seen: Promise<void> | undefined;
      while (seen !== chain) {
        seen = chain;
        await chain;
      }
    },
  };
}

/** Runs `sweep` every `intervalMs` (skipped while the last one still runs); stop() waits for a running one. */
export function periodicSweep(
  sweep: () => Promise<unknown>,
  intervalMs: number,
  onError: (error: unknown) => void,
): { stop(): Promise<void> } {
  let sweeping: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (sweeping) return;
    sweeping = sweep()
      .catch(onError)
      .finally(() => {
        sweeping = null;
      });
  }, intervalMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await sweeping;
    },
  };
}
