// The sidebar's Import panel: pick the platforms' download files (or the whole .zip), read them here in the
// browser with src/core/imports, show per file what was found or what was wrong, then send the rows to the
// sheet in chunks (importRows). All user text goes in through textContent, never innerHTML.
import Papa from 'papaparse';
import {
  describeList,
  detectAndParse,
  isFailure,
  mergeLists,
  type ImportedList,
  type ImportKind,
  type ImportResult,
  type ImportSummary,
} from '../core/imports';

/** Rows per server call (importRows accepts up to 5,000; 2,000 keeps each call short). */
export const IMPORT_CHUNK = 2000;
/** Bigger files are left to the command line: the sidebar holds the whole file in memory. */
const MAX_FILE_BYTES = 1024 * 1024 * 1024;
const ACCEPT = '.json,.js,.txt,.csv,.html,.htm,.zip';

type Call = (fn: string, ...args: unknown[]) => Promise<unknown>;

const csv = (text: string): string[][] => Papa.parse<string[]>(text, { skipEmptyLines: false }).data;
const n = (x: number): string => x.toLocaleString('en-US');
const tabLabel = (kind: ImportKind): string => (kind === 'followers' ? 'Followers' : 'Following');

function make<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** "download.zip/connections/followers_and_following/followers_1.json" → "download.zip › followers_1.json". */
function shortName(file: string): string {
  const m = /^(.*?\.zip)\/(?:.*\/)?([^/]+)$/i.exec(file);
  return m ? `${m[1]} › ${m[2]}` : file;
}

const nextFrame = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

async function readFile(file: File): Promise<ImportResult[]> {
  if (file.size > MAX_FILE_BYTES) {
    return [{ file: file.name, error: `${file.name}: too large for the sidebar (${n(Math.round(file.size / 1048576))} MB). Request the download with only "Followers and following", or use the command line: npx followback import.` }];
  }
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    return detectAndParse(file.name, bytes, { csv });
  } catch (e) {
    return [{ file: file.name, error: `${file.name}: could not be read (${(e as Error).message}).` }];
  }
}

