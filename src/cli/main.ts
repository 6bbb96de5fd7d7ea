// `followback score …` and `followback import …`: the engine on CSV files, outside Sheets.
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { scoreWorkbook, validateSettings } from '../core/engine';
import { scoreInParallel } from './parallel';
import { InputError, type Settings, type Source, type TableKind } from '../core/types';
import { checkInputFile, outputCsv, readCsvFile, resultLines, streamCsvFile, userColumns } from './csv';
import { isDownloadFile, readFollowersJson } from './followers-json';
import { checkOutPath, writeOutFile } from './out-file';
import { mark, readLayout, type Output } from './score-parts';
import { LISTS_USAGE, runThanks, runUnfollow } from './lists';

export interface Io {
  readFile(path: string): Uint8Array;
  writeFile(path: string, data: string): void;
  stdout(s: string): void;
  stderr(s: string): void;
}

const nodeIo: Io = {
  readFile: (p) => readFileSync(p),
  // whole or not at all; a refusal is one line naming the file (out-file.ts)
  writeFile: (p, data) => writeOutFile(p, data),
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
};

export const USAGE = `Usage:
  followback score FOLLOWERS.csv [--orders FILE]... [--engagement FILE]... [--following FILE]...
                   [--platform instagram|x|tiktok|facebook|threads|bluesky|linkedin|pinterest]
                   [--following-count N] [--daily-limit N] [--out FILE]
                   [--history FILE] [--time-zone ZONE] [--followers-count N] [--not-now-days N]
  followback import FILE... [--following] [--out FILE]
${LISTS_USAGE}`;

class UsageError extends Error {}

interface ScoreArgs {
  followers: string;
  orders: string[];
  engagement: string[];
  following: string[];
  /** the `Followback history` tab saved as CSV: today's follows, not now, never, undone */
  history: string[];
  /** "today" for the history; the machine's zone unless --time-zone */
  timeZone?: string;
  out?: string;
  settings: Record<string, unknown>;
}

export function parseScoreArgs(argv: string[]): ScoreArgs {
  const args: ScoreArgs = { followers: '', orders: [], engagement: [], following: [], history: [], settings: {} };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || (inline === undefined && v.startsWith('--'))) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--orders':
        args.orders.push(value());
        break;
      case '--engagement':
        args.engagement.push(value());
        break;
      case '--following':
        args.following.push(value());
        break;
      case '--history':
        args.history.push(value());
        break;
      case '--out':
        args.out = value();
        break;
      case '--platform':
        args.settings.platform = value();
        break;
      case '--following-count':
        args.settings.followingCount = value();
        break;
      case '--daily-limit':
        args.settings.dailyLimit = value();
        break;
      case '--now':
        args.settings.now = Date.parse(value());
        break;
      case '--time-zone':
        args.timeZone = timeZoneOf(value());
        break;
      case '--followers-count':
        args.settings.ownFollowers = value();
        break;
      case '--not-now-days':
        args.settings.notNowDays = value();
        break;
      default:
        if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
        if (args.followers) throw new UsageError(`one followers file only (got ${args.followers} and ${a})`);
        args.followers = a;
    }
  }
  if (!args.followers) throw new UsageError('name the followers CSV file');
  return args;
}

/** An IANA time zone the runtime knows ("Europe/Paris"), else a usage error naming it. */
function timeZoneOf(zone: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    throw new UsageError(`--time-zone: unknown time zone "${zone}" (use a name such as Europe/Paris or America/New_York)`);
  }
}

function readSource(io: Io, path: string, kind: TableKind, overrides?: Record<string, string>): Source {
  if (kind === 'followers' && isDownloadFile(path)) return readFollowersJson(path, io.readFile(path)); // a download (.json, .html, .zip…): the import reader
  return readCsvFile(path, io.readFile, readLayout(kind, path, overrides));
}

