// Work that arrives faster than it is handled, gathered by key: while one key's work runs, later items of every key
// wait together and each key is then handled once for all its items, one key after another (oldest first). A burst
// of 1,000 items under one key costs one pass, so the backlog stays small and a shutdown waits for little.
// With `minIntervalMs`, a key's passes also start at least that far apart: the first item after a quiet spell is
// handled at once, the items of a busy key are gathered for up to that long.

export interface CoalescingWorker<T> {
  add(key: string, item: T): void;
  /** handles everything added so far now, whatever the interval, and resolves when it is done (tests, shutdown) */
  idle(): Promise<void>;
  /**
   * resolves when everything added so far has been handled in its own time (waiting out the interval), even while
   * more keeps arriving
   */
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
  /** the key whose pass is running */
  let current: string | null = null;
  /** settled() calls waiting: how many more passes each key they wait for must finish */
  const watchers = new Set<{ remaining: Map<string, number>; resolve: () => void }>();
  const passDone = (key: string) => {
    for (const watcher of watchers) {
      const left = watcher.remaining.get(key);
      if (left === undefined) continue;
      if (left > 1) watcher.remaining.set(key, left - 1);
      else watcher.remaining.delete(key);
      if (watcher.remaining.size === 0) {
        watchers.delete(watcher);
        watcher.resolve();
      }
    }
  };

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
      current = key;
      try {
        await handle(key, items);
      } catch (error) {
        onError(error);
      } finally {
        current = null;
        passDone(key);
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
      if (pending.size === 0) return;
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
    settled: () => {
      // the running pass (its items were taken before this call) and one more pass of every waiting key
      const remaining = new Map<string, number>();
      if (current !== null) remaining.set(current, 1);
      for (const key of pending.keys()) remaining.set(key, (remaining.get(key) ?? 0) + 1);
      if (remaining.size === 0) return Promise.resolve();
      return new Promise<void>((resolve) => watchers.add({ remaining, resolve }));
    },
  };
}
