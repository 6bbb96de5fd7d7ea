// Follower and following lists from the platforms' data downloads. Pure: runs in the sidebar and the CLI.
import { parseSingleFile } from './single-file';
import { isZip, parseZip } from './zip';
import type { ImportOptions, ImportResult } from './types';

/**
 * Every follower/following list in a downloaded file (a .zip download included), detected from the content
 * with the file name as a hint. A file that is not a known list, or is damaged, yields one failure whose
 * `error` names the file and what was expected. Never throws.
 */
export function detectAndParse(fileName: string, bytes: Uint8Array, options: ImportOptions = {}): ImportResult[] {
  return isZip(bytes) ? parseZip(fileName, bytes, options) : parseSingleFile(fileName, bytes, options);
}

export { parseZip, isZip } from './zip';
export { mergeLists, mergeRows, describeList, type Merged } from './merge';
export { isoDay } from './follow-dates';
export { SUPPORTED } from './hints';
export * from './types';
