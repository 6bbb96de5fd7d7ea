// The sidebar's pure modules, without a browser: the typed call wrapper and the settings checks.
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { call, checkPlain, messageOf } from '../../src/client/run';
import { checkSettings, draftOf, fieldOf } from '../../src/client/settings-checks';

describe('run: the google.script.run wrapper', () => {
  type Handlers = { ok?: (v: unknown) => void; fail?: (e: unknown) => void };
  function install(server: Record<string, (...a: unknown[]) => unknown>): { name: string; args: unknown[] }[] {
    const seen: { name: string; args: unknown[] }[] = [];
    const runner = (h: Handlers): Record<string, unknown> =>
      new Proxy(
        {},
        {
          get(_t, name: string) {
            if (name === 'withSuccessHandler') return (fn: Handlers['ok']) => runner({ ...h, ok: fn });
            if (name === 'withFailureHandler') return (fn: Handlers['fail']) => runner({ ...h, fail: fn });
            if (!(name in server)) return undefined;
            return (...args: unknown[]) => {
              seen.push({ name, args });
              setTimeout(() => {
                try {
                  h.ok?.(server[name](...args));
                } catch (e) {
                  h.fail?.(e);
                }
              });
            };
          },
        },
      );
    (globalThis as unknown as { google: unknown }).google = { script: { run: runner({}) } };
    return seen;
  }
  afterEach(() => {
    delete (globalThis as unknown as { google?: unknown }).google;
  });

  test('resolves with the server value and passes the arguments through', async () => {
    const seen = install({ scoreChunk: (start, count) => ({ done: (start as number) + (count as number) }) });
    await expect(call('scoreChunk', 200, 100)).resolves.toEqual({ done: 300 });
    expect(seen).toEqual([{ name: 'scoreChunk', args: [200, 100] }]);
  });

  test('a server error rejects with its message only: no stack, no "Exception:" prefix', async () => {
    install({
      beginScoring: () => {
        const e = new Error('Exception: Followers (row 4, column "Followers"): "lots" is not a number.');
        e.stack = `${e.message}\n    at beginScoring (Code:12:3)`;
        throw e;
      },
    });
    await expect(call('beginScoring')).rejects.toThrow(/^Followers \(row 4, column "Followers"\): "lots" is not a number\.$/);
  });

  test('refuses what google.script.run cannot carry, naming it, without calling the server', async () => {
    const seen = install({ saveSettings: () => ({}) });
    await expect(call('saveSettings', { ...DEFAULT_SETTINGS, now: new Date(0) as unknown as number })).rejects.toThrow(/saveSettings argument 1\.now is not plain data \(a Date\)/);
    await expect(call('selectRow', NaN)).rejects.toThrow(/not a finite number/);
    expect(seen).toEqual([]);
  });

  test('outside Apps Script it says where to open the sidebar', async () => {
    await expect(call('getStatus')).rejects.toThrow(/opened from the spreadsheet/);
  });

  test('checkPlain and messageOf on their own', () => {
    expect(() => checkPlain({ a: [1, 'x', null, { b: true }] }, 'x')).not.toThrow();
    expect(() => checkPlain({ f: () => 1 }, 'arg')).toThrow('arg.f is not plain data (a function)');
    expect(messageOf('plain text')).toBe('plain text');
    expect(messageOf(new Error(''))).toMatch(/Something went wrong/);
  });
});

describe('settings checks', () => {
  const draft = draftOf(DEFAULT_SETTINGS);

  test('the defaults pass unchanged', () => {
    const r = checkSettings(draft, DEFAULT_SETTINGS);
    expect(r.errors).toEqual([]);
    expect(r.settings).toEqual(JSON.parse(JSON.stringify(DEFAULT_SETTINGS)));
  });

  test('each bad field gets its own message, under its own name', () => {
    const r = checkSettings({ ...draft, followingCount: 'lots', followThreshold: '40', considerThreshold: '45', botThreshold: '0', 'weights.genuine': '-3', dailyLimit: '2.5' }, DEFAULT_SETTINGS);
    const fields = r.errors.map((e) => e.field).sort();
    expect(fields).toEqual(['botThreshold', 'considerThreshold', 'dailyLimit', 'followingCount', 'weights.genuine']);
    for (const e of r.errors) expect(e.message.length).toBeGreaterThan(10);
  });

  test('the share of bots among the followers: its message under its own field, a good value saved', () => {
    expect(draft.botBaseRate).toBe('10');
    expect(checkSettings({ ...draft, botBaseRate: '75' }, DEFAULT_SETTINGS).errors).toEqual([
      { field: 'botBaseRate', message: 'Bots among your followers (%) must be a whole number from 1 to 50.' },
    ]);
    expect(checkSettings({ ...draft, botBaseRate: '' }, DEFAULT_SETTINGS).errors).toEqual([{ field: 'botBaseRate', message: 'Enter a number.' }]);
    expect(checkSettings({ ...draft, botBaseRate: '4' }, DEFAULT_SETTINGS).settings.botBaseRate).toBe(4);
    expect(fieldOf('settings.botBaseRate')).toBe('botBaseRate');
  });

  test('an emptied required field is an error, an emptied daily limit means the platform pace', () => {
    const r = checkSettings({ ...draft, botThreshold: ' ', dailyLimit: '' }, { ...DEFAULT_SETTINGS, dailyLimit: 50 });
    expect(r.errors).toEqual([{ field: 'botThreshold', message: 'Enter a number.' }]);
    expect('dailyLimit' in r.settings).toBe(false);
  });

  test('all weights at 0 is refused; thousands separators are fine', () => {
    expect(checkSettings({ ...draft, 'weights.customer': '0', 'weights.engagement': '0', 'weights.genuine': '0' }, DEFAULT_SETTINGS).errors.map((e) => e.field)).toEqual(['weights.customer']);
    expect(checkSettings({ ...draft, followingCount: '7,350' }, DEFAULT_SETTINGS).settings.followingCount).toBe(7350);
  });

  test('tab and column choices made elsewhere survive a save of the form', () => {
    const base = { ...DEFAULT_SETTINGS, tabs: { orders: 'Shopify' }, columnOverrides: { followers: { bio: 'About' } } };
    const r = checkSettings({ ...draft, platform: 'tiktok' }, base);
    expect(r.settings).toMatchObject({ platform: 'tiktok', tabs: { orders: 'Shopify' }, columnOverrides: { followers: { bio: 'About' } } });
  });

  test('server error fields find their input', () => {
    expect(fieldOf('weights.engagement')).toBe('weights.engagement');
    expect(fieldOf('weights[genuine]')).toBe('weights.genuine');
    expect(fieldOf('customer')).toBe('weights.customer');
    expect(fieldOf('followingcount')).toBe('followingCount');
    expect(fieldOf('tabs.orders')).toBe(null);
  });
});
