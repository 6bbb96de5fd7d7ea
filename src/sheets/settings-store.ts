// Settings in document properties, validated on the way in and on the way out.
import { DEFAULT_SETTINGS, validateSettings } from '../core/engine';
import type { Settings } from '../core/types';
import { KEYS, readJson, writeJson } from './document-state';
import { MAX_PROPERTY_BYTES, utf8Bytes } from './limits';


export function loadSettings(): Settings {
  const stored = readJson<unknown>(KEYS.settings);
  if (!stored) return { ...DEFAULT_SETTINGS, weights: { ...DEFAULT_SETTINGS.weights } };
  return validateSettings(stored).settings;
}

/** Saves only when every field is valid; returns the settings in effect and the messages. */
export function saveSettings(input: unknown): { settings: Settings; errors: { field: string; message: string }[] } {
  const { settings, errors } = validateSettings(input);
  // "now" is for tests and the command line; a stored clock would freeze recency for ever.
  const stored: Settings = { ...settings };
  delete stored.now;
  // Follows ticked after the count was entered add to it (core/routine.ts followingNow): stamp a changed count.
  const before = readJson<Record<string, unknown>>(KEYS.settings);
  if (!before || Number(before.followingCount ?? 0) !== stored.followingCount) stored.followingCountOn = Date.now();
  else if (typeof before.followingCountOn === 'number') stored.followingCountOn = before.followingCountOn;
  // Apps Script counts UTF-8 bytes of key and value: headers in Arabic or Japanese take 2-3 bytes a character.
  if (utf8Bytes(KEYS.settings) + utf8Bytes(JSON.stringify(stored)) > MAX_PROPERTY_BYTES) {
    errors.push({ field: 'columnOverrides', message: 'Too many hand-picked columns to store; remove some and try again.' });
  }
  if (errors.length) return { settings: loadSettings(), errors };
  writeJson(KEYS.settings, stored);
  return { settings: stored, errors };
}
