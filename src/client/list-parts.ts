// Pieces both the Say thanks and the Make room lists are built from: a link that opens outside the sidebar (only
// for http(s) addresses; anything else stays text), a row of action buttons, and the notes under a list.
import { el } from './elements';

/** An <a> opening a new tab, only for an http(s) address; otherwise the text alone (never a javascript: link). */
export function outLink(href: string, text: string, className = 'out'): HTMLElement {
  if (!/^https?:\/\/[^\s"'<>`]+$/i.test(href)) return el('span', { className }, text);
  return el('a', { className, attrs: { href, target: '_blank', rel: 'noopener noreferrer' } }, text);
}

export interface ActionButton<A extends string> {
  action: A;
  label: string;
  primary?: boolean;
  title: string;
}

/** The buttons of one list item; a click disables them all until the list is drawn again. */
export function actionButtons<A extends string>(handle: string, buttons: ActionButton<A>[], act: (handle: string, action: A) => void): HTMLElement {
  const row = el('div', { className: 'buttons item-actions' });
  for (const b of buttons) {
    const button = el('button', { className: b.primary ? 'action small' : 'small', title: b.title, attrs: { type: 'button', 'data-action': b.action, 'data-handle': handle } }, b.label);
    button.addEventListener('click', () => {
      for (const other of Array.from(row.querySelectorAll('button'))) other.disabled = true;
      act(handle, b.action);
    });
    row.appendChild(button);
  }
  return row;
}

export function notesList(notes: string[]): HTMLElement | null {
  return notes.length ? el('ul', { className: 'warnings list-notes' }, ...notes.map((n) => el('li', {}, n))) : null;
}
