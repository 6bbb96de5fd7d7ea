// The Make room list: accounts to unfollow today, weakest first, at the platform's safe pace, with how many follows
// that frees under the cap and the ratio. Unfollowed and Keep are recorded; the Following tab is never changed.
import type { RoomAction, RoomEntry, RoomReport } from '../server/api';
import { el } from './elements';
import { profileLink } from '../core/profile-links';
import { actionButtons, notesList, outLink } from './list-parts';

const BUTTONS = [
  { action: 'unfollowed' as const, label: 'Unfollowed', primary: true, title: 'You unfollowed them on the platform: recorded, and the next scoring treats them as not followed' },
  { action: 'keep' as const, label: 'Keep', title: 'Never list this account again' },
];

const n = (v: number) => v.toLocaleString('en-US');

function summary(r: RoomReport): HTMLElement {
  const lines: string[] = [];
  lines.push(r.cap === null ? `Following ${n(r.following)} (no cap on this platform).` : `Following ${n(r.following)} of a cap of ${n(r.cap)}: ${n(r.capLeft ?? 0)} follows left.`);
  if (r.items.length) {
    lines.push(`Unfollowing these ${n(r.items.length)} frees ${n(r.items.length)} follows${r.capLeftAfter === null ? '' : `: ${n(r.capLeftAfter)} left under the cap`}.`);
  }
  if (r.ratio !== null) lines.push(`Following ÷ followers: ${r.ratio} → ${r.ratioAfter}.`);
  lines.push(`Safe pace: ${n(r.daily)} unfollows a day (${n(r.doneToday)} done today).`);
  return el('div', { className: 'room-summary' }, ...lines.map((l) => el('p', {}, l)));
}

function item(e: RoomEntry, platform: string, act: (handle: string, action: RoomAction) => void): HTMLElement {
  return el(
    'li',
    { attrs: { 'data-handle': e.handle } },
    el('div', { className: 'who' }, outLink(profileLink(platform, e.handle) ?? '', '@' + e.handle, 'out name'), el('span', { className: 'score', title: 'Followback score' }, String(e.score))),
    el('div', { className: 'reasons gray' }, e.reasons),
    actionButtons(e.handle, BUTTONS, act),
  );
}

export function renderRoom(r: RoomReport, act: (handle: string, action: RoomAction) => void): HTMLElement {
  if (!r.available) return el('div', {}, notesList(r.notes));
  const list = r.items.length
    ? el('ol', { className: 'queue room-list' }, ...r.items.map((e) => item(e, r.platform, act)))
    : el('p', { className: 'gray empty' }, r.candidates ? 'Nothing more to unfollow today.' : 'No account to unfollow.');
  return el(
    'div',
    {},
    summary(r),
    list,
    r.items.length ? el('p', { className: 'gray hint' }, 'Unfollow them by hand on the platform, then tick Unfollowed. Your Following tab stays as it is.') : null,
    notesList(r.notes),
  );
}
