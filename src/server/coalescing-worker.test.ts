import { afterEach, describe, expect, it, vi } from 'vitest';
import { coalescingWorker } from './coalescing-worker.js';

describe('coalescing worker', () => {
  it('handles items that arrive during a pass together, per key, in the order the keys first waited', async () => {
    const passes: [string, number[]][] = [];
    let release: () => void = () => undefined;
    const firstPassHeld = new Promise<void>((resolve) => (release = resolve));
    const worker = coalescingWorker<number>(
      async (key, items) => {
        passes.push([key, items]);
        if (passes.length === 1) await firstPassHeld;
      },
      () => undefined,
    );

    worker.add('a', 1);
    // while a's first pass runs, a burst for b and a gathers
    worker.add('b', 2);
    worker.add('a', 3);
    worker.add('b', 4);
    worker.add('a', 5);
    release();
    await worker.idle();
    expect(passes).toEqual([
      ['a', [1]],
      ['b', [2, 4]],
      ['a', [3, 5]],
    ]);
  });

  it('reports a failing pass and goes on with the others', async () => {
    const errors: unknown[] = [];
    const handled: string[] = [];
    const worker = coalescingWorker<string>(
      async (key) => {
        if (key === 'bad') throw new Error('boom');
        handled.push(key);
      },
      (error) => errors.push(error),
    );
    worker.add('bad', 'x');
    worker.add('good', 'y');
    await worker.idle();
    worker.add('later', 'z');
    await worker.idle();
    expect(handled).toEqual(['good', 'later']);
    expect(errors).toHaveLength(1);
  });

  describe('with a minimum interval', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    /** A worker with a 1 s interval whose passes take `passMs` (fake time) and are recorded. */
    const recordingWorker = (passMs = 0) => {
      const passes: [string, number[]][] = [];
      const worker = coalescingWorker<number>(
        async (key, items) => {
          if (passMs > 0) await new Promise((resolve) => setTimeout(resolve, passMs));
          passes.push([key, items]);
        },
        () => undefined,
        { minIntervalMs: 1000 },
      );
      return { passes, worker };
    };

    it('handles the first item at once and gathers a busy key until its interval has passed', async () => {
      vi.useFakeTimers();
      const { passes, worker } = recordingWorker();
      worker.add('a', 1);
      await vi.advanceTimersByTimeAsync(0);
      expect(passes).toEqual([['a', [1]]]);

      worker.add('a', 2);
      worker.add('b', 10);
      worker.add('a', 3);
      await vi.advanceTimersByTimeAsync(0);
      // b had no recent pass; a waits
      expect(passes).toEqual([
        ['a', [1]],
        ['b', [10]],
      ]);
      await vi.advanceTimersByTimeAsync(998);
      expect(passes).toHaveLength(2);
      await vi.advanceTimersByTimeAsync(2);
      expect(passes.at(-1)).toEqual(['a', [2, 3]]);
    });

    it('idle() handles the waiting items now; settled() waits for their turn', async () => {
      vi.useFakeTimers();
      const { passes, worker } = recordingWorker();
      worker.add('a', 1);
      worker.add('a', 2);
      await vi.advanceTimersByTimeAsync(0);
      let settled = false;
      void worker.settled().then(() => (settled = true));
      await vi.advanceTimersByTimeAsync(500);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(500);
      expect(settled).toBe(true);
      expect(passes).toEqual([
        ['a', [1]],
        ['a', [2]],
      ]);

      worker.add('a', 3);
      await worker.idle();
      expect(passes.at(-1)).toEqual(['a', [3]]);
    });

    it('settled() resolves under sustained traffic once what came before it is handled', async () => {
      vi.useFakeTimers();
      // a pass takes a while, so more arrives during every pass
      const { passes, worker } = recordingWorker(150);
      // a busy shop: an item every 100 ms, for 5 s
      let next = 0;
      const traffic = setInterval(() => worker.add('shop', next++), 100);
      await vi.advanceTimersByTimeAsync(1050);
      let settledAt: number | null = null;
      const calledAt = Date.now();
      const before = next;
      void worker.settled().then(() => (settledAt = Date.now()));
      await vi.advanceTimersByTimeAsync(4000);
      clearInterval(traffic);
      expect(settledAt).not.toBeNull();
      expect(settledAt! - calledAt).toBeLessThanOrEqual(1150);
      // every item added before the call was in a finished pass by then
      const handled = passes.flatMap(([, items]) => items);
      for (let item = 0; item < before; item += 1) expect(handled).toContain(item);
    });
  });
});
