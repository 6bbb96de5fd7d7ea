// A whole data download as a .zip (Instagram/Threads, TikTok, X, LinkedIn): only the follower/following
// files are inflated (fflate's filter), so a download full of photos costs little more than its lists.
// fflate runs in the sidebar and the CLI; Code.js (Apps Script) never imports this module.
import { unzipSync } from 'fflate';
import { parseSingleFile } from './single-file';
import { baseName } from './text';
import type { ImportOptions, ImportResult } from './types';

/** Entry names worth inflating: the lists of every download this importer reads. */
const LIST_FILE =
  /^(followers(_\d+)?|following(_\d+)?)\.(json|html?)$|^(people_who_followed_you|who_you(')?ve_followed|who_you_follow)\.json$|^user_data(_tiktok)?\.json$|^follow(er|ing)\.(txt|js)$|^following_accounts\.csv$|^connections\.(csv|json)$/i;

/** Inflated size above which an entry is refused (a list of 1M accounts is ~150 MB of JSON). */
const MAX_ENTRY_BYTES = 300 * 1024 * 1024;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
}

export function isListEntry(path: string): boolean {
  return !/(^|\/)__MACOSX\//.test(path) && LIST_FILE.test(baseName(path));
}

/** Every follower/following list in the zip, each named "zip/path/in/zip"; files of other kinds are ignored. */
export function parseZip(zipName: string, bytes: Uint8Array, options: ImportOptions = {}): ImportResult[] {
  const tooBig: string[] = [];
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (!isListEntry(f.name)) return false;
        if (f.originalSize > MAX_ENTRY_BYTES) {
          tooBig.push(f.name);
          return false;
        }
        return true;
      },
    });
  } catch (e) {
    return [{ file: zipName, error: `${zipName}: damaged zip (${(e as Error).message}); download it again. Expected a platform's data download as a .zip.` }];
  }
  const results: ImportResult[] = tooBig.map((name) => ({
    file: `${zipName}/${name}`,
    error: `${zipName}/${name}: too large to read here (over ${MAX_ENTRY_BYTES / 1048576} MB); unzip it and import the file on the command line.`,
  }));
  const names = Object.keys(files).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  for (const name of names) results.push(...parseSingleFile(`${zipName}/${name}`, files[name], options));
  if (results.length === 0) {
    return [
      {
        file: zipName,
        error:
          `${zipName}: no follower or following lists in this zip. Expected a data download holding ` +
          'connections/followers_and_following/followers_1.json (Instagram, JSON or HTML format), user_data_tiktok.json, ' +
          'data/follower.js (X) or Connections.csv (LinkedIn).',
      },
    ];
  }
  return results;
}
