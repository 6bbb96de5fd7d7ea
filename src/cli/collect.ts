// A full garbage collection on demand, for the command line's worker thread once it is done with the orders.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | null | undefined;

/**
 * Collects garbage now, in this thread's heap. Node exposes `gc` only with --expose-gc, which the command line
 * is not started with; the flag set at run time shows `gc` in contexts made after it, as jest-leak-detector gets
 * it. Does nothing where that fails.
 */
export function collectGarbage(): void {
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      const found: unknown = runInNewContext('typeof gc === "function" ? gc : null');
      gc = typeof found === 'function' ? (found as () => void) : null;
    } catch {
      gc = null;
    }
  }
  if (gc) gc();
}
