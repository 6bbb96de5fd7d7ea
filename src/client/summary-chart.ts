// The summary after scoring: one bar per recommendation, coloured like the rows in the sheet,
// and today's follow budget.
import type { Recommendation } from '../core/types';
import { PLATFORMS } from '../core/platforms';
import type { Platform } from '../core/types';
import type { Summary } from '../server/api';
import { el } from './elements';

/** Row colours of DESIGN.md (fill) with a darker edge so a light bar still reads on white. */
export const BAR_COLOURS: Record<Recommendation, { fill: string; edge: string }> = {
  'Follow back': { fill: '#d9ead3', edge: '#93c47d' },
  Consider: { fill: '#fff2cc', edge: '#f1c232' },
  'Likely bot': { fill: '#f4cccc', edge: '#e06666' },
  'Already following': { fill: '#cfe2f3', edge: '#6fa8dc' },
  Skip: { fill: '#e8eaed', edge: '#bdc1c6' },
};

const ORDER: Recommendation[] = ['Follow back', 'Consider', 'Already following', 'Skip', 'Likely bot'];

const fmt = (n: number) => n.toLocaleString('en-US');

export function renderSummary(summary: Summary, platform: Platform | undefined): HTMLElement {
  const counts = summary.counts || ({} as Record<Recommendation, number>);
  const max = Math.max(1, ...ORDER.map((r) => counts[r] || 0));
  const bars = ORDER.map((rec) => {
    const n = counts[rec] || 0;
    const c = BAR_COLOURS[rec];
    const bar = el('div', { className: 'bar' });
    // Bars grow with the count; a zero count shows no bar but keeps its row and number.
    bar.style.width = n ? `${Math.max(2, (n / max) * 100)}%` : '0';
    bar.style.background = n ? c.fill : 'transparent';
    bar.style.borderColor = n ? c.edge : 'transparent';
    return el(
      'div',
      { className: 'chart-row', attrs: { 'data-recommendation': rec } },
      el('span', { className: 'chart-label' }, rec),
      el('span', { className: 'chart-track' }, bar),
      el('span', { className: 'chart-count' }, fmt(n)),
    );
  });
  const limits = platform ? PLATFORMS[platform] : undefined;
  const capText =
    summary.capLeft === null || summary.capLeft === undefined || !Number.isFinite(summary.capLeft)
      ? `no published cap on ${limits ? limits.label : 'this platform'}`
      : `${fmt(summary.capLeft)} left under the ${limits && Number.isFinite(limits.cap) ? fmt(limits.cap) + ' ' : ''}cap`;
  return el(
    'div',
    { className: 'summary' },
    el('div', { className: 'chart', attrs: { role: 'img', 'aria-label': ORDER.map((r) => `${r}: ${counts[r] || 0}`).join(', ') } }, ...bars),
    el('p', { className: 'scored gray' }, `${fmt(summary.scored || 0)} followers scored.`),
    el(
      'p',
      { className: 'budget', id: 'budget' },
      el('strong', {}, `${fmt(summary.queued || 0)} of ${fmt(summary.dailyLimit || 0)}`),
      ' follows queued today',
      el('br'),
      el('span', { className: 'gray' }, capText),
    ),
  );
}