export function runScore(argv: string[], io: Io = nodeIo): number | Promise<number> {
  const args = parseScoreArgs(argv);
  const { settings, errors } = validateSettings(args.settings);
  if (errors.length) throw new UsageError(errors.map((e) => e.message).join(' '));
  const started = Date.now();
  const progress = (msg: string) => io.stderr(`followback: ${msg} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  const read = (path: string, kind: TableKind, overrides?: Record<string, string>) => readSource(io, path, kind, overrides);
  // a folder named as --out is refused before the work, not after it
  if (args.out && io === nodeIo) checkOutPath(args.out);
  // so is an input file that is missing or unreadable, before seconds spent reading the others
  if (io === nodeIo) for (const path of [args.followers, ...args.orders, ...args.engagement, ...args.following, ...args.history]) checkInputFile(path);

  const overrides = settings.columnOverrides ?? {};
  // The count given on the command line is today's: only follows ticked after now would add to it.
  if (args.settings.followingCount !== undefined) settings.followingCountOn = settings.now ?? Date.now();
  // the history file has the history tab's columns, read by the history reader, not a table kind's layout
  const routine = { history: args.history.map((p) => readCsvFile(p, io.readFile)), timeZone: args.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone };
  if (args.orders.length && !isDownloadFile(args.followers) && io === nodeIo && __filename.endsWith('.js') && process.env.FOLLOWBACK_THREADS !== '1' && sizeOf(args.followers) > PARALLEL_BYTES) {
    return scoreInParallel(__filename, { ...args, ...routine }, settings, read, (path, kind, o, onPart) => streamCsvFile(path, io.readFile, onPart, readLayout(kind, path, o))).then((output) => finish(io, args, output, progress));
  }
  const followers = read(args.followers, 'followers', overrides.followers);
  const large = followers.grid.length > 20000;
  if (large) progress(`read ${followers.grid.length - 1} follower rows`);
  const orders = args.orders.map((p) => read(p, 'orders', overrides.orders));
  const engagement = args.engagement.map((p) => read(p, 'engagement', overrides.engagement));
  const following = args.following.map((p) => read(p, 'following', overrides.following));
  const result = scoreWorkbook({ followers, orders, engagement, following, ...routine }, settings as Settings);
  const { headerIndex } = result.table;
  const keep = userColumns(followers.grid, headerIndex);
  const lines = resultLines(result.rows, (i) => followers.grid[headerIndex + 1 + i], keep);
  return finish(io, args, { followers, headerIndex, keep, lines, rows: result.rows, summary: result.summary, warnings: result.warnings }, large ? progress : null);
}

/** Followers files above this size (about 15,000 rows) are scored on two threads. */
const PARALLEL_BYTES = 1_500_000;

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0; // the ordinary path says what is wrong with the file
  }
}

function finish(io: Io, args: ScoreArgs, out: Output, progress: ((msg: string) => void) | null): number {
  progress?.(`scored ${out.summary.scored} followers`);
  const { rows, lines } = out;
  const csv = outputCsv(
    out.followers.grid,
    out.headerIndex,
    out.keep,
    (i) => lines[i],
    (i) => String(rows[i]?.queue ?? ''),
  );
  mark('csv made');
  if (args.out) io.writeFile(args.out, csv);
  else io.stdout(csv);
  mark('written');

  const c = out.summary.counts;
  io.stderr(
    `followback: ${out.summary.scored} followers scored: ${c['Follow back']} follow back, ${c['Consider']} consider, ` +
      `${c['Skip']} skip, ${c['Likely bot']} likely bots, ${c['Already following']} already followed; ` +
      `${out.summary.queued} queued for today${out.summary.followedToday ? ` (${out.summary.followedToday} followed today already)` : ''}` +
      `${args.out ? ` → ${basename(args.out)}` : ''}\n`,
  );
  for (const w of out.warnings) io.stderr(`followback: ${w}\n`);
  if (out.summary.warning) io.stderr(`followback: ${out.summary.warning}\n`);
  return 0;
}

/** Exit code; a promise only on the command line's two-thread path for large inputs. */
export function main(argv: string[], io: Io = nodeIo): number | Promise<number> {
  const [command, ...rest] = argv;
  const fail = (e: unknown) => failure(e, io);
  try {
    if (command === 'score') {
      const r = runScore(rest, io);
      return typeof r === 'number' ? r : r.catch(fail);
    }
    if (command === 'thanks') return runThanks(rest, io);
    if (command === 'unfollow') return runUnfollow(rest, io);
    if (command === 'import') {
      // Loaded on demand: the import parsers are not needed to score.
      // eslint-disable-next-line @typescript-eslint/no-var-requires
      const { runImport } = require('./import') as typeof import('./import');
      return runImport(rest, io);
    }
    if (command === '--help' || command === '-h' || command === 'help') {
      io.stdout(USAGE);
      return 0;
    }
    throw new UsageError(command ? `unknown command "${command}"` : 'name a command');
  } catch (e) {
    return fail(e);
  }
}

function failure(e: unknown, io: Io): number {
  if (e instanceof UsageError) {
    io.stderr(`followback: ${e.message}\n${USAGE}`);
    return 2;
  }
  if (e instanceof InputError) {
    io.stderr(`followback: ${e.message}\n`);
    return 1;
  }
  io.stderr(`followback: unexpected error: ${(e as Error).message}\n`);
  return 1;
}
