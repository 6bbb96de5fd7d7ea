// What the add-on found: a tab per kind and the columns it recognised. Each can be chosen by hand;
// the choice is saved as settings (`tabs`, `columnOverrides`) and the status is read again.
import { OUTPUT_HEADERS, type Settings, type TableKind } from '../core/types';
import type { Status } from '../server/api';
import { el, options, replace } from './elements';

const KINDS: { kind: TableKind; label: string; required?: boolean }[] = [
  { kind: 'followers', label: 'Followers', required: true },
  { kind: 'orders', label: 'Orders' },
  { kind: 'engagement', label: 'Engagement' },
  { kind: 'following', label: 'Following' },
];

/** The fields worth picking by hand, per kind, with the words a shop owner would use. */
const FIELD_LABELS: Record<TableKind, [string, string][]> = {
  followers: [
    ['handle', 'Handle'],
    ['url', 'Profile URL'],
    ['name', 'Name'],
    ['bio', 'Bio'],
    ['followers', 'Followers'],
    ['following', 'Following'],
    ['posts', 'Posts'],
    ['hasPicture', 'Has picture'],
    ['private', 'Private'],
    ['verified', 'Verified'],
    ['externalUrl', 'Website'],
    ['joined', 'Joined'],
    ['lastPost', 'Last post'],
  ],
  orders: [
    ['email', 'Email'],
    ['name', 'Customer name'],
    ['firstName', 'First name'],
    ['lastName', 'Last name'],
    ['handle', 'Social handle'],
    ['buyerUsername', 'Buyer username'],
    ['orderId', 'Order ID'],
    ['total', 'Total'],
    ['date', 'Date'],
    ['status', 'Status'],
    ['notes', 'Notes'],
  ],
  engagement: [
    ['handle', 'Handle'],
    ['type', 'Type'],
    ['date', 'Date'],
    ['count', 'Count'],
  ],
  following: [
    ['handle', 'Handle'],
    ['url', 'Profile URL'],
    ['date', 'Date'],
  ],
};

export interface StatusPanelDeps {
  /** saves the settings with a new tab or column choice; resolves once status has been re-read */
  choose(next: Settings): Promise<void>;
}

export interface StatusPanel {
  root: HTMLElement;
  show(status: Status, settings: Settings): void;
}

const AUTO = '';

export function createStatusPanel(deps: StatusPanelDeps): StatusPanel {
  const root = el('div', { id: 'status' });

  function withChoice(settings: Settings, kind: TableKind, field: string | null, value: string): Settings {
    if (field === null) {
      const tabs = { ...(settings.tabs || {}) };
      if (value) tabs[kind] = value;
      else delete tabs[kind];
      // Another tab means other headers: the column choices made for the old tab no longer apply.
      const columnOverrides = { ...(settings.columnOverrides || {}) };
      delete columnOverrides[kind];
      return { ...settings, tabs, columnOverrides };
    }
    const columnOverrides = { ...(settings.columnOverrides || {}) };
    const fields = { ...(columnOverrides[kind] || {}) };
    if (value) fields[field] = value;
    else delete fields[field];
    columnOverrides[kind] = fields;
    return { ...settings, columnOverrides };
  }

  function picker(label: string, id: string, choices: { value: string; label: string }[], selected: string, onPick: (v: string) => void): HTMLElement {
    const select = el('select', { id });
    select.append(...options(choices, selected));
    select.addEventListener('change', () => onPick(select.value));
    return el('div', { className: 'pick' }, el('label', { attrs: { for: id } }, label), select);
  }

  function show(status: Status, settings: Settings): void {
    // Re-rendering after a choice keeps the sections the user had opened.
    const open = new Set(Array.from(root.querySelectorAll('details[open]')).map((d) => d.getAttribute('data-kind')));
    const pick = (kind: TableKind, field: string | null) => (value: string) => {
      void deps.choose(withChoice(settings, kind, field, value));
    };
    const blocks = KINDS.map(({ kind, label, required }) => {
      const tab = status.tabs ? status.tabs[kind] : null;
      const rows = status.rows ? status.rows[kind] : undefined;
      const found = (status.columns && status.columns[kind]) || {};
      const chosenTab = (settings.tabs && settings.tabs[kind]) || AUTO;
      const summary = el(
        'summary',
        {},
        el('span', { className: 'kind' }, label),
        tab
          ? el('span', { className: 'found' }, `“${tab}”`, rows !== undefined ? el('span', { className: 'gray' }, ` · ${rows.toLocaleString('en-US')} rows`) : null)
          : el('span', { className: required ? 'missing error' : 'missing gray' }, required ? 'not found' : 'none'),
      );
      const foundList = Object.keys(found).length
        ? el(
            'ul',
            { className: 'columns' },
            ...Object.entries(found).map(([field, header]) => el('li', {}, el('span', { className: 'gray' }, labelOf(kind, field) + ': '), header)),
          )
        : null;
      const tabChoices = [{ value: AUTO, label: 'Automatic (by tab name)' }, ...(status.allTabs || []).map((t) => ({ value: t, label: t }))];
      const headers = headersOf(status, kind);
      const overrides = (settings.columnOverrides && settings.columnOverrides[kind]) || {};
      const columnPickers =
        tab && headers.length
          ? el(
              'div',
              { className: 'column-picks' },
              ...FIELD_LABELS[kind].map(([field, fieldLabel]) =>
                picker(
                  fieldLabel,
                  `pick-${kind}-${field}`,
                  [{ value: AUTO, label: found[field] ? `Automatic (${found[field]})` : 'Automatic' }, ...headers.map((h) => ({ value: h, label: h }))],
                  overrides[field] || AUTO,
                  pick(kind, field),
                ),
              ),
            )
          : null;
      const details = el(
        'details',
        { className: 'kind-status', attrs: { 'data-kind': kind } },
        summary,
        el('div', { className: 'kind-body' }, foundList, picker('Tab', `pick-${kind}-tab`, tabChoices, chosenTab, pick(kind, null)), columnPickers),
      );
      details.open = open.has(kind);
      return details;
    });
    const problems = (status.problems || []).map((p) => el('li', {}, p));
    replace(root, ...blocks, problems.length ? el('ul', { className: 'problems error', attrs: { role: 'alert' } }, ...problems) : null);
  }

  return { root, show };
}

function labelOf(kind: TableKind, field: string): string {
  const hit = FIELD_LABELS[kind].find(([f]) => f === field);
  return hit ? hit[1] : field;
}

/** Every header of the tab, when the server sends them; else the headers of the columns it found. */
function headersOf(status: Status, kind: TableKind): string[] {
  const all = status.headers && status.headers[kind];
  const list = all && all.length ? all : Object.values((status.columns && status.columns[kind]) || {});
  // The add-on's own output columns are never an input.
  const own = new Set<string>(OUTPUT_HEADERS);
  return list.filter((h, i) => h !== '' && !own.has(h) && list.indexOf(h) === i);
}
