// The preview page: wires the grid, the menus, the formula bar, the tabs, the sidebar and the notices to the
// preview server. All workbook logic runs server side in the real dist/Code.js; this page only shows and asks.
import { api, type Effects, type PageState } from './api';
import { parseA1, toA1 } from './a1';
import { SheetGrid, rectToA1, type Rect } from './grid';
import { initMenus } from './menus';
import { alertBox, initModal, problem, toast } from './notices';
import { initDrop, uploadFiles } from './files';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

let state: PageState | null = null;
let selectionSeq = -1;
const nameBox = $<HTMLInputElement>('name-box');
const formula = $<HTMLInputElement>('formula-input');
const sidebar = $<HTMLElement>('sidebar');
const frame = $<HTMLIFrameElement>('sidebar-frame');

const grid = new SheetGrid($('grid'), $('grid-canvas'), {
  onSelect(sel) {
    showInFormulaBar(sel);
    if (state) api.select(activeSheet(), rectToA1(sel)).catch(() => undefined);
  },
  onEdit(initial) {
    if (!grid.selection) return;
    formula.focus();
    if (initial !== undefined) formula.value = initial;
  },
  onError: (m) => problem(m),
});

function activeSheet(): string {
  return grid.sheet?.name ?? state?.active ?? '';
}

function showInFormulaBar(sel: Rect | null): void {
  if (!sel) {
    nameBox.value = '';
    formula.value = '';
    return;
  }
  nameBox.value = rectToA1(sel);
  const c = grid.cell(sel.r1, sel.c1);
  formula.value = c.formula || c.shown;
  formula.title = c.note;
}

function renderTabs(): void {
  const box = $('tabs');
  box.replaceChildren(
    ...(state?.sheets ?? []).map((s) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'tab';
      b.setAttribute('role', 'tab');
      b.textContent = s.name;
      const active = s.name === state!.active;
      b.classList.toggle('active', active);
      b.setAttribute('aria-selected', String(active));
      b.addEventListener('click', () => {
        api.setActive(s.name).then(() => requestRefresh(), (e: Error) => problem(e.message));
      });
      return b;
    }),
  );
}

/** The add-on's selection (selectRow / setActiveRange): switch to its tab, scroll to it, highlight it. */
function applySelection(): void {
  const sel = state?.selection;
  if (!sel || sel.seq === selectionSeq || !grid.sheet) return;
  if (sel.sheet.toLowerCase() !== grid.sheet.name.toLowerCase()) return;
  selectionSeq = sel.seq;
  const ref = parseA1(sel.a1);
  if (!ref) return;
  const rect = { r1: ref.row, c1: ref.column, r2: ref.lastRow ?? grid.sheet.maxRows, c2: ref.lastColumn ?? grid.sheet.maxColumns };
  grid.select(rect, true);
  showInFormulaBar(rect);
}

function apply(next: PageState): void {
  state = next;
  $('doc-title').textContent = next.title;
  document.title = `${next.title} – Followback preview`;
  renderTabs();
  const sheet = next.sheets.find((s) => s.name === next.active) ?? next.sheets[0];
  // Row 1 stays in view as the header row even when the tab freezes no rows (an imported CSV freezes none).
  if (sheet) grid.show({ ...sheet, frozenRows: Math.min(Math.max(1, sheet.frozenRows), sheet.maxRows) }, next.version);
  applySelection();
  document.body.dataset.version = String(next.version);
}

let refreshing: Promise<void> | null = null;
let again = false;

