// The sheet grid: column letters, row numbers, frozen rows and a virtualised body. Only the rows in view (plus a
// margin) are in the DOM; their values come from the server in blocks of BLOCK rows, fetched as they scroll in.
import { api, type CellWindow } from './api';
import { columnLetter, toA1 } from './a1';

export const ROW_H = 21;
const HEADER_H = 21;
const ROWHEAD_W = 46;
const BLOCK = 100;
const OVERSCAN = 8;
const DEFAULT_W = 100;

export interface SheetView {
  name: string;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
}

export interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export interface GridHooks {
  /** the user selected cells (not called for selections the add-on made) */
  onSelect(sel: Rect): void;
  /** the user wants to type into the active cell (Enter, F2, or a printable key with `initial`) */
  onEdit(initial?: string): void;
  onError(message: string): void;
}

function div(className: string): HTMLDivElement {
  const d = document.createElement('div');
  d.className = className;
  return d;
}

export class SheetGrid {
  sheet: SheetView | null = null;
  selection: Rect | null = null;
  private version = -1;
  private blocks = new Map<number, CellWindow>();
  private loading = new Set<number>();
  private rendered = new Map<number, HTMLDivElement>();
  private widths: number[] = [];
  private left: number[] = [];
  private frozenBox = div('frozen');
  private bodyBox = div('body-rows');
  private headBox = div('row colheads');
  private raf = 0;

  constructor(
    private readonly scroller: HTMLElement,
    private readonly canvas: HTMLElement,
    private readonly hooks: GridHooks,
  ) {
    scroller.addEventListener('scroll', () => this.schedule());
    new ResizeObserver(() => this.schedule()).observe(scroller);
    canvas.addEventListener('mousedown', (e) => this.onMouse(e));
    scroller.addEventListener('keydown', (e) => this.onKey(e));
    canvas.addEventListener('dblclick', (e) => {
      if ((e.target as HTMLElement).closest('.cell:not(.rowhead):not(.colhead)')) this.hooks.onEdit();
    });
  }

  /** Shows a tab at a workbook version; a new version refetches the rows in view (old rows stay until then). */
  show(sheet: SheetView, version: number): void {
    const changedSheet = !this.sheet || this.sheet.name !== sheet.name;
    const changedShape = changedSheet || this.sheet!.maxRows !== sheet.maxRows || this.sheet!.maxColumns !== sheet.maxColumns || this.sheet!.frozenRows !== sheet.frozenRows;
    this.sheet = sheet;
    if (changedSheet) {
      this.selection = null;
      this.scroller.scrollTop = 0;
      this.scroller.scrollLeft = 0;
    }
    if (changedShape || version !== this.version) {
      this.blocks.clear();
      this.loading.clear();
    }
    this.version = version;
    if (changedShape) {
      this.clearRendered();
      this.layout();
    }
    this.schedule();
  }

  /** Cell data for the formula bar: what it shows, its formula and a note (a formula's error). */
  cell(row: number, column: number): { shown: string; formula: string; note: string } {
    const w = this.blocks.get(Math.floor((row - 1) / BLOCK));
    const line = w ? w.values[row - w.row] : undefined;
    return { shown: line?.[column - 1] ?? '', formula: w?.formulas[`${row},${column}`] ?? '', note: w?.notes[`${row},${column}`] ?? '' };
  }

  /** Highlights a range; `scroll` brings it into view (the add-on's selectRow / setActiveRange). */
  select(sel: Rect | null, scroll = false): void {
    this.selection = sel;
    for (const [r, el] of this.rendered) this.paintSelection(el, r);
    this.paintHeads();
    if (sel && scroll) this.scrollTo(sel.r1, sel.c1);
  }

  scrollTo(row: number, column: number): void {
    const s = this.sheet;
    if (!s) return;
    const frozenH = HEADER_H + s.frozenRows * ROW_H;
    if (row > s.frozenRows) {
      const y = (row - s.frozenRows - 1) * ROW_H;
      const view = this.scroller.clientHeight - frozenH;
      if (y < this.scroller.scrollTop || y + ROW_H > this.scroller.scrollTop + view) this.scroller.scrollTop = Math.max(0, y - Math.floor(view / 3));
    }
    const x = this.left[column - 1] ?? 0;
    const w = this.widths[column - 1] ?? DEFAULT_W;
    const viewW = this.scroller.clientWidth - ROWHEAD_W;
    if (x < this.scroller.scrollLeft || x + w > this.scroller.scrollLeft + viewW) this.scroller.scrollLeft = Math.max(0, x - 40);
    this.render();
  }

  private schedule(): void {
    if (this.raf) return;
    this.raf = requestAnimationFrame(() => {
      this.raf = 0;
      this.render();
    });
  }

  private clearRendered(): void {
    this.rendered.clear();
    this.frozenBox.replaceChildren();
    this.bodyBox.replaceChildren();
  }

  /** Column widths from the text of the first rows (Sheets' default is 100 px; long text gets up to 200). */
  private computeWidths(w: CellWindow | undefined): void {
    this.widths = this.widthsOf(w);
    this.left = [];
    let x = 0;
    for (const width of this.widths) {
      this.left.push(x);
      x += width;
    }
  }

