// `followback score followers.json` (or a download's .html, .js, .txt, .zip): read through the import reader
// (src/core/imports), so its profiles become the Followers table the engine reads, as `followback import` would write it.
import Papa from 'papaparse';
import { detectAndParse, isFailure, mergeLists, type ImportedList } from '../core/imports';
import { InputError, type Source } from '../core/types';
import { importTable } from './import';

const csv = (text: string): string[][] => Papa.parse<string[]>(text, { skipEmptyLines: false }).data;

/** Files that are downloads, not tables: every other followers file is read as CSV. */
export const isDownloadFile = (path: string): boolean => /\.(json|html?|js|txt|zip)$/i.test(path);

/** The followers lists in a download file as a grid (header row first); InputError naming the file when it holds none. */
export function readFollowersJson(path: string, bytes: Uint8Array): Source {
  const results = detectAndParse(path, bytes, { csv, assume: 'followers' });
  const failure = results.find(isFailure);
  if (failure) throw new InputError(failure.error.replace(`${path}: `, ''), path);
  const lists = results.filter((r): r is ImportedList => !isFailure(r));
  if (!lists.some((l) => l.kind === 'followers')) {
    throw new InputError('it holds no followers list (only accounts you follow); give it with --following instead.', path);
  }
  const { fields, data } = importTable(mergeLists(lists, 'followers').rows);
  return { name: path, grid: [fields, ...data] };
}