/** One state refresh at a time; calls during one make one more afterwards (bursts of sidebar calls coalesce). */
function requestRefresh(): Promise<void> {
  if (refreshing) {
    again = true;
    return refreshing;
  }
  refreshing = (async () => {
    do {
      again = false;
      try {
        apply(await api.state());
      } catch (e) {
        problem((e as Error).message);
      }
    } while (again);
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

function openSidebar(title: string): void {
  $('sidebar-title').textContent = title;
  sidebar.hidden = false;
  document.body.classList.add('with-sidebar');
  frame.src = `/sidebar?at=${Date.now()}`;
}

function closeSidebar(): void {
  sidebar.hidden = true;
  document.body.classList.remove('with-sidebar');
  frame.removeAttribute('src');
}

/** What an execution showed: toasts, alerts, a sidebar or dialog, or its error; then the grid catches up. */
function handleEffects(effects: Effects | undefined, from: 'menu' | 'sidebar' | 'cell'): void {
  if (!effects) return;
  for (const t of effects.toasts) toast(t);
  for (const a of effects.alerts) alertBox(a);
  if (effects.sidebar && from !== 'sidebar') openSidebar(effects.sidebar.title || 'Followback');
  for (const d of effects.dialogs) {
    const f = document.createElement('iframe');
    f.src = `/dialog?i=${d.index}`;
    f.title = d.title;
    alertBox(f, d.title);
  }
  if (!effects.ok && effects.error && from === 'menu') alertBox(effects.error, 'Script error');
  void requestRefresh();
}

async function runMenu(functionName: string): Promise<void> {
  document.body.classList.add('busy');
  try {
    const res = await api.run(functionName);
    handleEffects(res.effects, 'menu');
  } catch (e) {
    problem((e as Error).message);
  } finally {
    document.body.classList.remove('busy');
  }
}

function downloadCsv(): void {
  const sheet = activeSheet();
  if (!sheet) return;
  const a = document.createElement('a');
  a.href = api.downloadUrl(sheet);
  a.download = `${sheet}.csv`;
  document.body.append(a);
  a.click();
  a.remove();
}

async function commitFormulaBar(): Promise<void> {
  const sel = grid.selection;
  if (!sel || !grid.sheet) return;
  const a1 = toA1(sel.r1, sel.c1);
  try {
    const res = await api.writeCell(grid.sheet.name, a1, formula.value);
    handleEffects(res.effects, 'cell');
    if (!res.effects.ok && res.effects.error) problem(`${a1}: ${res.effects.error}`);
    const next = { r1: Math.min(sel.r1 + 1, grid.sheet.maxRows), c1: sel.c1, r2: Math.min(sel.r1 + 1, grid.sheet.maxRows), c2: sel.c1 };
    grid.select(next, true);
    showInFormulaBar(next);
    $('grid').focus({ preventScroll: true });
  } catch (e) {
    problem(`${a1}: ${(e as Error).message}`);
  }
}

function init(): void {
  initModal();
  initMenus(() => state, {
    run: (fn) => void runMenu(fn),
    importCsv: () => $<HTMLInputElement>('file-input').click(),
    downloadCsv,
  });
  initDrop((s) => apply(s));
  $('download-csv').addEventListener('click', downloadCsv);
  $('sidebar-close').addEventListener('click', closeSidebar);
  formula.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void commitFormulaBar();
    } else if (e.key === 'Escape') {
      showInFormulaBar(grid.selection);
      $('grid').focus({ preventScroll: true });
    }
  });
  window.addEventListener('message', (e) => {
    if (e.origin !== location.origin || !e.data || typeof e.data !== 'object') return;
    const kind = (e.data as { followbackPreview?: string }).followbackPreview;
    if (kind === 'effects') handleEffects((e.data as { effects?: Effects }).effects, 'sidebar');
    else if (kind === 'close') closeSidebar();
  });
  api.open().then(
    (res) => {
      apply(res.state);
      handleEffects(res.effects, 'menu');
    },
    (e: Error) => problem(`The preview could not open the workbook: ${e.message}`),
  );
}

// Exposed for the browser tests and the screenshot script.
(window as unknown as { followbackPreview: unknown }).followbackPreview = { uploadFiles: (files: File[]) => uploadFiles(files, apply), refresh: requestRefresh };

init();
