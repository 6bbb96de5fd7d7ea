// Google's limits the add-on must stay within: 50,000 characters a cell, 9 KB (of UTF-8) a document property.

export const MAX_CELL_CHARS = 50000;
export const MAX_PROPERTY_BYTES = 9 * 1024;

/** UTF-8 length without TextEncoder (which Apps Script's V8 does not provide). */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4; // a surrogate pair: one 4-byte character
      i++;
    } else n += 3;
  }
  return n;
}

/** A text over the cell limit is cut (Sheets would refuse it, failing the whole write). */
export function fitCell<T>(v: T): T | string {
  return typeof v === 'string' && v.length > MAX_CELL_CHARS ? `${v.slice(0, MAX_CELL_CHARS - 1)}…` : v;
}
