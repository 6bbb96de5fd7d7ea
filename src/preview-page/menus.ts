// The menu bar: File (import and download) and Extensions ▸ <add-on> ▸ items, the items being the ones that the
// add-on's onOpen built with createAddonMenu. Captions are set as text.
import type { PageState } from './api';

export interface MenuActions {
  run(functionName: string, caption: string): void;
  importCsv(): void;
  downloadCsv(): void;
}

interface Item {
  caption: string;
  action?: () => void;
  submenu?: Item[];
}

let popups: HTMLElement[] = [];

function closeAll(): void {
  for (const p of popups) p.remove();
  popups = [];
  document.querySelectorAll('.menu-button.open').forEach((b) => b.classList.remove('open'));
}

function open(items: Item[], x: number, y: number, level: number): void {
  while (popups.length > level) popups.pop()!.remove();
  const box = document.createElement('div');
  box.className = 'menu-popup';
  box.setAttribute('role', 'menu');
  box.style.left = `${x}px`;
  box.style.top = `${y}px`;
  for (const item of items) {
    if (!item.caption) {
      const sep = document.createElement('div');
      sep.className = 'menu-sep';
      box.append(sep);
      continue;
    }
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'menu-item';
    b.setAttribute('role', 'menuitem');
    const label = document.createElement('span');
    label.textContent = item.caption;
    b.append(label);
    if (item.submenu) {
      const arrow = document.createElement('span');
      arrow.textContent = '▸';
      b.append(arrow);
      const show = () => {
        box.querySelectorAll('.menu-item.open').forEach((o) => o.classList.remove('open'));
        b.classList.add('open');
        const r = b.getBoundingClientRect();
        open(item.submenu!, r.right, r.top - 6, level + 1);
      };
      b.addEventListener('mouseenter', show);
      b.addEventListener('click', show);
    } else if (item.action) {
      b.addEventListener('mouseenter', () => {
        while (popups.length > level + 1) popups.pop()!.remove();
      });
      b.addEventListener('click', () => {
        closeAll();
        item.action!();
      });
    } else b.disabled = true;
    box.append(b);
  }
  document.body.append(box);
  popups.push(box);
}

export function initMenus(getState: () => PageState | null, actions: MenuActions): void {
  const build = (which: string): Item[] => {
    if (which === 'file') {
      return [
        { caption: 'Import CSV as a new tab…', action: actions.importCsv },
        { caption: 'Download this tab as CSV', action: actions.downloadCsv },
      ];
    }
    const menus = getState()?.menus ?? [];
    if (!menus.length) return [{ caption: 'No add-on menu (onOpen built none)' }];
    return menus.map((m) => ({
      caption: m.title,
      submenu: m.items.map((i) => (i.functionName ? { caption: i.caption, action: () => actions.run(i.functionName, i.caption) } : { caption: '' })),
    }));
  };
  document.querySelectorAll<HTMLButtonElement>('.menu-button').forEach((button) => {
    button.addEventListener('click', (e) => {
      e.stopPropagation();
      const wasOpen = button.classList.contains('open');
      closeAll();
      if (wasOpen) return;
      button.classList.add('open');
      const r = button.getBoundingClientRect();
      open(build(button.dataset.menu || ''), r.left, r.bottom + 2, 0);
    });
  });
  document.addEventListener('mousedown', (e) => {
    if (!(e.target as HTMLElement).closest('.menu-popup, .menu-button')) closeAll();
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') closeAll();
  });
}
