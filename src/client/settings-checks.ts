// Client-side checks of the settings form, so a typo gets a message next to its field before
// any server round trip. The server validates again (validateSettings); its errors are shown the same way.
import type { Platform, Settings } from '../core/types';
import type { FieldError } from '../server/api';
import { validateSettings } from '../core/settings';

export const PLATFORM_CHOICES: { value: Platform; label: string }[] = [
  { value: 'instagram', label: 'Instagram' },
  { value: 'x', label: 'X (Twitter)' },
  { value: 'tiktok', label: 'TikTok' },
  { value: 'facebook', label: 'Facebook' },
  { value: 'threads', label: 'Threads' },
  { value: 'bluesky', label: 'Bluesky' },
  { value: 'linkedin', label: 'LinkedIn' },
  { value: 'pinterest', label: 'Pinterest' },
];

/** The form's text, field by field, keyed by the Settings path the errors use. */
export interface SettingsDraft {
  platform: string;
  followingCount: string;
  dailyLimit: string;
  followThreshold: string;
  considerThreshold: string;
  botThreshold: string;
  botBaseRate: string;
  'weights.customer': string;
  'weights.engagement': string;
  'weights.genuine': string;
  ownFollowers: string;
  notNowDays: string;
  /** Say thanks and Make room: days that count as recent ('' = 30) */
  recentDays: string;
}

export const DRAFT_FIELDS: (keyof SettingsDraft)[] = [
  'platform',
  'followingCount',
  'dailyLimit',
  'followThreshold',
  'considerThreshold',
  'botThreshold',
  'botBaseRate',
  'weights.customer',
  'weights.engagement',
  'weights.genuine',
  'ownFollowers',
  'notNowDays',
  'recentDays',
];

export function draftOf(s: Settings): SettingsDraft {
  return {
    platform: s.platform,
    followingCount: String(s.followingCount ?? ''),
    dailyLimit: s.dailyLimit === undefined || s.dailyLimit === null ? '' : String(s.dailyLimit),
    followThreshold: String(s.followThreshold),
    considerThreshold: String(s.considerThreshold),
    botThreshold: String(s.botThreshold),
    botBaseRate: String(s.botBaseRate),
    'weights.customer': String(s.weights.customer),
    'weights.engagement': String(s.weights.engagement),
    'weights.genuine': String(s.weights.genuine),
    ownFollowers: s.ownFollowers === undefined || s.ownFollowers === null ? '' : String(s.ownFollowers),
    notNowDays: String(s.notNowDays ?? 7),
    recentDays: s.recentDays === undefined || s.recentDays === null ? '' : String(s.recentDays),
  };
}

const REQUIRED: (keyof SettingsDraft)[] = [
  'followingCount',
  'followThreshold',
  'considerThreshold',
  'botThreshold',
  'botBaseRate',
  'weights.customer',
  'weights.engagement',
  'weights.genuine',
  'notNowDays',
];

/**
 * The settings the form describes (on top of `base`, which keeps tab and column choices), and what is
 * wrong. The rules are the engine's own validateSettings, so the client and the server say the same thing;
 * on top of it, an emptied field is an error here (the engine would quietly put the default back).
 */
export function checkSettings(draft: SettingsDraft, base: Settings): { settings: Settings; errors: FieldError[] } {
  const errors: FieldError[] = [];
  for (const f of REQUIRED) if ((draft[f] ?? '').trim() === '') errors.push({ field: f, message: 'Enter a number.' });
  const candidate = {
    ...base,
    platform: draft.platform,
    followingCount: draft.followingCount,
    dailyLimit: draft.dailyLimit.trim(),
    followThreshold: draft.followThreshold,
    considerThreshold: draft.considerThreshold,
    botThreshold: draft.botThreshold,
    botBaseRate: draft.botBaseRate,
    weights: { customer: draft['weights.customer'], engagement: draft['weights.engagement'], genuine: draft['weights.genuine'] },
    ownFollowers: (draft.ownFollowers ?? '').trim(),
    notNowDays: draft.notNowDays ?? '7',
    recentDays: (draft.recentDays ?? '').trim(),
  };
  const checked = validateSettings(candidate);
  for (const e of checked.errors) if (!errors.some((x) => x.field === e.field)) errors.push(e);
  const w = checked.settings.weights;
  if (!errors.some((e) => e.field.startsWith('weights.')) && w.customer + w.engagement + w.genuine === 0) {
    errors.push({ field: 'weights.customer', message: 'At least one weight must be above 0.' });
  }
  const settings: Settings = { ...checked.settings };
  if (settings.dailyLimit === undefined) delete settings.dailyLimit;
  if (settings.ownFollowers === undefined) delete settings.ownFollowers;
  if (settings.recentDays === undefined) delete settings.recentDays;
  return { settings, errors };
}

/** The form field a server error belongs to ('weights.customer', 'customer', 'weights[customer]'…), or null. */
export function fieldOf(serverField: string): keyof SettingsDraft | null {
  const f = serverField.replace(/\[(\w+)\]/g, '.$1').replace(/^settings\./, '');
  if ((DRAFT_FIELDS as string[]).includes(f)) return f as keyof SettingsDraft;
  const last = f.split('.').pop() || '';
  if (['customer', 'engagement', 'genuine'].includes(last)) return `weights.${last}` as keyof SettingsDraft;
  const found = DRAFT_FIELDS.find((d) => d.toLowerCase() === last.toLowerCase());
  return found || null;
}
