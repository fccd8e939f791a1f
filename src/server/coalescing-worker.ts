// Work that arrives faster than it is handled, gathered by key: while one key's work runs, later items of every key
// wait together and each key is then handled once for all its items, one key after another (oldest first). A burst
// of 1,000 items under one key costs one pass, so the backlog stays small and a shutdown waits for little.

export interface CoalescingWorker<T> {
  add(key: string, item: T): void;
  /** resolves when every item added so far has been handled */
  idle(): Promise<void>;
}

export function coalescingWorker<T>(
  handle: (key: string, items: T[]) => Promise<void>,
  onError: (error: unknown) => void,
): CoalescingWorker<T> {
  const pending = new Map<string, T[]>();
  let running: Promise<void> | null = null;
  const drain = async () => {
    for (let next = pending.entries().next(); !next.done; next = pending.entries().next()) {
      const [key, items] = next.value;
      pending.delete(key);
      try {
        await handle(key, items);
      } catch (error) {
        onError(error);
      }
    }
  };
  const schedule = () => {
    running ??= drain().finally(() => {
      running = null;
      if (pending.size > 0) schedule();
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
      while (running) await running;
    },
  };
}
