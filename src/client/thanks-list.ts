// The Say thanks list: who mentioned, tagged, shared or commented on the shop lately, customers first, with the
// post's link and words (as text) and why; Done and Not now are recorded in the Followback history.
import type { ThanksAction, ThanksEntry, ThanksReport } from '../server/api';
import { el } from './elements';
import { profileLink } from '../core/profile-links';
import { actionButtons, notesList, outLink } from './list-parts';

const BUTTONS = [
  { action: 'thanked' as const, label: 'Done', primary: true, title: 'You thanked them (or shared their post): recorded in the Followback history' },
  { action: 'not now' as const, label: 'Not now', title: 'Hide them from this list for a while' },
];

const KIND: Record<string, string> = { mention: 'Mention', tag: 'Tag', share: 'Share', comment: 'Comment' };

function item(e: ThanksEntry, platform: string, act: (handle: string, action: ThanksAction) => void): HTMLElement {
  const post = [KIND[e.type] || 'Post', e.date].filter(Boolean).join(' · ');
  return el(
    'li',
    { attrs: { 'data-handle': e.handle } },
    el('div', { className: 'who' }, outLink(profileLink(platform, e.handle) ?? '', '@' + e.handle, 'out name'), e.isCustomer ? el('span', { className: 'badge customer' }, 'Customer') : null),
    el('div', { className: 'why gray' }, e.why),
    el('div', { className: 'post' }, e.link ? outLink(e.link, `Open ${post.toLowerCase()}`, 'out post-link') : el('span', { className: 'gray' }, post)),
    e.text ? el('blockquote', { className: 'said' }, e.text) : null,
    actionButtons(e.handle, BUTTONS, act),
  );
}

export function renderThanks(report: ThanksReport, act: (handle: string, action: ThanksAction) => void): HTMLElement {
  const list = report.items.length
    ? el('ol', { className: 'queue thanks-list' }, ...report.items.map((e) => item(e, report.platform, act)))
    : el('p', { className: 'gray empty' }, 'Nobody to thank right now.');
  return el('div', {}, list, notesList(report.notes));
}