  private widthsOf(w: CellWindow | undefined): number[] {
    const s = this.sheet!;
    const widths: number[] = [];
    for (let c = 0; c < s.maxColumns; c++) {
      let longest = 0;
      if (w) for (const line of w.values.slice(0, 60)) longest = Math.max(longest, (line[c] ?? '').length);
      const numeric = !!w && w.align.slice(1, 60).some((a) => a[c] === 'r') && w.values.slice(1, 60).every((l, i) => !l[c] || w.align[i + 1][c] === 'r');
      const header = w?.values[0]?.[c] ?? '';
      widths.push(numeric ? Math.max(64, Math.min(140, Math.round(7.2 * header.length + 16))) : longest > 12 ? Math.min(200, Math.round(7.2 * longest + 16)) : DEFAULT_W);
    }
    return widths;
  }

  /** New column widths applied to the header and the rows in view, without rebuilding them. */
  private resize(): void {
    this.computeWidths(this.blocks.get(0));
    const total = `${ROWHEAD_W + this.widths.reduce((a, b) => a + b, 0)}px`;
    for (const box of [this.canvas, this.headBox, this.frozenBox, this.bodyBox]) box.style.width = total;
    const rows = [this.headBox, ...this.rendered.values()];
    for (const row of rows) {
      const cells = row.children;
      for (let c = 1; c < cells.length; c++) (cells[c] as HTMLElement).style.width = `${this.widths[c - 1] ?? DEFAULT_W}px`;
    }
  }

  private layout(): void {
    const s = this.sheet!;
    this.computeWidths(this.blocks.get(0));
    const total = ROWHEAD_W + this.widths.reduce((a, b) => a + b, 0);
    this.canvas.style.width = `${total}px`;
    this.headBox = div('row colheads');
    this.headBox.style.width = `${total}px`;
    const corner = div('cell corner');
    this.headBox.append(corner);
    for (let c = 1; c <= s.maxColumns; c++) {
      const h = div('cell colhead');
      h.dataset.col = String(c);
      h.style.width = `${this.widths[c - 1]}px`;
      h.textContent = columnLetter(c);
      this.headBox.append(h);
    }
    this.frozenBox = div('frozen');
    this.frozenBox.style.width = `${total}px`;
    this.bodyBox = div('body-rows');
    this.bodyBox.style.height = `${Math.max(0, s.maxRows - s.frozenRows) * ROW_H}px`;
    this.bodyBox.style.width = `${total}px`;
    this.canvas.replaceChildren(this.headBox, this.frozenBox, this.bodyBox);
    this.rendered.clear();
    this.paintHeads();
  }

  /** Rows in view: the frozen rows and the body rows under the viewport. */
  private visible(): { first: number; last: number } {
    const s = this.sheet!;
    const frozenH = HEADER_H + s.frozenRows * ROW_H;
    const top = this.scroller.scrollTop;
    const first = s.frozenRows + 1 + Math.max(0, Math.floor(top / ROW_H) - OVERSCAN);
    const last = Math.min(s.maxRows, s.frozenRows + Math.ceil((top + this.scroller.clientHeight - frozenH) / ROW_H) + OVERSCAN);
    return { first, last };
  }

  render(): void {
    const s = this.sheet;
    if (!s) return;
    const { first, last } = this.visible();
    const want = new Set<number>();
    for (let r = 1; r <= Math.min(s.frozenRows, s.maxRows); r++) want.add(r);
    for (let r = first; r <= last; r++) want.add(r);
    for (const [r, el] of this.rendered) {
      if (!want.has(r)) {
        el.remove();
        this.rendered.delete(r);
      }
    }
    const needed = new Set<number>();
    for (const r of want) {
      const b = Math.floor((r - 1) / BLOCK);
      if (!this.blocks.has(b)) needed.add(b);
      if (!this.rendered.has(r)) this.place(r, this.buildRow(r));
    }
    for (const b of needed) this.fetchBlock(b);
  }

  private place(r: number, el: HTMLDivElement): void {
    const s = this.sheet!;
    const old = this.rendered.get(r);
    if (old) old.replaceWith(el);
    else if (r <= s.frozenRows) this.frozenBox.append(el);
    else this.bodyBox.append(el);
    if (r > s.frozenRows) el.style.top = `${(r - s.frozenRows - 1) * ROW_H}px`;
    this.rendered.set(r, el);
  }

  private fetchBlock(b: number): void {
    if (this.loading.has(b) || !this.sheet) return;
    const sheet = this.sheet.name;
    const version = this.version;
    this.loading.add(b);
    api.cells(sheet, b * BLOCK + 1, BLOCK).then(
      (w) => {
        if (!this.sheet || this.sheet.name !== sheet || this.version !== version) return; // a newer view asked since
        this.loading.delete(b);
        this.blocks.set(b, w);
        if (b === 0 && this.widthsOf(w).join() !== this.widths.join()) this.resize(); // widths follow the first rows' text
        // Rows are updated in place, so an element a person (or a test) points at stays the same element.
        for (let r = w.row; r < w.row + w.values.length; r++) {
          const el = this.rendered.get(r);
          if (el) this.fillRow(el, r);
        }
      },
      (e: Error) => {
        this.loading.delete(b);
        this.hooks.onError(e.message);
      },
    );
  }

