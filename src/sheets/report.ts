// The sidebar's summary and today's follow queue, built from scored rows or read back from the sheet.
import { assignQueue, type Summary as EngineSummary } from '../core/queue';
import { followBudget, isPlatform } from '../core/platforms';
import type { Routine } from '../core/routine';
import { cellOf, readFollowers, readTable } from '../core/table';
import { RECOMMENDATIONS, OUTPUT_HEADERS, type Cell, type Follower, type Platform, type Recommendation, type ResultRow, type Settings, type Table } from '../core/types';
import { cleanText } from '../core/values';
import type { QueueItem, Report, Summary } from '../server/api';
import { findBlock } from './layout';
import { selectSheetRow } from './menu';
import { findTabs, missingFollowersMessage, readGrid } from './tabs';
import { routineNow } from './workbook-input';

export function plainSummary(s: EngineSummary): Summary {
  const out: Summary = { ...s, counts: { ...s.counts }, capLeft: Number.isFinite(s.capLeft) ? s.capLeft : null };
  if (s.ratio) out.ratio = { ...s.ratio };
  if (s.last) out.last = { ...s.last, handles: s.last.handles.slice() };
  return out;
}

/** Today's queue, in queue order; `platform`: the settings' platform, for rows that do not name theirs. */
export function queueItems(table: Table, followers: Follower[], rows: (ResultRow | null)[], platform?: Platform): QueueItem[] {
  const items: QueueItem[] = [];
  rows.forEach((r, i) => {
    if (!r || r.queue === '') return;
    const f = followers[i];
    const item: QueueItem = {
      row: table.headerIndex + 2 + i,
      handle: cleanText(cellOf(table, i, 'handle')) || (f && f.handle) || cleanText(cellOf(table, i, 'url')),
      name: (f && f.name) || '',
      score: r.score,
      queue: r.queue,
      reasons: r.reasons,
      customer: r.customer,
    };
    const own = f && f.platform ? f.platform.toLowerCase() : '';
    const on = isPlatform(own) ? own : platform;
    // The sidebar builds the profile link from these (core/profile-links.ts): Code.js names no URL.
    if (on) item.platform = on;
    if (f && f.handle) item.key = f.handle;
    const url = cleanText(cellOf(table, i, 'url'));
    if (url) item.url = url.slice(0, 2000);
    items.push(item);
  });
  return items.sort((a, b) => a.queue - b.queue);
}

export function buildReport(tab: string, table: Table, followers: Follower[], rows: (ResultRow | null)[], summary: EngineSummary, warnings: string[] = [], platform?: Platform): Report {
  return { summary: plainSummary(summary), queue: queueItems(table, followers, rows, platform), tab, warnings };
}

const num = (v: Cell): number => (typeof v === 'number' ? v : Number(v) || 0);

/** A written output row read back from the sheet (null when the row was blank). */
export function rowFromCells(cells: Cell[]): ResultRow | null {
  const [score, recommendation, botRisk, customer, customerId, matchConfidence, engagement, reasons, queue] = cells;
  if (score === '' || score === null || score === undefined) return null;
  if (RECOMMENDATIONS.indexOf(recommendation as Recommendation) < 0) return null;
  return {
    score: num(score),
    recommendation: recommendation as Recommendation,
    botRisk: num(botRisk),
    customer: String(customer ?? ''),
    customerId: String(customerId ?? ''),
    matchConfidence: matchConfidence === '' || matchConfidence === null || matchConfidence === undefined ? '' : num(matchConfidence),
    engagement: num(engagement),
    reasons: String(reasons ?? ''),
    queue: queue === '' || queue === null || queue === undefined ? '' : num(queue),
  };
}

/** Counts and budget of rows as they stand (queue numbers as written). */
export function summarize(rows: (ResultRow | null)[], settings: Settings): EngineSummary {
  const counts = Object.fromEntries(RECOMMENDATIONS.map((r) => [r, 0])) as Record<Recommendation, number>;
  let scored = 0;
  let queued = 0;
  for (const r of rows) {
    if (!r) continue;
    scored++;
    counts[r.recommendation]++;
    if (r.queue !== '') queued++;
  }
  const { daily, capLeft, budget } = followBudget(settings.platform, settings.followingCount, settings.dailyLimit);
  return { counts, scored, queued, budget, dailyLimit: daily, capLeft };
}

/**
 * Reads the report back from a Followers grid with its output block at 0-based column `column`. With the routine,
 * today's queue is planned again from the scores written (ticks and "Not now" since the scoring are left out).
 */
export function reportFromGrid(tab: string, grid: Cell[][], column: number, settings: Settings, routine?: Routine): Report | null {
  const userPart = grid.map((r) => r.slice(0, column));
  let table: Table;
  try {
    table = readTable({ name: tab, grid: userPart }, 'followers', settings.columnOverrides?.followers);
  } catch {
    return null;
  }
  const followers = readFollowers(table);
  const rows = table.rows.map((_, i) => rowFromCells((grid[table.headerIndex + 1 + i] || []).slice(column, column + OUTPUT_HEADERS.length)));
  const summary = routine ? assignQueue(rows, settings, followers.map((f) => f.handle), routine) : summarize(rows, settings);
  return buildReport(tab, table, followers, rows, summary, [], settings.platform);
}

export function countsText(counts: Record<Recommendation, number>): string {
  return RECOMMENDATIONS.map((r) => `${counts[r].toLocaleString('en-US')} ${r}`).join(', ');
}

/** The report of the last scoring, read back from the Followers tab; null when the tab has no scores. */
export function currentReport(settings: Settings): Report | null {
  const tabs = findTabs(SpreadsheetApp.getActiveSpreadsheet(), settings);
  if (!tabs.followers) return null;
  const grid = readGrid(tabs.followers);
  const block = findBlock(grid);
  if (!block) return null;
  return reportFromGrid(tabs.followers.getName(), grid, block.columnIndex, settings, routineNow(tabs, settings, settings.now ?? Date.now()));
}

/** Selects a 1-based sheet row of the Followers tab (the sidebar's queue). */
export function selectFollowerRow(settings: Settings, row: number): void {
  const tabs = findTabs(SpreadsheetApp.getActiveSpreadsheet(), settings);
  if (!tabs.followers) throw new Error(missingFollowersMessage(tabs));
  selectSheetRow(tabs.followers, row);
}
