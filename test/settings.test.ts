import { DEFAULT_SETTINGS, validateSettings } from '../src/core/settings';

describe('settings', () => {
  test('defaults when nothing is given', () => {
    expect(validateSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, errors: [] });
  });
  test('accepts numbers as text with separators', () => {
    const { settings, errors } = validateSettings({ platform: 'X', followingCount: '1,250', dailyLimit: '50' });
    expect(errors).toEqual([]);
    expect(settings).toMatchObject({ platform: 'x', followingCount: 1250, dailyLimit: 50 });
  });
  test('clear messages, defaults kept for bad fields', () => {
    const { settings, errors } = validateSettings({ platform: 'myspace', followingCount: -3, followThreshold: 'lots', weights: { customer: 400 } });
    expect(errors.map((e) => e.field)).toEqual(['platform', 'followingCount', 'followThreshold', 'weights.customer']);
    expect(errors[0].message).toMatch(/Unknown platform "myspace"/);
    expect(settings.platform).toBe('instagram');
    expect(settings.weights.customer).toBe(DEFAULT_SETTINGS.weights.customer);
  });
  test('the share of bots among the followers: a whole percent from 1 to 50, 10 by default', () => {
    expect(DEFAULT_SETTINGS.botBaseRate).toBe(10);
    expect(validateSettings({ botBaseRate: '25' }).settings.botBaseRate).toBe(25);
    for (const bad of [0, 51, 'many', 2.5]) {
      const { settings, errors } = validateSettings({ botBaseRate: bad });
      expect(errors).toEqual([{ field: 'botBaseRate', message: 'Bots among your followers (%) must be a whole number from 1 to 50.' }]);
      expect(settings.botBaseRate).toBe(10);
    }
  });
  test('consider above follow is refused', () => {
    const { settings, errors } = validateSettings({ followThreshold: 40, considerThreshold: 60 });
    expect(errors[0].field).toBe('considerThreshold');
    expect(settings.considerThreshold).toBeLessThanOrEqual(settings.followThreshold);
  });
  test('an empty daily limit clears the override', () => {
    expect(validateSettings({ dailyLimit: '' }).settings.dailyLimit).toBeUndefined();
  });
  test('tab and column overrides are kept as trimmed text', () => {
    const { settings } = validateSettings({ tabs: { orders: ' Sales 2026 ' }, columnOverrides: { followers: { handle: ' IG name ', bad: 3 } } });
    expect(settings.tabs).toEqual({ orders: 'Sales 2026' });
    expect(settings.columnOverrides).toEqual({ followers: { handle: 'IG name' } });
  });
});
