// Bytes of a downloaded file → text, and the small text repairs the downloads need.
// Web-standard APIs only (TextDecoder): this runs in the sidebar and in Node.
import { fixMojibake } from '../values';

/** UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252 (an export re-saved by Excel). */
export function decodeBytes(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const body = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return new TextDecoder('windows-1252').decode(body);
  }
}

/**
 * Meta's JSON writes each UTF-8 byte as its own \u00XX escape ("\u00c3\u00a9" for "é"): re-decode the string
 * from Latin-1 to UTF-8. Text that is already right comes back unchanged.
 */
export function repairText(s: unknown): string {
  if (typeof s !== 'string') return s === undefined || s === null ? '' : String(s);
  return fixMojibake(s).trim();
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** HTML character references in text or attribute values. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    const named = NAMED_ENTITIES[ref.toLowerCase()];
    return named !== undefined ? named : whole;
  });
}

/** The last part of a file path (zip entries use '/', Windows paths '\'). */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}
