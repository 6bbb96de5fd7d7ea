// Today's follow queue: who to follow, in order, and why. Clicking a name selects that row in the sheet.
import type { QueueItem } from '../server/api';
import { el } from './elements';

export function renderQueue(items: QueueItem[], select: (row: number) => void): HTMLElement {
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
        { attrs: { value: String(item.queue) } },
        el('div', { className: 'who' }, button, item.name && item.handle ? el('span', { className: 'handle gray' }, ' @' + item.handle) : null, el('span', { className: 'score', title: 'Followback score' }, String(item.score))),
        item.customer ? el('div', { className: 'customer' }, item.customer) : null,
        item.reasons ? el('div', { className: 'reasons gray' }, item.reasons) : null,
      );
    }),
  );
}
