// The sidebar's entry: reads status, settings and the last report, and wires the panels to the server.
import type { Settings } from '../core/types';
import type { LastAction, QueueItem, Report, RoomReport, Status, ThanksReport, TickAction } from '../server/api';
import { el, replace } from './elements';
import { renderQueue } from './follow-queue';
import { renderRoom } from './make-room-list';
import { renderRoutine } from './routine-panel';
import { renderThanks } from './thanks-list';
import { mountImportPanel } from './import-panel';
import { call, callByName } from './run';
import { runScoring } from './scoring-run';
import { createSettingsForm } from './settings-form';
import { createStatusPanel } from './status-panel';
import { renderSummary } from './summary-chart';

function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`Sidebar.html lacks #${id}`);
  return node as T;
}

function start(): void {
  const app = byId('app');
  const message = byId('message');
  const scoreButton = byId<HTMLButtonElement>('score-button');
  const clearButton = byId<HTMLButtonElement>('clear-button');
  const progress = byId('progress');
  const progressBar = byId('progress-bar');
  const progressText = byId('progress-text');
  let settings: Settings | null = null;
  let status: Status | null = null;

  function say(text: string, kind: 'error' | 'info' = 'error'): void {
    message.className = kind === 'info' ? 'message info' : 'message';
    replace(message, text);
  }

  /** While a call that changes the sheet runs, nothing else can start one. */
  function setBusy(busy: boolean): void {
    app.setAttribute('aria-busy', String(busy));
    for (const c of Array.from(app.querySelectorAll<HTMLButtonElement | HTMLSelectElement | HTMLInputElement>('button, select, input'))) {
      if (busy) {
        if (!c.disabled) c.setAttribute('data-busy', '');
        c.disabled = true;
      } else if (c.hasAttribute('data-busy')) {
        c.removeAttribute('data-busy');
        c.disabled = false;
      }
    }
  }

  function showReport(report: Report | null): void {
    const summarySection = byId('summary-section');
    const queueSection = byId('queue-section');
    summarySection.hidden = !report;
    queueSection.hidden = !report;
    if (!report) {
      replace(byId('summary'));
      replace(byId('queue'));
      return;
    }
    const warnings = (report.warnings || []).map((w) => el('li', {}, w));
    replace(
      byId('summary'),
      renderSummary(report.summary, settings ? settings.platform : undefined),
      warnings.length ? el('ul', { className: 'warnings' }, ...warnings) : null,
    );
    replace(byId('queue'), renderRoutine(report, settings ? settings.platform : undefined, { markAll: () => markAll(report), undo }), renderQueue(report.queue || [], selectRow, tick));
  }

  /** A tick changes the Following and history tabs: one at a time, then today's queue as the server planned it. */
  function ticking(work: () => Promise<Report>, done: string): void {
    replace(message);
    setBusy(true);
    work()
      .then((report) => {
        showReport(report);
        say(done, 'info');
        refreshStatus();
      })
      .catch((e: Error) => say(e.message))
      .finally(() => {
        setBusy(false);
        showStatus();
      });
  }

  function tick(action: TickAction, item: QueueItem): void {
    const items = [{ handle: item.handle, row: item.row }];
    const who = '@' + item.handle;
    if (action === 'followed') ticking(() => call('tickFollowed', items), `${who} ticked as followed and added to the Following tab.`);
    else if (action === 'not now') ticking(() => call('tickNotNow', items), `${who} is out of the queue for ${(settings && settings.notNowDays) || 7} days.`);
    else ticking(() => call('tickNever', items), `${who} will not be suggested again.`);
  }

  function markAll(report: Report): void {
    const items = (report.queue || []).map((q) => ({ handle: q.handle, row: q.row }));
    ticking(() => call('markAllFollowed', items), `${items.length.toLocaleString('en-US')} accounts ticked as followed and added to the Following tab.`);
  }

  function undo(last: LastAction): void {
    ticking(() => call('undoLastTick', { action: last.action, handles: last.handles }), 'Undone. The history keeps both rows.');
  }

  // ---- Say thanks and Make room: each tick is one call that records it and returns the list again ----

  function showThanks(report: ThanksReport): void {
    byId('thanks-section').hidden = false;
    replace(byId('thanks'), renderThanks(report, (handle, action) => {
      call('markThanks', handle, action).then(showThanks, (e: Error) => {
        say(e.message);
        loadThanks();
      });
    }));
  }

  function showRoom(report: RoomReport): void {
    const section = byId<HTMLDetailsElement>('room-section');
    // Opened by itself within 10% of the cap; otherwise on demand (its summary line).
    if (section.hidden && report.nearCap) section.open = true;
    section.hidden = false;
    replace(byId('room'), renderRoom(report, (handle, action) => {
      call('markMakeRoom', handle, action).then(showRoom, (e: Error) => {
        say(e.message);
        loadRoom();
      });
    }));
  }

  function loadThanks(): void {
    call('getThanksList').then(showThanks, (e: Error) => say(e.message));
  }

  function loadRoom(): void {
    call('getMakeRoomList').then(showRoom, (e: Error) => say(e.message));
  }

  function showStatus(): void {
    if (status && settings) statusPanel.show(status, settings);
    const missing = !status || !status.tabs || !status.tabs.followers;
    scoreButton.disabled = missing || app.getAttribute('aria-busy') === 'true';
    scoreButton.title = missing ? 'Add a tab named Followers first (or pick one under Tabs and columns).' : '';
  }

  function selectRow(row: number): void {
    call('selectRow', row).catch((e: Error) => say(e.message));
  }

  const statusPanel = createStatusPanel({
    async choose(next) {
      setBusy(true);
      try {
        const saved = await call('saveSettings', next);
        if (saved.errors.length) say(saved.errors.map((e) => e.message).join(' '));
        else replace(message);
        settings = saved.settings;
        settingsForm.show(saved.settings);
        status = await call('getStatus');
      } catch (e) {
        say((e as Error).message);
      } finally {
        setBusy(false);
        showStatus();
      }
    },
  });
  replace(byId('status-mount'), statusPanel.root);

  function refreshStatus(): void {
    call('getStatus')
      .then((st) => {
        status = st;
        showStatus();
      })
      .catch((e: Error) => say(e.message));
  }

  const settingsForm = createSettingsForm({
    save: (s) => call('saveSettings', s),
    saved(s) {
      settings = s;
      replace(message);
      refreshStatus();
    },
  });
  replace(byId('settings-mount'), settingsForm.root);

  scoreButton.addEventListener('click', () => {
    replace(message);
    setBusy(true);
    progress.hidden = false;
    const show = (done: number, total: number) => {
      const pct = total ? Math.round((done / total) * 100) : 100;
      progressBar.style.width = `${pct}%`;
      progressBar.parentElement!.setAttribute('aria-valuenow', String(pct));
      replace(progressText, `Scoring… ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} followers`);
    };
    progressBar.style.width = '0';
    replace(progressText, 'Reading the tabs…');
    runScoring(call, show)
      .then((report) => {
        replace(progressText, 'Done.');
        showReport(report);
      })
      .catch((e: Error) => {
        progress.hidden = true;
        say(e.message);
      })
      .finally(() => {
        setBusy(false);
        showStatus();
      });
  });

  const confirmBox = byId('clear-confirm');
  clearButton.addEventListener('click', () => {
    confirmBox.hidden = false;
    byId('clear-no').focus();
  });
  byId('clear-no').addEventListener('click', () => {
    confirmBox.hidden = true;
    clearButton.focus();
  });
  byId('clear-yes').addEventListener('click', () => {
    confirmBox.hidden = true;
    setBusy(true);
    call('clearScores')
      .then(() => {
        showReport(null);
        progress.hidden = true;
        say('Scores and colours cleared.', 'info');
      })
      .catch((e: Error) => say(e.message))
      .finally(() => {
        setBusy(false);
        showStatus();
      });
  });

  // The import panel (src/client/import-panel.ts) sends rows through the same door, untyped by name;
  // an import can add a tab or rows, so the status is read again after each one.
  mountImportPanel(byId('import-mount'), (fn, ...args) => {
    const done = callByName(fn, ...args);
    if (fn === 'importRows') done.then(() => { refreshStatus(); loadRoom(); }, () => undefined);
    return done;
  });

  Promise.all([call('getSettings'), call('getStatus'), call('getReport')])
    .then(([s, st, report]) => {
      settings = s;
      status = st;
      settingsForm.show(s);
      showReport(report);
    })
    .catch((e: Error) => say(e.message))
    .finally(() => {
      app.setAttribute('aria-busy', 'false');
      clearButton.disabled = false;
      showStatus();
      // After the first paint: the lists read every tab, and the queue should not wait for them.
      loadThanks();
      loadRoom();
    });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
