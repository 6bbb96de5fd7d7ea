// collectGarbage (src/cli/collect.ts): the worker's collection after the orders really collects.
/// <reference lib="es2021.weakref" />
import { collectGarbage } from '../src/cli/collect';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('collectGarbage', () => {
  it('frees an object nothing holds any more, and keeps one still held', async () => {
    let dropped: number[] | null = new Array(100000).fill(1);
    const kept = new Array(1000).fill(2);
    const gone = new WeakRef(dropped);
    const still = new WeakRef(kept);
    dropped = null;
    // a WeakRef's target lives to the end of the job that made or read it
    await tick();
    collectGarbage();
    expect(gone.deref()).toBeUndefined();
    expect(still.deref()).toBe(kept);
  });

  it('can be called again', () => {
    expect(() => {
      collectGarbage();
      collectGarbage();
    }).not.toThrow();
  });
});
