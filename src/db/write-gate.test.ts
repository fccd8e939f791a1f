// Turns at writing: shared turns together, a lone turn by itself, first come first served.
import { describe, expect, it } from 'vitest';
import { WriteGate } from './write-gate.js';

const settle = () => new Promise((resolve) => setImmediate(resolve));

/** A turn that notes its name in `order` when it is granted. */
const noted = (order: string[], name: string, turn: Promise<() => void>) =>
  turn.then((release) => {
    order.push(name);
    return release;
  });

describe('write gate', () => {
  it('lets shared turns overlap and a lone turn wait until they are over', async () => {
    const gate = new WriteGate();
    const order: string[] = [];
    const first = await gate.shared();
    const second = await gate.shared();
    const alone = noted(order, 'alone', gate.exclusive());
    await settle();
    expect(order).toEqual([]);
    first();
    await settle();
    expect(order).toEqual([]);
    second();
    (await alone)();
    expect(order).toEqual(['alone']);
    expect(gate.state).toEqual({ sharing: 0, alone: false, waiting: 0 });
  });

  it('keeps a shared turn that asks after a waiting lone one behind it, so the lone one never starves', async () => {
    const gate = new WriteGate();
    const order: string[] = [];
    const sharing = await gate.shared();
    const alone = noted(order, 'alone', gate.exclusive());
    const later = noted(order, 'later shared', gate.shared());
    await settle();
    expect(order).toEqual([]);
    sharing();
    const releaseAlone = await alone;
    await settle();
    expect(order).toEqual(['alone']);
    releaseAlone();
    (await later)();
    expect(order).toEqual(['alone', 'later shared']);
  });

  it('gives a turn up once however often it is released', async () => {
    const gate = new WriteGate();
    const release = await gate.shared();
    const other = await gate.shared();
    release();
    release();
    expect(gate.state.sharing).toBe(1);
    other();
    expect(gate.state.sharing).toBe(0);
  });
});