  private buildRow(r: number): HTMLDivElement {
    const s = this.sheet!;
    const row = div('row');
    row.dataset.row = String(r);
    const head = div('cell rowhead');
    head.textContent = String(r);
    row.append(head);
    for (let c = 1; c <= s.maxColumns; c++) {
      const cell = div('cell');
      cell.dataset.col = String(c);
      cell.style.width = `${this.widths[c - 1] ?? DEFAULT_W}px`;
      row.append(cell);
    }
    this.fillRow(row, r);
    return row;
  }

  /** Puts the row's values, alignment, colours and notes into its cells (text only, never HTML). */
  private fillRow(row: HTMLDivElement, r: number): void {
    const s = this.sheet!;
    const w = this.blocks.get(Math.floor((r - 1) / BLOCK));
    const i = w ? r - w.row : -1;
    const values = w?.values[i];
    const bg = w?.backgrounds[i];
    const align = w?.align[i] ?? '';
    const cells = row.children;
    for (let c = 1; c <= s.maxColumns && c < cells.length; c++) {
      const cell = cells[c] as HTMLElement;
      const text = values?.[c - 1] ?? '';
      if (cell.textContent !== text) cell.textContent = text;
      cell.classList.toggle('num', align[c - 1] === 'r');
      const colour = bg?.[c - 1] ?? '';
      if (cell.style.backgroundColor !== colour) cell.style.backgroundColor = colour;
      const note = w?.notes[`${r},${c}`] ?? '';
      if (cell.title !== note) cell.title = note;
      cell.classList.toggle('error', !!note);
    }
    this.paintSelection(row, r);
  }

  private inSelection(r: number, c: number): boolean {
    const sel = this.selection;
    return !!sel && r >= sel.r1 && r <= sel.r2 && c >= sel.c1 && c <= sel.c2;
  }

  private paintSelection(row: HTMLDivElement, r: number): void {
    const sel = this.selection;
    const cells = row.children;
    (cells[0] as HTMLElement).classList.toggle('selected', !!sel && r >= sel.r1 && r <= sel.r2);
    for (let c = 1; c < cells.length; c++) {
      const el = cells[c] as HTMLElement;
      const inside = this.inSelection(r, c);
      el.classList.toggle('selected', inside && !!sel && (sel.r1 !== sel.r2 || sel.c1 !== sel.c2));
      el.classList.toggle('active', !!sel && r === sel.r1 && c === sel.c1);
    }
  }

  private paintHeads(): void {
    const sel = this.selection;
    for (const h of Array.from(this.headBox.children) as HTMLElement[]) {
      const c = Number(h.dataset.col);
      if (c) h.classList.toggle('selected', !!sel && c >= sel.c1 && c <= sel.c2);
    }
  }

  private onMouse(e: MouseEvent): void {
    const s = this.sheet;
    const target = (e.target as HTMLElement).closest('.cell') as HTMLElement | null;
    if (!s || !target) return;
    const rowEl = target.closest('.row') as HTMLElement | null;
    const r = Number(rowEl?.dataset.row);
    const c = Number(target.dataset.col);
    let sel: Rect | null = null;
    if (target.classList.contains('colhead')) sel = { r1: 1, c1: c, r2: s.maxRows, c2: c };
    else if (target.classList.contains('rowhead') && r) sel = { r1: r, c1: 1, r2: r, c2: s.maxColumns };
    else if (r && c) {
      sel = { r1: r, c1: c, r2: r, c2: c };
      if (e.shiftKey && this.selection) {
        const a = this.selection;
        sel = { r1: Math.min(a.r1, r), c1: Math.min(a.c1, c), r2: Math.max(a.r1, r), c2: Math.max(a.c1, c) };
      }
    }
    if (!sel) return;
    e.preventDefault();
    this.scroller.focus({ preventScroll: true });
    this.select(sel);
    this.hooks.onSelect(sel);
  }

  private onKey(e: KeyboardEvent): void {
    const s = this.sheet;
    const sel = this.selection;
    if (!s || !sel) return;
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], Tab: [0, 1] };
    const m = moves[e.key];
    if (m) {
      e.preventDefault();
      const r = Math.min(s.maxRows, Math.max(1, sel.r1 + m[0]));
      const c = Math.min(s.maxColumns, Math.max(1, sel.c1 + m[1]));
      const next = { r1: r, c1: c, r2: r, c2: c };
      this.select(next, true);
      this.hooks.onSelect(next);
    } else if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      this.hooks.onEdit();
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      this.hooks.onEdit(e.key);
    }
  }
}

/** "B3", or "B3:D9"; whole rows and columns as Sheets writes them in the name box. */
export function rectToA1(sel: Rect): string {
  return toA1(sel.r1, sel.c1, sel.r2, sel.c2);
}
