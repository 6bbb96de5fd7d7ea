// Concurrency, through the built add-on in the emulator. Apps Script runs each call in its own execution; two
// people (or two sidebars) can call at the same moment. A hook runs a second execution in the middle of the first
// (right before one of its service calls), which is the worst moment a real second call can arrive.
// No interleaved or lost writes: the sheet always ends as one clean run would leave it.
import type { Cell } from '../src/core/types';
import type { Workbook } from '../src/emulator';
import { OUTPUT_HEADERS } from '../src/core/types';
import { book, ensureBundle, errorOf, execution, snapshot, userAreas } from './hardening-gas';
import { recordFigures } from './property-arbitraries';

ensureBundle();

function tabs(n = 40): { name: string; values: Cell[][] }[] {
  const f: Cell[][] = [['Username', 'Full Name', 'Followers', 'Following', 'Posts']];
  for (let i = 0; i < n; i++) f.push([i === 3 ? 'jane.doe' : `user_${i}`, i === 3 ? 'Jane Doe' : `Person ${i}`, 100 + i * 13, 200 + i * 7, i * 3]);
  return [
    { name: 'Followers', values: f },
    { name: 'Orders', values: [['Order ID', 'Email', 'Billing Name', 'Total', 'Financial Status'], ['1001', 'jane.doe@example.com', 'Jane Doe', 120, 'paid']] },
    // undated interactions: every execution's own clock gives the same points (the runs are compared cell by cell)
    { name: 'Engagement', values: [['Username', 'Type'], ['user_5', 'comment'], ['user_6', 'mention']] },
  ];
}

/** The nine output columns of the Followers tab (header row included), as the sheet holds them. */
function output(b: Workbook): Cell[][] {
  const s = b.sheets.find((x) => x.name === 'Followers')!;
  const c = (s.values[0] || []).indexOf(OUTPUT_HEADERS[0]);
  if (c < 0) return [];
  return s.values.map((r) => (r || []).slice(c, c + 9).map((v) => v ?? ''));
}

/** The sheet a single, undisturbed menu run leaves (settings optional). */
function cleanRun(settings?: unknown): Cell[][] {
  const b = book(tabs());
  if (settings) execution(b).call('saveSettings', settings);
  execution(b).call('scoreFollowers');
  return output(b);
}

/** Once, right before the first call to `method` after `after` calls of it, runs `then`. */
function at(method: string, then: () => void, after = 0) {
  let seen = 0;
  let fired = false;
  return (m: string) => {
    if (fired || m !== method) return;
    if (seen++ < after) return;
    fired = true;
    then();
  };
}

let interleavings = 0;
afterAll(() => recordFigures('concurrency-bundle', { interleavings }));

describe('two scoring runs at once', () => {
  test('a second menu run during the first gets the "already working" message and writes nothing', () => {
    const b = book(tabs());
    const areas = userAreas(b);
    const before = snapshot(b, areas);
    let second: ReturnType<typeof execution> | undefined;
    execution(b, {}, at('setValues', () => {
      second = execution(b);
      second.call('scoreFollowers');
    })).call('scoreFollowers');
    interleavings++;
    expect(second!.g.ui.alerts).toHaveLength(1);
    expect(second!.g.ui.alerts[0]).toMatch(/already/i);
    // it waited for the lock (on the emulator's clock) before it gave up, as tryLock does
    expect(second!.g.__emulator.waitedMs()).toBeGreaterThan(0);
    expect(output(b)).toEqual(cleanRun());
    const after = snapshot(b, areas);
    before.forEach((t, i) => expect({ ...after[i], rules: [] }).toEqual({ ...t, rules: [] })); // user cells as they were
  });

  test('a menu run arriving between two sidebar chunks: the sheet ends as one clean run', () => {
    const b = book(tabs());
    const plan = execution(b).call<{ total: number }>('beginScoring');
    execution(b).call('scoreChunk', 0, 10);
    const menu = execution(b);
    menu.call('scoreFollowers');
    const err = errorOf(() => {
      execution(b).call('scoreChunk', 10, plan.total);
      execution(b).call('finishScoring');
    });
    interleavings++;
    // Either the menu waits its turn with a clear message, or one of the two runs wins whole.
    if (menu.g.ui.alerts.length) expect(menu.g.ui.alerts[0]).toMatch(/already/i);
    if (err) expect(err).toMatch(/again|already/i);
    expect(output(b)).toEqual(cleanRun());
  });

  // Found by this file and fixed (scoring.ts): a second sidebar's Score silently restarted the run in progress.
  test('a second sidebar starting a run while one is in progress gets a clear "already running" message', () => {
    const b = book(tabs());
    execution(b).call('beginScoring');
    execution(b).call('scoreChunk', 0, 10);
    const err = errorOf(() => execution(b).call('beginScoring'));
    interleavings++;
    expect(err).toMatch(/already/i);
  });

  test('a second sidebar run inside the first one\'s beginScoring is refused by the lock', () => {
    const b = book(tabs());
    let err = '';
    execution(b, {}, at('setValues', () => {
      err = errorOf(() => execution(b).call('beginScoring'));
    })).call('beginScoring');
    interleavings++;
    expect(err).toMatch(/already/i);
  });
});

