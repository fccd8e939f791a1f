// Work that arrives faster than it is handled, gathered by key: while one key's work runs, later items of every key
// wait together and each key is then handled once for all its items, one key after another (oldest first). A burst
// of 1,000 items under one key costs one pass, so the backlog stays small and a shutdown waits for little.
// With `minIntervalMs`, a key's passes also start at least that far apart: the first item after a quiet spell is
// handled at once, the items of a busy key are gathered for up to that long.

export interface CoalescingWorker<T> {
  add(key: string, item: T): void;
  /** handles everything added so far now, whatever the interval, and resolves when it is done (tests, shutdown) */
  idle(): Promise<void>;
  /** resolves when everything added so far has been handled in its own time (waiting out the interval) */
  settled(): Promise<void>;
}

/** Keys whose last pass is older than this many intervals are forgotten (the map stays small). */
const FORGET_AFTER_INTERVALS = 4;

export function coalescingWorker<T>(
  handle: (key: string, items: T[]) => Promise<void>,
  onError: (error: unknown) => void,
  options: { minIntervalMs?: number; now?: () => number } = {},
): CoalescingWorker<T> {
  const interval = options.minIntervalMs ?? 0;
  const now = options.now ?? Date.now;
  const pending = new Map<string, T[]>();
  /** when each recently handled key's last pass started */
  const lastPass = new Map<string, number>();
  let running: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let flushing = 0;
  let waiters: (() => void)[] = [];

  const readyAt = (key: string) => (lastPass.get(key) ?? -Infinity) + interval;
  const nextKey = (): string | undefined => {
    const at = now();
    for (const key of pending.keys()) if (flushing > 0 || readyAt(key) <= at) return key;
    return undefined;
  };
  const forgetOld = () => {
    const before = now() - interval * FORGET_AFTER_INTERVALS;
    for (const [key, at] of lastPass) if (at < before && !pending.has(key)) lastPass.delete(key);
  };
  const drain = async () => {
    for (let key = nextKey(), first = true; key !== undefined; key = nextKey(), first = false) {
      // the rest of the process (sockets, requests) gets a turn between two keys' passes
      if (!first) await new Promise((resolve) => setImmediate(resolve));
      const items = pending.get(key) ?? [];
      pending.delete(key);
      if (interval > 0) lastPass.set(key, now());
      try {
        await handle(key, items);
      } catch (error) {
        onError(error);
      }
    }
  };
  const schedule = () => {
    if (running) return;
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    running = drain().finally(() => {
      running = null;
      if (lastPass.size > 1000) forgetOld();
      if (pending.size === 0) {
        const done = waiters;
        waiters = [];
        for (const resolve of done) resolve();
        return;
      }
      if (nextKey() !== undefined) {
        schedule();
        return;
      }
      const wake = Math.min(...[...pending.keys()].map(readyAt));
      timer = setTimeout(
        () => {
          timer = null;
          schedule();
        },
        Math.max(0, wake - now()),
      );
    });
  };

  return {
    add: (key, item) => {
      const items = pending.get(key);
      if (items) items.push(item);
      else pending.set(key, [item]);
      schedule();
    },
    idle: async () => {
      flushing += 1;
      try {
        while (running || pending.size > 0) {
          schedule();
          await running;
        }
      } finally {
        flushing -= 1;
      }
    },
    settled: () =>
      running || pending.size > 0 ? new Promise<void>((resolve) => waiters.push(resolve)) : Promise.resolve(),
  };
}
