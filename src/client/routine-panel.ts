// Above today's queue: what was done today and this week, the follow ratio now and after today's list with a plain
// warning, "Mark all of today's as followed" and Undo for the last tick.
import { PLATFORMS } from '../core/platforms';
import type { Platform } from '../core/types';
import type { LastAction, Report } from '../server/api';
import { el } from './elements';

export interface RoutineActions {
  markAll(): void;
  undo(last: LastAction): void;
}

const fmt = (n: number) => n.toLocaleString('en-US');
const WORDS: Record<LastAction['action'], string> = { followed: 'Followed', 'not now': 'Not now', never: 'Never suggest' };

function ratioText(report: Report, platform: Platform | undefined): HTMLElement | null {
  const r = report.summary.ratio;
  if (!r) return null;
  const label = platform ? PLATFORMS[platform].label : 'the platform';
  const now = r.ratioNow === null ? 'no followers counted' : `${r.ratioNow.toFixed(2)} following per follower`;
  const after = r.ratioAfter === null ? '' : `, ${r.ratioAfter.toFixed(2)} after today’s list`;
  const limit = r.limit === null ? `no published limit on ${label}` : `${label} allows ${fmt(r.limit)} with ${fmt(r.ownFollowers)} followers`;
  return el('p', { className: 'ratio gray', id: 'ratio' }, `You follow ${fmt(r.following)}: ${now}${after}. ${limit}.`);
}

export function renderRoutine(report: Report, platform: Platform | undefined, actions: RoutineActions): HTMLElement {
  const s = report.summary;
  const counts = el('p', { className: 'done-today', id: 'done-today' }, `Followed today: ${fmt(s.followedToday || 0)} · this week: ${fmt(s.followedThisWeek || 0)}`, s.held ? el('span', { className: 'gray' }, ` · ${fmt(s.held)} held back (not now, never or followed)`) : null);
  const warning = s.warning ? el('p', { className: 'ratio-warning warnings', id: 'ratio-warning', attrs: { role: 'status' } }, s.warning) : null;
  const buttons = el('div', { className: 'buttons routine-buttons' });
  if (report.queue.length) {
    const all = el('button', { className: 'action', id: 'mark-all', attrs: { type: 'button' } }, 'Mark all of today’s as followed');
    all.addEventListener('click', () => actions.markAll());
    buttons.appendChild(all);
  }
  const last = s.last;
  if (last) {
    const n = last.handles.length;
    const undo = el('button', { id: 'undo-tick', title: `Take back: ${WORDS[last.action]} for ${n === 1 ? '@' + last.handles[0] : `${fmt(n)} accounts`}`, attrs: { type: 'button' } }, `Undo “${WORDS[last.action]}”${n > 1 ? ` (${fmt(n)})` : ''}`);
    undo.addEventListener('click', () => actions.undo(last));
    buttons.appendChild(undo);
  }
  return el('div', { className: 'routine' }, counts, ratioText(report, platform), warning, buttons.childNodes.length ? buttons : null);
}
