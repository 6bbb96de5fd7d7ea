// Scale through the built bundle: a 60,000-row Followers tab from the menu, and the sidebar's chunks on it.
// Prints the figures (time, Spreadsheet calls); the only assertions are on results, not on speed.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, run } from './bundle-env';
import { exampleBook } from './sheets-fixtures';

const ROWS = 60000;

beforeAll(() => {
  if (!existsSync(join(DIST, 'Code.js'))) execFileSync('node', ['scripts/build.mjs'], { cwd: join(__dirname, '..'), stdio: 'pipe' });
});

test(`menu scoring of ${ROWS.toLocaleString('en-US')} rows, then one sidebar chunk`, () => {
  const book = exampleBook(ROWS);
  const menu = run(book);
  let t = Date.now();
  menu.code.scoreFollowers();
  const menuMs = Date.now() - t;
  expect(menu.g.ui.alerts).toEqual([]);
  expect(book.sheets[0].values[ROWS][8]).not.toBe('');
  const begin = run(book);
  t = Date.now();
  const plan = begin.code.beginScoring() as { total: number; chunk: number };
  const beginMs = Date.now() - t;
  expect(plan.total).toBe(ROWS);
  const chunk = run(book);
  t = Date.now();
  expect(chunk.code.scoreChunk(ROWS - plan.chunk, plan.chunk)).toMatchObject({ done: ROWS, ms: expect.any(Number) });
  const chunkMs = Date.now() - t;
  const finish = run(book);
  t = Date.now();
  finish.code.finishScoring();
  const finishMs = Date.now() - t;
  console.log(
    `${ROWS.toLocaleString('en-US')} rows: scoreFollowers ${menuMs} ms / ${menu.g.calls.spreadsheet} Spreadsheet calls; ` +
      `beginScoring ${beginMs} ms; scoreChunk(${plan.chunk} rows) ${chunkMs} ms / ${chunk.g.calls.spreadsheet} Spreadsheet calls; finishScoring ${finishMs} ms / ${finish.g.calls.spreadsheet} Spreadsheet calls`,
  );
});
