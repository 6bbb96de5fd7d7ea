// One downloaded file (not a zip) → the follower/following lists it holds, detected from its content,
// with the file name only as a hint. Every failure names the file and what was expected.
import { parseBlueskyJson } from './bluesky';
import { looksLikeCsvList, parseCsvList } from './csv-lists';
import { SUPPORTED, expectedFor } from './hints';
import { parseMetaHtml, parseMetaJson } from './meta';
import { parseScraperJson } from './scrapers';
import { decodeBytes } from './text';
import { looksLikeTikTokText, parseTikTokJson, parseTikTokText } from './tiktok';
import type { ImportOptions, ImportResult, ParseOutcome } from './types';
import { looksLikeXArchive, parseXArchive } from './x-archive';

function describeJson(data: unknown): string {
  if (Array.isArray(data)) return `a JSON list of ${data.length} item${data.length === 1 ? '' : 's'}`;
  if (data && typeof data === 'object') {
    const keys = Object.keys(data).slice(0, 5);
    return keys.length ? `a JSON object with ${keys.map((k) => `"${k}"`).join(', ')}` : 'an empty JSON object';
  }
  return `a JSON ${typeof data}`;
}

function outcomeOf(text: string, fileName: string, options: ImportOptions): ParseOutcome {
  const assume = options.assume || 'followers';
  const t = text.replace(/^\uFEFF/, '').trimStart();
  if (!t) return 'the file is empty';
  if (looksLikeXArchive(t)) return parseXArchive(t);
  if (t[0] === '{' || t[0] === '[') {
    let data: unknown;
    try {
      data = JSON.parse(t);
    } catch (e) {
      return `damaged JSON, perhaps a download cut short (${(e as Error).message})`;
    }
    const found =
      parseMetaJson(data, fileName, assume) || parseTikTokJson(data) || parseBlueskyJson(data, fileName, assume) || parseScraperJson(data, fileName, assume);
    return found || `not a follower or following list (found ${describeJson(data)})`;
  }
  if (t[0] === '<') return parseMetaHtml(t, fileName, assume);
  if (looksLikeTikTokText(t)) return parseTikTokText(t, fileName, assume);
  if (looksLikeCsvList(t, fileName)) return parseCsvList(t, fileName, assume, options.csv);
  return 'not a follower or following list this add-on knows';
}

/** The lists in one file, or one failure naming the file and what was expected. Never throws. */
export function parseSingleFile(fileName: string, bytes: Uint8Array, options: ImportOptions = {}): ImportResult[] {
  let outcome: ParseOutcome;
  try {
    outcome = outcomeOf(decodeBytes(bytes), fileName, options);
  } catch (e) {
    outcome = `could not be read (${(e as Error).message})`;
  }
  if (typeof outcome === 'string') {
    const expected = expectedFor(fileName);
    return [{ file: fileName, error: `${fileName}: ${outcome}. Expected ${expected}.` }];
  }
  return outcome.map((list) => ({ file: fileName, ...list }));
}

export { SUPPORTED };