export function mountImportPanel(root: HTMLElement, call: Call): void {
  while (root.firstChild) root.removeChild(root.firstChild);
  const panel = make('div', 'import-panel');
  const intro = make(
    'p',
    'gray',
    'Add followers (or accounts you follow) from a platform’s data download: Instagram JSON, HTML (any language) or the whole .zip, Threads, TikTok, X, Bluesky, Facebook, Mastodon, LinkedIn, or a scraper’s JSON. Files are read here in your browser; only handles, names, profile links, follow dates and, where the file has them, emails and profile counts go to the sheet.',
  );
  const label = make('label', 'import-pick');
  label.appendChild(make('span', 'visually-hidden', 'Download files to import'));
  const input = make('input');
  input.type = 'file';
  input.multiple = true;
  input.accept = ACCEPT;
  input.setAttribute('aria-label', 'Download files to import');
  input.style.maxWidth = '100%';
  label.appendChild(input);

  const fileList = make('ul', 'import-files');
  fileList.style.cssText = 'list-style:none;padding:0;margin:8px 0;overflow-wrap:anywhere';
  const assumeRow = make('p', 'import-assume');
  assumeRow.hidden = true;
  const assumeSelect = make('select');
  for (const kind of ['followers', 'following'] as ImportKind[]) {
    const o = make('option', undefined, kind === 'followers' ? 'my followers' : 'accounts I follow');
    o.value = kind;
    assumeSelect.appendChild(o);
  }
  assumeSelect.setAttribute('aria-label', 'Lists that do not say which they are');
  assumeRow.append(make('span', undefined, 'Files that don’t say which list they are (LinkedIn, a renamed TikTok .txt, a scraper’s JSON) hold: '), assumeSelect);

  const totals = make('p', 'import-totals');
  const buttons = make('div', 'buttons');
  const importButton = make('button', 'action', 'Import');
  importButton.type = 'button';
  importButton.disabled = true;
  buttons.appendChild(importButton);

  const progressWrap = make('div', 'progress-wrap');
  progressWrap.hidden = true;
  const progress = make('div', 'progress');
  const bar = make('div', 'progress-bar');
  progress.appendChild(bar);
  progress.setAttribute('role', 'progressbar');
  progress.setAttribute('aria-valuemin', '0');
  progress.setAttribute('aria-valuemax', '100');
  const progressText = make('div', 'progress-text gray');
  progressWrap.append(progress, progressText);

  const message = make('div', 'message import-message');
  message.setAttribute('role', 'status');
  panel.append(intro, label, fileList, assumeRow, totals, buttons, progressWrap, message);
  root.appendChild(panel);

  let found: ImportedList[] = [];

  function say(text: string, kind: 'info' | 'error' = 'info'): void {
    message.className = `message import-message${kind === 'info' ? ' info' : ''}`;
    message.textContent = text;
  }

  function merged(): Record<ImportKind, ReturnType<typeof mergeLists>> {
    const kindOf = assumeSelect.value as ImportKind;
    const lists = found.map((l) => (l.assumedKind ? { ...l, kind: kindOf } : l));
    return { followers: mergeLists(lists, 'followers'), following: mergeLists(lists, 'following') };
  }

  function showTotals(): void {
    const m = merged();
    const parts: string[] = [];
    for (const kind of ['followers', 'following'] as ImportKind[]) {
      const { rows, duplicates } = m[kind];
      if (!rows.length) continue;
      const what = kind === 'followers' ? `${n(rows.length)} follower${rows.length === 1 ? '' : 's'}` : `${n(rows.length)} followed account${rows.length === 1 ? '' : 's'}`;
      parts.push(`${what} for the ${tabLabel(kind)} tab${duplicates ? ` (${n(duplicates)} repeated across files, counted once)` : ''}`);
    }
    totals.textContent = parts.length ? parts.join('; ') + '.' : '';
    const count = m.followers.rows.length + m.following.rows.length;
    importButton.disabled = count === 0;
    importButton.textContent = count ? `Import ${n(count)}` : 'Import';
    assumeRow.hidden = !found.some((l) => l.assumedKind);
  }

  function showResults(results: ImportResult[]): void {
    while (fileList.firstChild) fileList.removeChild(fileList.firstChild);
    for (const r of results) {
      const li = make('li', isFailure(r) ? 'import-file error' : 'import-file');
      li.style.margin = '0 0 4px';
      if (isFailure(r)) li.textContent = r.error;
      else {
        li.appendChild(make('strong', undefined, shortName(r.file)));
        li.title = r.file;
        li.appendChild(document.createTextNode(': ' + describeList(r)));
      }
      fileList.appendChild(li);
    }
  }

  async function onFiles(): Promise<void> {
    const files = Array.from(input.files || []);
    found = [];
    say('');
    showResults([]);
    showTotals();
    if (!files.length) return;
    input.disabled = true;
    importButton.disabled = true;
    progressWrap.hidden = true;
    totals.textContent = `Reading ${files.length === 1 ? files[0].name : `${files.length} files`}…`;
    const results: ImportResult[] = [];
    try {
      for (const f of files) {
        await nextFrame(); // let the page paint between files
        results.push(...(await readFile(f)));
      }
    } finally {
      input.disabled = false;
    }
    found = results.filter((r): r is ImportedList => !isFailure(r));
    showResults(results);
    showTotals();
    const bad = results.filter(isFailure).length;
    if (bad) say(`${bad} file${bad === 1 ? '' : 's'} could not be read and will not be imported.`, 'error');
    else if (!found.length) say('No lists found in these files.', 'error');
  }

  async function onImport(): Promise<void> {
    const m = merged();
    const total = m.followers.rows.length + m.following.rows.length;
    if (!total) return;
    importButton.disabled = true;
    input.disabled = true;
    progressWrap.hidden = false;
    say('');
    let sent = 0;
    const lines: string[] = [];
    const setProgress = (): void => {
      const pct = Math.round((sent / total) * 100);
      bar.style.width = `${pct}%`;
      progress.setAttribute('aria-valuenow', String(pct));
      progressText.textContent = `Sent ${n(sent)} of ${n(total)}`;
    };
    setProgress();
    try {
      for (const kind of ['followers', 'following'] as ImportKind[]) {
        const rows = m[kind].rows;
        if (!rows.length) continue;
        const sum: Required<Omit<ImportSummary, 'tab'>> & { tab: string } = { added: 0, duplicates: 0, skipped: 0, tab: tabLabel(kind), columnsAdded: [] };
        for (let i = 0; i < rows.length; i += IMPORT_CHUNK) {
          const chunk = rows.slice(i, i + IMPORT_CHUNK);
          const s = (await call('importRows', kind, chunk)) as ImportSummary;
          sum.added += s.added;
          sum.duplicates += s.duplicates;
          sum.skipped += s.skipped || 0;
          sum.tab = s.tab;
          for (const c of s.columnsAdded || []) if (sum.columnsAdded.indexOf(c) < 0) sum.columnsAdded.push(c);
          sent += chunk.length;
          setProgress();
        }
        lines.push(
          `${sum.tab} tab: ${n(sum.added)} added, ${n(sum.duplicates)} already there` +
            (sum.skipped ? `, ${n(sum.skipped)} without a handle skipped` : '') +
            (sum.columnsAdded.length ? `; new columns: ${sum.columnsAdded.join(', ')}` : '') +
            '.',
        );
      }
      say(lines.join(' ') + (m.followers.rows.length ? ' Score followers to see whom to follow back.' : ''));
      root.dispatchEvent(new CustomEvent('followback:imported', { bubbles: true }));
    } catch (e) {
      const done = lines.length ? lines.join(' ') + ' ' : '';
      say(`${done}Stopped after ${n(sent)} of ${n(total)}: ${(e as Error).message || String(e)} Importing again is safe: handles already on the tab are skipped.`, 'error');
    } finally {
      input.disabled = false;
      importButton.disabled = false;
    }
  }

  input.addEventListener('change', () => void onFiles());
  assumeSelect.addEventListener('change', showTotals);
  importButton.addEventListener('click', () => void onImport());
}
