// The settings form: platform, following count, daily limit, thresholds and weights.
// Checks on the client first, then saves through saveSettings and shows the server's errors
// next to the same fields.
import type { Settings } from '../core/types';
import { PLATFORMS } from '../core/platforms';
import { RECENT_DAYS } from '../core/settings';
import type { FieldError } from '../server/api';
import { el, options, replace } from './elements';
import { checkSettings, draftOf, DRAFT_FIELDS, fieldOf, PLATFORM_CHOICES, type SettingsDraft } from './settings-checks';

export interface SettingsFormDeps {
  save(settings: Settings): Promise<{ settings: Settings; errors: FieldError[] }>;
  /** after a save the server accepted */
  saved(settings: Settings): void;
}

export interface SettingsForm {
  root: HTMLElement;
  show(settings: Settings): void;
}

const LABELS: Record<keyof SettingsDraft, string> = {
  platform: 'Platform',
  followingCount: 'Following now',
  dailyLimit: 'Follows a day',
  followThreshold: 'Follow back at',
  considerThreshold: 'Consider at',
  botThreshold: 'Likely bot at',
  botBaseRate: 'Bots among followers (%)',
  'weights.customer': 'Customer',
  'weights.engagement': 'Engagement',
  'weights.genuine': 'Genuine',
  ownFollowers: 'Your followers',
  notNowDays: '“Not now” days',
  recentDays: 'Recent, in days',
};

const HELP: Partial<Record<keyof SettingsDraft, string>> = {
  followingCount: 'How many accounts you follow today (the platform caps the total).',
  followThreshold: 'Score 0–100 at or above which a follower is “Follow back”.',
  considerThreshold: 'Score 0–100 at or above which a follower is “Consider”.',
  botThreshold: 'Bot risk 0–100 at or above which a non-customer is “Likely bot”.',
  botBaseRate: 'The share of bots you expect among your followers, 1–50%. Bot risk starts from it; a row with only a handle gets exactly this. 10% is typical: about 8–10% of Instagram accounts are fake.',
  dailyLimit: 'Follows a day. Leave empty for the platform’s safe pace.',
  ownFollowers: 'How many follow you, for the platform’s ratio rule. Leave empty to count the rows on the Followers tab.',
  notNowDays: 'Days “Not now” keeps an account out of today’s queue.',
  recentDays: 'Say thanks and Make room: engagement in the last this many days is recent. Leave empty for 30.',
};

function idOf(field: string): string {
  return 'set-' + field.replace('.', '-');
}

export function createSettingsForm(deps: SettingsFormDeps): SettingsForm {
  let base: Settings | null = null;
  const inputs = {} as Record<keyof SettingsDraft, HTMLInputElement | HTMLSelectElement>;
  const errorsOf = {} as Record<keyof SettingsDraft, HTMLElement>;

  function field(name: keyof SettingsDraft, control: HTMLInputElement | HTMLSelectElement): HTMLElement {
    control.id = idOf(name);
    control.name = name;
    inputs[name] = control;
    const err = el('div', { className: 'field-error', id: idOf(name) + '-error', attrs: { 'aria-live': 'polite' } });
    control.setAttribute('aria-describedby', err.id);
    errorsOf[name] = err;
    return el('div', { className: 'field', attrs: { 'data-field': name }, title: HELP[name] }, el('label', { attrs: { for: control.id } }, LABELS[name]), control, err);
  }

  function numberInput(): HTMLInputElement {
    const i = el('input', { attrs: { type: 'text', inputmode: 'decimal', autocomplete: 'off' } });
    return i;
  }

  const platform = el('select');
  const general = el('div', { className: 'form-error', attrs: { role: 'alert' } });
  const note = el('span', { className: 'saved-note', attrs: { 'aria-live': 'polite' } });
  const saveButton = el('button', { className: 'action', id: 'save-settings', attrs: { type: 'submit' } }, 'Save settings');

  const form = el(
    'form',
    { id: 'settings-form', attrs: { novalidate: '' } },
    field('platform', platform),
    el('div', { className: 'row two' }, field('followingCount', numberInput()), field('dailyLimit', numberInput())),
    el('div', { className: 'row two' }, field('ownFollowers', numberInput()), field('notNowDays', numberInput())),
    el('fieldset', {}, el('legend', {}, 'Thresholds'), el('div', { className: 'row three' }, field('followThreshold', numberInput()), field('considerThreshold', numberInput()), field('botThreshold', numberInput())), el('div', { className: 'row two' }, field('botBaseRate', numberInput()))),
    el('fieldset', {}, el('legend', {}, 'Weights'), el('div', { className: 'row three' }, field('weights.customer', numberInput()), field('weights.engagement', numberInput()), field('weights.genuine', numberInput()))),
    el('div', { className: 'row two' }, field('recentDays', numberInput())),
    general,
    el('div', { className: 'buttons' }, saveButton, note),
  );

  function readDraft(): SettingsDraft {
    const d = {} as SettingsDraft;
    for (const f of DRAFT_FIELDS) d[f] = inputs[f].value;
    return d;
  }

  function showErrors(errors: FieldError[]): void {
    for (const f of DRAFT_FIELDS) {
      replace(errorsOf[f]);
      inputs[f].removeAttribute('aria-invalid');
    }
    const unplaced: string[] = [];
    for (const e of errors) {
      const f = fieldOf(e.field);
      if (!f) {
        unplaced.push(e.message);
        continue;
      }
      const box = errorsOf[f];
      replace(box, box.textContent ? `${box.textContent} ${e.message}` : e.message);
      inputs[f].setAttribute('aria-invalid', 'true');
    }
    replace(general, unplaced.join(' '));
    const first = errors.length ? fieldOf(errors[0].field) : null;
    if (first) inputs[first].focus();
  }

  function updatePlaceholder(): void {
    const p = PLATFORMS[platform.value as keyof typeof PLATFORMS];
    (inputs.dailyLimit as HTMLInputElement).placeholder = p ? String(p.daily) : '';
    (inputs.recentDays as HTMLInputElement).placeholder = String(RECENT_DAYS);
  }
  platform.addEventListener('change', updatePlaceholder);

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (!base) return;
    replace(note);
    const checked = checkSettings(readDraft(), base);
    showErrors(checked.errors);
    if (checked.errors.length) return;
    saveButton.disabled = true;
    replace(note, 'Saving…');
    deps
      .save(checked.settings)
      .then((r) => {
        showErrors(r.errors);
        if (r.errors.length) {
          replace(note);
          return;
        }
        base = r.settings;
        show(r.settings);
        replace(note, 'Saved.');
        deps.saved(r.settings);
      })
      .catch((e: Error) => {
        replace(note);
        replace(general, e.message);
      })
      .finally(() => {
        saveButton.disabled = false;
      });
  });

  function show(settings: Settings): void {
    base = settings;
    replace(platform, ...options(PLATFORM_CHOICES, settings.platform));
    const d = draftOf(settings);
    for (const f of DRAFT_FIELDS) if (f !== 'platform') inputs[f].value = d[f];
    updatePlaceholder();
  }

  return { root: form, show };
}
