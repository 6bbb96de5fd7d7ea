// `npm start`: the real add-on (dist/Code.js and dist/Sidebar.html) on an emulated spreadsheet, in the browser.
// build/preview.js (bundled by scripts/build.mjs) is what bin/preview.js runs.
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createGlobals, createWorkbook, type Workbook } from '../emulator';
import { parseArgs, tabsOf, USAGE } from './args';
import { FileProblem, readCsvFile } from './files';
import { createPreviewServer, readAssets, type PageAssets } from './server';
import { PreviewSession, type EmulatorApi } from './session';

export interface PreviewOptions {
  /** files to open instead of the example workbook */
  argv?: string[];
  /** 0 = any free port */
  port?: number;
  root?: string;
  /** the folder holding Code.js and Sidebar.html; default <root>/dist */
  dist?: string;
}

export interface Preview {
  url: string;
  session: PreviewSession;
  server: Server;
  close(): Promise<void>;
}

const emulator: EmulatorApi = { createWorkbook: (tabs, opts) => createWorkbook(tabs, opts), createGlobals: (book, opts) => createGlobals(book, opts) };

/** The repository: the nearest folder above this file with a package.json (build/ or src/preview/ alike). */
export function findRoot(from = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'src', 'preview-page'))) return dir;
    if (dirname(dir) === dir) throw new Error('cannot find the followback repository above ' + from);
  }
}

/** Bundles src/preview-page/main.ts with esbuild (a dev dependency, loaded at run time so it is not bundled itself). */
export async function buildPage(root: string): Promise<string> {
  const esbuild = createRequire(join(root, 'package.json'))('esbuild') as typeof import('esbuild');
  const out = await esbuild.build({
    entryPoints: [join(root, 'src', 'preview-page', 'main.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0].text;
}

/** The workbook to open: the user's files as tabs, or the example data inserted by the add-on itself. */
export function openWorkbook(root: string, argv: string[]): { book: Workbook; example: boolean } {
  const args = parseArgs(argv);
  const tabs = tabsOf(args).map(({ file, tab }) => {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch (e) {
      throw new FileProblem(file, (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'cannot be read');
    }
    return { name: tab, values: readCsvFile(file, bytes) };
  });
  if (tabs.length) return { book: createWorkbook(tabs, { name: basename(args.followers!) }), example: false };
  return { book: createWorkbook([]), example: true };
}

export async function startPreview(opts: PreviewOptions = {}): Promise<Preview> {
  const root = opts.root ?? findRoot();
  const dist = opts.dist ?? join(root, 'dist');
  if (!existsSync(join(dist, 'Code.js'))) throw new Error(`${join(dist, 'Code.js')} is missing: run \`npm run build\` (npm start does)`);
  const { book, example } = openWorkbook(root, opts.argv ?? []);
  const session = new PreviewSession(dist, emulator, book);
  if (example) {
    const out = session.call('insertExampleData', []);
    if (!out.ok) process.stderr.write(`preview: insertExampleData failed: ${out.error}\n`);
  }
  const js = await buildPage(root);
  // The page's HTML and CSS are read on each request, so editing them needs only a reload.
  const assets = (): PageAssets => readAssets(root, js);
  const server = createPreviewServer(session, assets);
  const port = opts.port ?? 8080;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}/`,
    session,
    server,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    }),
  };
}

export function main(argv: string[]): void {
  let help = false;
  try {
    help = parseArgs(argv).help;
  } catch (e) {
    process.stderr.write(`preview: ${(e as Error).message}\n`);
    process.exit(2);
  }
  if (help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const envPort = process.env.PORT;
  const port = envPort === undefined || envPort === '' ? 8080 : Number(envPort);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`preview: PORT must be a port number, not ${envPort}\n`);
    process.exit(2);
  }
  startPreview({ argv, port }).then(
    (p) => process.stdout.write(`Followback preview: ${p.url}  (Ctrl+C stops it)\n`),
    (e: unknown) => {
      const err = e as NodeJS.ErrnoException;
      if (err.code === 'EADDRINUSE') process.stderr.write(`preview: port ${port} is in use; run with PORT=8081 npm start\n`);
      else process.stderr.write(`preview: ${err instanceof FileProblem ? err.message : err.stack || err.message}\n`);
      process.exit(1);
    },
  );
}
