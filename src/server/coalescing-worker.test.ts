import { describe, expect, it } from 'vitest';
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
});
