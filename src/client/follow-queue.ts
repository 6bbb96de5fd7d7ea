// Today's follow queue: who to follow, in order, and why. Clicking a name selects that row in the sheet; "Open"
// opens the profile on its platform in a new browser tab; Followed / Not now / Never suggest tick the entry.
import { profileUrl } from '../core/profile-links';
import type { QueueItem, TickAction } from '../server/api';
import { el } from './elements';

/** Called with the action and the entry ticked. */
export type Tick = (action: TickAction, item: QueueItem) => void;

/** Only https (or http) addresses ever become links: a javascript: or data: URL is shown as nothing. */
export function safeLink(url: string | undefined): string | null {
  return typeof url === 'string' && /^https?:\/\/[^\s]+$/i.test(url) ? url : null;
}

function profileLink(item: QueueItem): HTMLElement | null {
  const href = item.platform ? safeLink(profileUrl(item.platform, item.key || item.handle, item.url) || undefined) : null;
  if (!href) return null;
  // Plain navigation by the user: the add-on makes no request, and the new tab gets no handle on this page.
  return el('a', { className: 'open-profile', title: `Open the profile on ${item.platform || 'its platform'} in a new tab`, attrs: { href, target: '_blank', rel: 'noopener noreferrer' } }, 'Open');
}

function tickButtons(item: QueueItem, tick: Tick): HTMLElement {
  const button = (action: TickAction, label: string, cls: string) => {
    const b = el('button', { className: `tick ${cls}`, attrs: { type: 'button', 'data-action': action, 'data-handle': item.handle } }, label);
    b.addEventListener('click', () => tick(action, item));
    return b;
  };
  return el('div', { className: 'ticks' }, button('followed', 'Followed', 'tick-followed'), button('not now', 'Not now', 'tick-not-now'), button('never', 'Never suggest', 'tick-never'));
}

export function renderQueue(items: QueueItem[], select: (row: number) => void, tick?: Tick): HTMLElement {
  if (!items.length) return el('p', { className: 'gray empty' }, 'Nobody to follow today.');
  return el(
    'ol',
    { className: 'queue' },
    ...items.map((item) => {
      const shown = item.name || (item.handle ? '@' + item.handle : `Row ${item.row}`);
      const button = el('button', { className: 'link name', title: `Select row ${item.row} in the sheet`, attrs: { type: 'button', 'data-row': String(item.row) } }, shown);
      button.addEventListener('click', () => select(item.row));
      return el(
        'li',
        { attrs: { value: String(item.queue), 'data-handle': item.handle } },
        el('div', { className: 'who' }, button, item.name && item.handle ? el('span', { className: 'handle gray' }, ' @' + item.handle) : null, profileLink(item), el('span', { className: 'score', title: 'Followback score' }, String(item.score))),
        item.customer ? el('div', { className: 'customer' }, item.customer) : null,
        item.reasons ? el('div', { className: 'reasons gray' }, item.reasons) : null,
        tick ? tickButtons(item, tick) : null,
      );
    }),
  );
}
