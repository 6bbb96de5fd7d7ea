// `followback score …` and `followback import …`: the engine on CSV files, outside Sheets.
import { readFileSync, renameSync, statSync, writeFileSync, unlinkSync } from 'node:fs';
import { basename } from 'node:path';
import { scoreWorkbook, validateSettings, type QueueRow, type Summary } from '../core/engine';
import { columnsFor, mark, scoreInParallel } from './parallel';
import { InputError, type Settings, type Source, type TableKind } from '../core/types';
import { outputCsv, readCsvFile, resultLines, streamCsvFile, userColumns } from './csv';
import { isDownloadFile, readFollowersJson } from './followers-json';

export interface Io {
  readFile(path: string): Uint8Array;
  writeFile(path: string, data: string): void;
  stdout(s: string): void;
  stderr(s: string): void;
}

const nodeIo: Io = {
  readFile: (p) => readFileSync(p),
  // Written whole to a temporary file, then renamed: a failed run leaves no partial output behind.
  writeFile: (p, data) => {
    const tmp = `${p}.followback-${process.pid}.tmp`;
    try {
      writeFileSync(tmp, data);
      renameSync(tmp, p);
    } catch (e) {
      try {
        unlinkSync(tmp);
      } catch {
        /* nothing to remove */
      }
      throw e;
    }
  },
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
};

export const USAGE = `Usage:
  followback score FOLLOWERS.csv [--orders FILE]... [--engagement FILE]... [--following FILE]...
                   [--platform instagram|x|tiktok|facebook|threads|bluesky|linkedin|pinterest]
                   [--following-count N] [--daily-limit N] [--out FILE]
  followback import FILE... [--following] [--out FILE]
`;

class UsageError extends Error {}

interface ScoreArgs {
  followers: string;
  orders: string[];
  engagement: string[];
  following: string[];
  out?: string;
  settings: Record<string, unknown>;
}

export function parseScoreArgs(argv: string[]): ScoreArgs {
  const args: ScoreArgs = { followers: '', orders: [], engagement: [], following: [], settings: {} };
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
      default:
        if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
        if (args.followers) throw new UsageError(`one followers file only (got ${args.followers} and ${a})`);
        args.followers = a;
    }
  }
  if (!args.followers) throw new UsageError('name the followers CSV file');
  return args;
}

function readSource(io: Io, path: string, kind?: TableKind, overrides?: Record<string, string>): Source {
  if (!kind && isDownloadFile(path)) return readFollowersJson(path, io.readFile(path)); // a download (.json, .html, .zip…): the import reader
  return readCsvFile(path, io.readFile, kind ? columnsFor(kind, path, overrides) : undefined);
}

export function runScore(argv: string[], io: Io = nodeIo): number | Promise<number> {
  const args = parseScoreArgs(argv);
  const { settings, errors } = validateSettings(args.settings);
  if (errors.length) throw new UsageError(errors.map((e) => e.message).join(' '));
  const started = Date.now();
  const progress = (msg: string) => io.stderr(`followback: ${msg} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  const read = (path: string, kind?: TableKind, overrides?: Record<string, string>) => readSource(io, path, kind, overrides);

  const overrides = settings.columnOverrides ?? {};
  if (args.orders.length && !isDownloadFile(args.followers) && io === nodeIo && __filename.endsWith('.js') && process.env.FOLLOWBACK_THREADS !== '1' && sizeOf(args.followers) > PARALLEL_BYTES) {
    return scoreInParallel(__filename, args, settings, read, (path, onPart) => streamCsvFile(path, io.readFile, onPart)).then((output) => finish(io, args, output, progress));
  }
  const followers = read(args.followers);
  const large = followers.grid.length > 20000;
  if (large) progress(`read ${followers.grid.length - 1} follower rows`);
  const orders = args.orders.map((p) => read(p, 'orders', overrides.orders));
  const engagement = args.engagement.map((p) => read(p, 'engagement', overrides.engagement));
  const following = args.following.map((p) => read(p, 'following', overrides.following));
  const result = scoreWorkbook({ followers, orders, engagement, following }, settings as Settings);
  const { headerIndex } = result.table;
  const keep = userColumns(followers.grid, headerIndex);
  const lines = resultLines(result.rows, (i) => followers.grid[headerIndex + 1 + i], keep);
  return finish(io, args, { followers, headerIndex, keep, lines, rows: result.rows, summary: result.summary, warnings: result.warnings }, large ? progress : null);
}

/** What `score` writes: the followers file, each data row's line but the queue (userText + resultText), the queue. */
export interface Output {
  followers: Source;
  headerIndex: number;
  /** the followers file's columns the output repeats (userColumns) */
  keep: number[];
  lines: string[];
  rows: (QueueRow | null)[];
  summary: Summary;
  warnings: string[];
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
      `${out.summary.queued} queued for today${args.out ? ` → ${basename(args.out)}` : ''}\n`,
  );
  for (const w of out.warnings) io.stderr(`followback: ${w}\n`);
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
