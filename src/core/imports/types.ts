// Plain data of the follower/following importers (src/core/imports). ImportedRow crosses the sidebar → server
// boundary (google.script.run), so it holds only strings and numbers.

export type ImportKind = 'followers' | 'following';

/** One account read from a platform's data download. */
export interface ImportedRow {
  /** Normalised handle (normalizeHandle): lower case, no @, URL reduced to the handle. X gives only a numeric
   *  account id (as text); Facebook gives only a display name, whose normalised form is the key. */
  handle: string;
  /** Profile URL, when the file gives one or it follows from the handle. */
  url?: string;
  /** Display name, when the file gives one. */
  name?: string;
  /** When the follow (or connection) happened, epoch ms. */
  date?: number;
  /** 'instagram', 'threads', 'tiktok', 'x', 'bluesky', 'facebook', 'mastodon', 'linkedin'. */
  platform?: string;
  /** Email, lower case (LinkedIn connections): exact evidence for matching a customer. */
  email?: string;
  /** Profile fields, when the file has them (scrapers' Instagram private-API pages and profile lists). */
  bio?: string;
  followers?: number;
  following?: number;
  posts?: number;
  isPrivate?: boolean;
  verified?: boolean;
  /** Profile picture URL. */
  picture?: string;
}

/** The columns an imported row fills beyond Handle, Name, Profile URL, Followed on and Platform, in order. */
export const PROFILE_COLUMNS: { key: 'email' | 'bio' | 'followers' | 'following' | 'posts' | 'isPrivate' | 'verified' | 'picture'; header: string }[] = [
  { key: 'email', header: 'Email' },
  { key: 'bio', header: 'Bio' },
  { key: 'followers', header: 'Followers count' },
  { key: 'following', header: 'Following count' },
  { key: 'posts', header: 'Posts' },
  { key: 'isPrivate', header: 'Private' },
  { key: 'verified', header: 'Verified' },
  { key: 'picture', header: 'Profile pic URL' },
];

/** A list found in one file (a zip or a TikTok download may hold several). */
export interface ImportedList {
  /** The file as the user named it; inside a zip, "download.zip › path/in/zip.json". */
  file: string;
  kind: ImportKind;
  platform: string;
  /** Human-readable format name, e.g. "Instagram followers (JSON)". */
  format: string;
  rows: ImportedRow[];
  /** Entries that held no usable handle. */
  skipped: number;
  /** Set when the kind was not written in the file and came from the caller's assumption. */
  assumedKind?: boolean;
}

/** A file that could not be read: `error` names the file and what was expected. */
export interface ImportFailure {
  file: string;
  error: string;
}

export type ImportResult = ImportedList | ImportFailure;

/** Parses CSV text into rows of strings (papaparse in the CLI and the sidebar; core does not bundle a CSV library). */
export type CsvParser = (text: string) => string[][];

export interface ImportOptions {
  /** Needed for the CSV formats (Mastodon, LinkedIn); without it those files get a clear error. */
  csv?: CsvParser;
  /** The kind to use when a file does not say (a renamed TikTok .txt, LinkedIn connections). Default 'followers'. */
  assume?: ImportKind;
}

export function isFailure(r: ImportResult): r is ImportFailure {
  return (r as ImportFailure).error !== undefined;
}

/** What one format parser returns: the lists it found (without the file name), or the reason it failed. */
export type ParseOutcome = Omit<ImportedList, 'file'>[] | string;

/** What importRows did on the sheet. */
export interface ImportSummary {
  /** New rows appended. */
  added: number;
  /** Rows whose handle was already on the tab (or earlier in the same call). */
  duplicates: number;
  /** The tab written to. */
  tab: string;
  /** Rows without any handle, ignored. */
  skipped?: number;
  /** Headers added to the right of an existing tab for data it had no column for (e.g. "Followed on"). */
  columnsAdded?: string[];
}
