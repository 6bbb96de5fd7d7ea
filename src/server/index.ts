// The only file whose exports become Apps Script globals (see scripts/build.mjs).

/**
 * Placeholder until the add-on lands.
 * @param {number} x a number
 * @return {number} the number
 * @customfunction
 */
export function FOLLOWBACK_PING(x: number): number {
  return x;
}
