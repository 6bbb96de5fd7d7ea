// A fast 106-bit fingerprint of a tab's cells: the cache key of what was parsed from it, so an edit gives a new key.
import type { Cell } from '../core/types';

/**
 * Two cyrb53 hashes (https://github.com/bryc/code/blob/master/jshash/experimental/cyrb53.js, public domain) with
 * different seeds, fed cell by cell. Why not SHA-256 of the JSON: on a 104,000-row orders tab that took ~2 s of
 * script time a call (the string is ~30 MB), more than everything else a custom function does from the cache.
 * A type tag per cell keeps `1` apart from `'1'`.
 */
export function fingerprint(grid: Cell[][]): string {
  let a1 = 0xdeadbeef, a2 = 0x41c6ce57, b1 = 0x9e3779b9, b2 = 0x85ebca6b;
  const feed = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      a1 = Math.imul(a1 ^ c, 2654435761);
      a2 = Math.imul(a2 ^ c, 1597334677);
      b1 = Math.imul(b1 ^ c, 2246822507);
      b2 = Math.imul(b2 ^ c, 3266489909);
    }
  };
  for (const row of grid) {
    for (const v of row) {
      const [tag, text] = tagged(v);
      feed(`${tag}${text.length}:`); // the length keeps ['ab', ''] apart from ['a', 'b']
      feed(text);
    }
    feed('\n');
  }
  const mix = (h1: number, h2: number) => {
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
  };
  return `${grid.length}.${mix(a1, a2)}.${mix(b1, b2)}`;
}

/** A type tag and the cell's text; Dates by the clock (instanceof fails across gas-local's contexts). */
function tagged(v: Cell): [string, string] {
  if (typeof v === 'string') return ['s', v];
  if (Object.prototype.toString.call(v) === '[object Date]') return ['d', String((v as Date).getTime())];
  return [typeof v, String(v)];
}