describe('a run while the sidebar saves settings', () => {
  const changed = { followThreshold: 20, considerThreshold: 10, weights: { customer: 10, engagement: 90, genuine: 5 } };

  test('settings saved in the middle of a menu run: refused clearly, or applied to none of its rows', () => {
    const b = book(tabs());
    let saved: unknown;
    let err = '';
    execution(b, {}, at('setValues', () => {
      err = errorOf(() => {
        saved = execution(b).call('saveSettings', changed);
      });
    })).call('scoreFollowers');
    interleavings++;
    if (err) expect(err).toMatch(/already/i);
    else expect(saved).toBeDefined();
    expect(output(b)).toEqual(cleanRun()); // the run scored every row with the settings it started with
  });

  // Found by this file and fixed (scoring.ts): chunks after a settings change used the new settings, leaving a tab
  // scored half with one set of thresholds and weights and half with another.
  test('settings saved between sidebar chunks: every row is scored with one set of settings', () => {
    const b = book(tabs());
    const plan = execution(b).call<{ total: number }>('beginScoring');
    execution(b).call('scoreChunk', 0, 20);
    const err = errorOf(() => execution(b).call('saveSettings', changed));
    const rest = errorOf(() => {
      execution(b).call('scoreChunk', 20, plan.total);
      execution(b).call('finishScoring');
    });
    interleavings++;
    if (rest) {
      expect(rest).toMatch(/settings|again/i);
      return;
    }
    const got = output(b);
    const old = cleanRun();
    const neu = cleanRun(changed);
    expect(old).not.toEqual(neu); // the change matters
    if (err) expect(err).toMatch(/already|running/i);
    // not a mix: either all rows with the old settings or all with the new ones
    expect([JSON.stringify(old), JSON.stringify(neu)]).toContain(JSON.stringify(got));
  });
});

describe('a custom function recalculating during a run', () => {
  const handles = () => tabs()[0].values.slice(1).map((r) => [r[0]]);

  test('in the middle of a menu run: it reads, writes nothing, and the run loses no write', () => {
    const b = book(tabs());
    let values: Cell[][] = [];
    let err = '';
    execution(b, {}, at('setValues', () => {
      err = errorOf(() => {
        values = execution(b, { customFunction: true }).call<Cell[][]>('FOLLOWBACK_SCORE', handles());
      });
    })).call('scoreFollowers');
    interleavings++;
    expect(err).toBe('');
    expect(values).toHaveLength(handles().length);
    expect(output(b)).toEqual(cleanRun());
  });

  test('between sidebar chunks: same answers as after the run, and the run loses no write', () => {
    const b = book(tabs());
    const plan = execution(b).call<{ total: number }>('beginScoring');
    const seen: Cell[][][] = [];
    for (let start = 0; start < plan.total; start += 15) {
      execution(b).call('scoreChunk', start, 15);
      seen.push(execution(b, { customFunction: true }).call<Cell[][]>('FOLLOWBACK_SCORE', handles()));
      interleavings++;
    }
    execution(b).call('finishScoring');
    expect(output(b)).toEqual(cleanRun());
    const after = execution(b, { customFunction: true }).call<Cell[][]>('FOLLOWBACK_SCORE', handles());
    for (const s of seen) expect(s).toEqual(after);
    // and the scores the cells show are the ones the run wrote
    expect(after.map((r) => r[0])).toEqual(output(b).slice(1).map((r) => r[0]));
  });
});
