// A stand-in for the add-on's server functions (the shapes of src/server/api.ts), first used to build the
// sidebar before the bundle had them. sidebar.test.ts runs against the real bundle; this fake stays for
// sidebar-fake.test.ts: answers real data rarely gives (an error thrown mid-run, a platform with no cap).
import { DEFAULT_SETTINGS, validateSettings } from '../../src/core/settings';
import type { Recommendation, Settings } from '../../src/core/types';

export interface FakeFollower {
  handle: string;
  name: string;
  recommendation: Recommendation;
  score: number;
  reasons: string;
  customer: string;
}

export function createFakeServer(followers: FakeFollower[], opts: { chunk?: number; failAt?: number } = {}) {
  let settings: Settings = { ...DEFAULT_SETTINGS };
  let written = 0;
  let report: unknown = null;
  const state = { selected: null as number | null, cleared: 0 };
  const fns = {
    getStatus: () => ({
      tabs: { followers: 'Followers', orders: 'Orders', engagement: null, following: null },
      allTabs: ['Followers', 'Orders', 'Notes'],
      columns: { followers: { handle: 'Username', name: 'Full name' }, orders: { email: 'Email' }, engagement: {}, following: {} },
      rows: { followers: followers.length, orders: 3, engagement: 0, following: 0 },
      headers: { followers: ['Username', 'Full name', 'Bio'], orders: ['Email', 'Total'], engagement: [], following: [] },
      problems: [],
    }),
    getSettings: () => settings,
    saveSettings: (s: unknown) => {
      const r = validateSettings(s);
      if (!r.errors.length) settings = r.settings;
      return r;
    },
    beginScoring: () => {
      written = 0;
      return { total: followers.length, chunk: opts.chunk ?? 2 };
    },
    scoreChunk: (start: number, count: number) => {
      if (opts.failAt !== undefined && start >= opts.failAt) throw new Error('Followers (row 7, column "Followers"): "lots" is not a number.');
      written = Math.max(written, start + count);
      return { done: written };
    },
    finishScoring: () => {
      const counts = { 'Follow back': 0, Consider: 0, Skip: 0, 'Likely bot': 0, 'Already following': 0 } as Record<Recommendation, number>;
      for (const f of followers) counts[f.recommendation]++;
      const queue = followers
        .map((f, i) => ({ f, row: i + 2 }))
        .filter((x) => x.f.recommendation === 'Follow back')
        .map((x, i) => ({ row: x.row, handle: x.f.handle, name: x.f.name, score: x.f.score, queue: i + 1, reasons: x.f.reasons, customer: x.f.customer }));
      report = {
        summary: { counts, scored: followers.length, queued: queue.length, budget: 100, dailyLimit: settings.dailyLimit ?? 100, capLeft: settings.platform === 'bluesky' ? Infinity : 7500 - settings.followingCount },
        queue,
      };
      return report;
    },
    getReport: () => report,
    selectRow: (row: number) => {
      state.selected = row;
    },
    clearScores: () => {
      state.cleared++;
      report = null;
    },
    // The Say thanks and Make room lists (sidebar-lists.test.ts drives the real ones): empty here.
    getThanksList: () => ({ platform: 'instagram', items: [], notes: [], days: 30 }),
    getMakeRoomList: () => ({ available: false, platform: 'instagram', items: [], candidates: 0, daily: 0, doneToday: 0, following: 0, followers: 0, cap: null, capLeft: null, capLeftAfter: null, ratio: null, ratioAfter: null, nearCap: false, notes: ['No Following tab.'] }),
  };
  return { fns: fns as unknown as Record<string, (...args: unknown[]) => unknown>, state };
}
