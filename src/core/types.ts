// The engine's shared vocabulary: plain data in, plain data out.
// Every face (command line, sheet, custom functions, sidebar, preview) speaks these types.

/** One cell as `Range.getValues()` returns it, or as a CSV parser yields it (strings). */
export type Cell = string | number | boolean | Date | null | undefined;
export type Grid = Cell[][];

/** A tab or a file: its name is what error messages show the user. */
export interface Source {
  name: string;
  grid: Grid;
}

export type TableKind = 'followers' | 'orders' | 'engagement' | 'following';

/** A table whose header row and columns were found (see table.ts). */
export interface Table {
  kind: TableKind;
  source: string;
  /** 0-based index of the header row in the grid. */
  headerIndex: number;
  headers: string[];
  /** field name -> 0-based column index in the grid. Field names are listed in fields.ts. */
  columns: Record<string, number>;
  /** Data rows: grid rows after the header row, unchanged (blank rows kept so output lines up). */
  rows: Cell[][];
}

/** A bad input: names the tab or file, the 1-based row as the user sees it and the column header. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly source: string,
    readonly row?: number,
    readonly column?: string,
  ) {
    super(InputError.format(message, source, row, column));
    this.name = 'InputError';
  }
  static format(message: string, source: string, row?: number, column?: string): string {
    const where = [row !== undefined ? `row ${row}` : '', column !== undefined ? `column "${column}"` : '']
      .filter(Boolean)
      .join(', ');
    return `${source}${where ? ` (${where})` : ''}: ${message}`;
  }
}

export type Platform = 'instagram' | 'x' | 'tiktok' | 'facebook' | 'threads' | 'bluesky' | 'linkedin' | 'pinterest';

export interface Weights {
  customer: number;
  engagement: number;
  genuine: number;
}

export interface Settings {
  platform: Platform;
  /** Accounts the business follows today. */
  followingCount: number;
  /** Follows a day; undefined = the platform's preset pace. */
  dailyLimit?: number;
  /** Score at or above which a follower is `Follow back`. */
  followThreshold: number;
  /** Score at or above which a follower is `Consider`. */
  considerThreshold: number;
  /** Bot risk (0-100) at or above which a non-customer is `Likely bot`. */
  botThreshold: number;
  /** Expected share of bots among the followers, in percent (1-50): the prior Bot risk starts from. */
  botBaseRate: number;
  weights: Weights;
  /** Say thanks and Make room: engagement in the last this many days is "recent"; undefined = RECENT_DAYS (30). */
  recentDays?: number;
  /** "Today" as epoch milliseconds, for recency and account age; defaults to Date.now(). */
  now?: number;
  /** Tab names chosen by hand in the sidebar, when the automatic tab-name rules are not wanted. */
  tabs?: Partial<Record<TableKind, string>>;
  /** Column headers chosen by hand (sidebar): per table kind, field name -> header text. */
  columnOverrides?: Partial<Record<TableKind, Record<string, string>>>;
  /** Days "Not now" keeps an account out of the follow queue (default 7). */
  notNowDays?: number;
  /** The business's own follower count, for ratio rules; undefined = the rows on the Followers tab. */
  ownFollowers?: number;
  /** When `followingCount` was entered (epoch ms): follows ticked after it add to it. */
  followingCountOn?: number;
}

/** A follower row read from the Followers table; absent fields are undefined. */
export interface Follower {
  /** 0-based index into Table.rows. */
  index: number;
  /** Normalised handle: lower case, no @, URL reduced to the handle. '' when the row is blank. */
  handle: string;
  name?: string;
  /** An email the Followers tab gives (LinkedIn, scraper exports): exact evidence for linking to a customer. */
  email?: string;
  bio?: string;
  followers?: number;
  following?: number;
  posts?: number;
  hasPicture?: boolean;
  isPrivate?: boolean;
  verified?: boolean;
  externalUrl?: string;
  /** epoch ms */
  joined?: number;
  /** epoch ms */
  lastPost?: number;
  platform?: string;
}

/** A customer built from order rows (customers.ts). */
export interface Customer {
  /** Email in lower case when the orders have one, else the name as the orders write it. */
  key: string;
  emails: string[];
  names: string[];
  /** Social handles found in an order's handle column or notes, normalised. */
  handles: string[];
  phones: string[];
  orders: number;
  spent: number;
  currency?: string;
  /** epoch ms */
  lastOrder?: number;
}

export interface Match {
  /** index into the customers array */
  customer: number;
  /** 0..1 */
  confidence: number;
  /** true: fills Customer ID. false: shown as `Possible: …`. */
  confident: boolean;
  /** Plain-language evidence, strongest first, e.g. "email local part = handle". */
  evidence: string[];
  /** p / (1 − p) unrounded, for settling a customer that several followers claim (match/claims.ts) */
  odds?: number;
}

export type EngagementType = 'mention' | 'tag' | 'share' | 'comment' | 'dm' | 'save' | 'like';

export interface Engagement {
  /** recency-weighted points */
  points: number;
  counts: Partial<Record<EngagementType, number>>;
  /** epoch ms of the latest interaction, when dated */
  last?: number;
}

export interface BotInput {
  handle: string;
  bio?: string;
  followers?: number;
  following?: number;
  posts?: number;
  hasPicture?: boolean;
}

export interface BotAssessment {
  /** 0..1 calibrated probability of bot, spam or fake */
  risk: number;
  /** the strongest contributions towards "bot" (positive) or "genuine" (negative), plain language */
  factors: { label: string; weight: number }[];
  /** how many of the model's inputs were known (0..1) */
  coverage: number;
}

export type Recommendation = 'Follow back' | 'Consider' | 'Skip' | 'Likely bot' | 'Already following';

export const RECOMMENDATIONS: readonly Recommendation[] = ['Follow back', 'Consider', 'Skip', 'Likely bot', 'Already following'];

export const OUTPUT_HEADERS = [
  'Followback score',
  'Recommendation',
  'Bot risk',
  'Customer',
  'Customer ID',
  'Match confidence',
  'Engagement',
  'Reasons',
  'Follow queue',
] as const;

/** One scored follower: the nine output columns, in OUTPUT_HEADERS order. */
export interface ResultRow {
  score: number;
  recommendation: Recommendation;
  botRisk: number;
  customer: string;
  customerId: string;
  /** '' when there is no candidate */
  matchConfidence: number | '';
  engagement: number;
  reasons: string;
  /** '' unless queued today */
  queue: number | '';
}
