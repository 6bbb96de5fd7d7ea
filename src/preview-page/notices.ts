// What the add-on shows the user (toasts, alerts) and the page's own problem messages. Text only: every string
// goes in through textContent, never as HTML.

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** A Sheets-like toast, bottom right, gone after a few seconds. */
export function toast(message: string, ms = 8000): void {
  const box = el('div', 'toast');
  box.setAttribute('role', 'status');
  box.append(el('div', 'toast-body', message));
  document.getElementById('toasts')!.append(box);
  setTimeout(() => box.remove(), ms);
}

const queue: { title: string; body: string | HTMLElement }[] = [];

function showNext(): void {
  const modal = document.getElementById('modal')!;
  const next = queue[0];
  if (!next) {
    modal.hidden = true;
    return;
  }
  document.getElementById('modal-title')!.textContent = next.title;
  const body = document.getElementById('modal-body')!;
  body.replaceChildren(typeof next.body === 'string' ? document.createTextNode(next.body) : next.body);
  modal.hidden = false;
  (document.getElementById('modal-ok') as HTMLButtonElement).focus();
}

/** Ui.alert: a modal with OK; several alerts show one after another. */
export function alertBox(body: string | HTMLElement, title = 'Followback'): void {
  queue.push({ title, body });
  if (queue.length === 1) showNext();
}

export function initModal(): void {
  document.getElementById('modal-ok')!.addEventListener('click', () => {
    queue.shift();
    showNext();
  });
}

/** A problem the page shows until dismissed (a bad file, a refused formula). */
export function problem(message: string): void {
  const list = document.getElementById('messages')!;
  // The same problem twice (say, every scroll while the server is stopped) shows once.
  if (Array.from(list.querySelectorAll('.message-text')).some((m) => m.textContent === message)) return;
  const box = el('div', 'message');
  box.append(el('span', 'message-text', message));
  const close = el('button', '', '✕');
  close.type = 'button';
  close.setAttribute('aria-label', 'Dismiss');
  close.addEventListener('click', () => box.remove());
  box.append(close);
  list.append(box);
}
