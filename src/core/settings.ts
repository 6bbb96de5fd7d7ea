// Settings: defaults and validation with messages a shop owner can act on.
import { isPlatform, PLATFORMS } from './platforms';
import type { Settings, TableKind } from './types';

export const DEFAULT_SETTINGS: Settings = {
  platform: 'instagram',
  followingCount: 0,
  dailyLimit: undefined,
  followThreshold: 50,
  considerThreshold: 25,
  // `Likely bot` asks for more than even odds: hiding a real person costs more than showing a bot.
  botThreshold: 70,
  // Share of bots among a small business's followers, in percent: Bot risk is the chance for such a follower,
  // not for a row of a training file (half to three quarters fakes). Ghost Data (Stroppa and De Micheli) put
  // fake accounts at about 8% of all Instagram accounts in 2015 and 9.5% in 2018
  // (https://fstoppers.com/apps/nearly-8-all-instagram-accounts-are-fake-77505, reporting Business Insider);
  // influencers, whom bots target, average about 30% (SRF Data 2017, https://srfdata.github.io/2017-10-instagram-influencers/).
  // A shop is no influencer: 10%.
  botBaseRate: 10,
  weights: { customer: 60, engagement: 40, genuine: 30 },
  notNowDays: 7,
};

/** Say thanks and Make room: what "recent" engagement means when the settings do not say. */
export const RECENT_DAYS = 30;

export function recentDaysOf(s: Pick<Settings, 'recentDays'>): number {
  return s.recentDays ?? RECENT_DAYS;
}

export interface SettingsError {
  field: string;
  message: string;
}

const KINDS: TableKind[] = ['followers', 'orders', 'engagement', 'following'];

function num(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v.replace(/[,\s]/g, ''));
    return Number.isNaN(n) ? NaN : n;
  }
  return undefined;
}

/** Merges `input` over the defaults; invalid fields keep their default and get a message. */
export function validateSettings(input: unknown): { settings: Settings; errors: SettingsError[] } {
  const errors: SettingsError[] = [];
  const src = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const s: Settings = { ...DEFAULT_SETTINGS, weights: { ...DEFAULT_SETTINGS.weights } };

  if (src.platform !== undefined) {
    const p = String(src.platform).toLowerCase().trim();
    if (isPlatform(p)) s.platform = p;
    else errors.push({ field: 'platform', message: `Unknown platform "${String(src.platform)}". Choose one of: ${Object.keys(PLATFORMS).join(', ')}.` });
  }

  const int = (field: keyof Settings, min: number, max: number, label: string, optional = false) => {
    const raw = src[field];
    if (raw === undefined || raw === null || raw === '') {
      if (optional && raw !== undefined) (s as unknown as Record<string, unknown>)[field] = undefined;
      return;
    }
    const n = num(raw);
    if (n === undefined || Number.isNaN(n) || !Number.isInteger(n) || n < min || n > max) {
      errors.push({ field, message: `${label} must be a whole number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}.` });
      return;
    }
    (s as unknown as Record<string, unknown>)[field] = n;
  };
  int('followingCount', 0, 10_000_000, 'Accounts you follow now');
  int('dailyLimit', 0, 5_000, 'Daily follow limit', true);
  int('followThreshold', 0, 100, 'Follow-back score');
  int('considerThreshold', 0, 100, 'Consider score');
  int('botThreshold', 1, 100, 'Bot risk threshold');
  int('botBaseRate', 1, 50, 'Bots among your followers (%)');
  int('notNowDays', 1, 365, '"Not now" days');
  int('ownFollowers', 0, 1_000_000_000, 'Your followers', true);
  if (src.followingCountOn !== undefined) {
    const n = num(src.followingCountOn);
    if (n !== undefined && Number.isFinite(n) && n > 0) s.followingCountOn = n;
  }
  int('recentDays', 1, 365, 'Recent engagement, in days,', true);
  if (s.considerThreshold > s.followThreshold) {
    errors.push({ field: 'considerThreshold', message: 'The Consider score must not be above the Follow-back score.' });
    s.considerThreshold = Math.min(DEFAULT_SETTINGS.considerThreshold, s.followThreshold);
  }

  if (src.weights !== undefined) {
    const w = (src.weights && typeof src.weights === 'object' ? src.weights : {}) as Record<string, unknown>;
    for (const k of ['customer', 'engagement', 'genuine'] as const) {
      if (w[k] === undefined || w[k] === '') continue;
      const n = num(w[k]);
      if (n === undefined || Number.isNaN(n) || n < 0 || n > 100) errors.push({ field: `weights.${k}`, message: `The ${k} weight must be a number from 0 to 100.` });
      else s.weights[k] = n;
    }
  }

  if (src.now !== undefined) {
    const n = num(src.now);
    if (n !== undefined && Number.isFinite(n)) s.now = n;
  }

  if (src.tabs && typeof src.tabs === 'object') {
    const tabs: Settings['tabs'] = {};
    for (const kind of KINDS) {
      const name = (src.tabs as Record<string, unknown>)[kind];
      if (typeof name === 'string' && name.trim()) tabs[kind] = name.trim().slice(0, 100);
    }
    s.tabs = tabs;
  }

  if (src.columnOverrides !== undefined && src.columnOverrides !== null) {
    const out: Settings['columnOverrides'] = {};
    const o = src.columnOverrides as Record<string, unknown>;
    for (const kind of KINDS) {
      const m = o[kind];
      if (!m || typeof m !== 'object') continue;
      const fields: Record<string, string> = {};
      for (const [field, header] of Object.entries(m as Record<string, unknown>)) {
        if (typeof header === 'string' && header.trim()) fields[field] = header.trim().slice(0, 200);
      }
      out[kind] = fields;
    }
    s.columnOverrides = out;
  }
  return { settings: s, errors };
}
