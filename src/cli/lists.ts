// `followback thanks …` and `followback unfollow …`: the Say thanks and Make room lists on CSV files, as CSV
// (formula-safe text), with a summary line on standard error.
import { basename } from 'node:path';
import { csvSafe } from '../core/engine';
import { profileLink } from '../core/profile-links';
import { buildRoom, buildThanks, type ListSources } from '../core/lists';
import { recentDaysOf, validateSettings } from '../core/settings';
import type { Cell, Source, TableKind } from '../core/types';
import { csvField, readCsvFile } from './csv';
import type { Io } from './main';
import { readLayout } from './score-parts';

export const LISTS_USAGE = `  followback thanks --engagement FILE... [--orders FILE]... [--followers FILE] [--history FILE]
                    [--days N] [--platform P] [--out FILE]
  followback unfollow FOLLOWING.csv --followers FILE [--orders FILE]... [--engagement FILE]... [--history FILE]
                    [--days N] [--platform P] [--following-count N] [--out FILE]
`;

export const THANKS_HEADERS = ['Handle', 'Customer', 'Why', 'Type', 'Date', 'Link', 'Profile', 'Text'];
export const UNFOLLOW_HEADERS = ['Order', 'Handle', 'Reasons', 'Followed on', 'Followback score', 'Bot risk', 'Profile'];

interface ListArgs {
  files: Record<'orders' | 'engagement' | 'followers' | 'history', string[]>;
  following?: string;
  out?: string;
  settings: Record<string, unknown>;
}

const FLAGS: Record<string, keyof ListArgs['files']> = { '--orders': 'orders', '--engagement': 'engagement', '--followers': 'followers', '--history': 'history' };
const SETTINGS: Record<string, string> = { '--days': 'recentDays', '--platform': 'platform', '--following-count': 'followingCount' };

/** The options both commands take; a usage problem is returned as text. */
function parseArgs(argv: string[]): ListArgs | string {
  const args: ListArgs = { files: { orders: [], engagement: [], followers: [], history: [] }, settings: {} };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const flag = eq > 0 ? a.slice(0, eq) : a;
    const known = FLAGS[flag] || SETTINGS[flag] || flag === '--out' || flag === '--now';
    if (!known) {
      if (a.startsWith('--')) return `unknown option ${a}`;
      if (args.following) return `one following file only (got ${args.following} and ${a})`;
      args.following = a;
      continue;
    }
    const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined || (eq < 0 && value.startsWith('--'))) return `${flag} needs a value`;
    if (FLAGS[flag]) args.files[FLAGS[flag]].push(value);
    else if (SETTINGS[flag]) args.settings[SETTINGS[flag]] = value;
    else if (flag === '--out') args.out = value;
    else args.settings.now = Date.parse(value);
  }
  return args;
}

function usage(io: Io, message: string): number {
  io.stderr(`followback: ${message}\nUsage:\n${LISTS_USAGE}`);
  return 2;
}

function sourcesOf(io: Io, args: ListArgs, following?: string): ListSources {
  const read = (path: string, kind?: TableKind): Source => readCsvFile(path, io.readFile, kind ? readLayout(kind, path) : undefined);
  return {
    followers: args.files.followers[0] ? read(args.files.followers[0]) : undefined,
    orders: args.files.orders.map((p) => read(p, 'orders')),
    // Link and text columns are kept: the engine's column filter keeps every field it knows.
    engagement: args.files.engagement.map((p) => read(p, 'engagement')),
    following: following ? [read(following)] : undefined,
    history: args.files.history.map((p) => read(p)),
  };
}

function toCsv(headers: string[], rows: Cell[][]): string {
  return [headers, ...rows].map((r) => r.map((c) => csvField(csvSafe(c))).join(',')).join('\n') + '\n';
}

function write(io: Io, out: string | undefined, csv: string): void {
  if (out) io.writeFile(out, csv);
  else io.stdout(csv);
}

type Prepared = { args: ListArgs; settings: ReturnType<typeof validateSettings>['settings']; now: number } | number;

function prepareRun(argv: string[], io: Io, check: (a: ListArgs) => string | null): Prepared {
  const args = parseArgs(argv);
  if (typeof args === 'string') return usage(io, args);
  const problem = check(args);
  if (problem) return usage(io, problem);
  const { settings, errors } = validateSettings(args.settings);
  if (errors.length) return usage(io, errors.map((e) => e.message).join(' '));
  return { args, settings, now: settings.now ?? Date.now() };
}

/** `followback thanks`: exit code. */
export function runThanks(argv: string[], io: Io): number {
  const p = prepareRun(argv, io, (a) => (a.following ? `thanks takes no file without an option (got ${a.following})` : !a.files.engagement.length ? 'name the engagement file (--engagement FILE)' : null));
  if (typeof p === 'number') return p;
  const list = buildThanks(sourcesOf(io, p.args), p.settings, { now: p.now });
  const rows = list.items.map((i) => [i.handle, i.isCustomer ? 'yes' : '', i.why, i.type ?? '', dayOf(i.date), i.link ?? '', profileLink(p.settings.platform, i.handle) ?? '', i.text ?? '']);
  write(io, p.args.out, toCsv(THANKS_HEADERS, rows));
  const customers = list.items.filter((i) => i.isCustomer).length;
  io.stderr(`followback: ${list.items.length} ${list.items.length === 1 ? 'person' : 'people'} to thank (${customers} customer${customers === 1 ? '' : 's'}) from the last ${list.days} days${p.args.out ? ` → ${basename(p.args.out)}` : ''}\n`);
  for (const n of [...list.notes, ...list.problems]) io.stderr(`followback: ${n}\n`);
  return 0;
}

/** A date as YYYY-MM-DD in UTC (the command line has no spreadsheet time zone). */
const dayOf = (ms: number | undefined) => (ms === undefined ? '' : new Date(ms).toISOString().slice(0, 10));

const num = (n: number | null) => (n === null ? 'no cap' : n.toLocaleString('en-US'));

/** `followback unfollow`: exit code. */
export function runUnfollow(argv: string[], io: Io): number {
  const p = prepareRun(argv, io, (a) => (!a.following ? 'name the following CSV file' : !a.files.followers.length ? 'name the followers file (--followers FILE): who follows you back decides the list' : null));
  if (typeof p === 'number') return p;
  const list = buildRoom(sourcesOf(io, p.args, p.args.following), p.settings, { now: p.now })!;
  const rows = list.items.map((i, k) => [k + 1, i.handle, i.reasons, dayOf(i.followedOn), i.score, i.botRisk, profileLink(p.settings.platform, i.handle) ?? '']);
  write(io, p.args.out, toCsv(UNFOLLOW_HEADERS, rows));
  const ratio = list.ratio === null ? '' : `; following ÷ followers ${list.ratio} → ${list.ratioAfter}`;
  io.stderr(
    `followback: ${list.items.length} to unfollow today of ${list.candidates} candidates (safe pace ${list.daily} a day); ` +
      `frees ${list.items.length} follows: ${num(list.capLeftAfter)} left under the cap of ${num(list.cap)}${ratio}${p.args.out ? ` → ${basename(p.args.out)}` : ''}\n`,
  );
  const kept = list.protected;
  io.stderr(`followback: never listed: ${kept.customers} customers, ${kept.engaged} engaged in the last ${recentDaysOf(p.settings)} days, ${kept.kept} kept\n`);
  for (const n of [...list.notes, ...list.problems]) io.stderr(`followback: ${n}\n`);
  return 0;
}
