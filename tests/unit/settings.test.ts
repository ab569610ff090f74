import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, parseSettings, validateSettings } from '@/utils/model/settings';
import { loadSettings, saveSettings } from '@/utils/storage/settings';
import { localeFor, uiLocale } from '@/utils/storage/language';

describe('settings', () => {
  it('defaults: on, every 60–120 minutes, 09:00–18:00 Monday to Friday, 4 a day, notification, not discreet, on this day shown', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      pausesEnabled: true,
      minIntervalMinutes: 60,
      maxIntervalMinutes: 120,
      activeStartMinutes: 540,
      activeEndMinutes: 1080,
      activeDays: [1, 2, 3, 4, 5],
      maxPerDay: 4,
      delivery: 'notification',
      discreet: false,
      onThisDay: true,
      language: 'browser',
    });
  });

  it.each([
    ['nothing stored', undefined],
    ['null', null],
    ['a string', 'settings'],
    ['an array', [1, 2]],
    ['an empty object', {}],
  ])('falls back to the defaults for %s', (_case, stored) => {
    expect(parseSettings(stored)).toEqual(DEFAULT_SETTINGS);
  });

  it.each([
    ['pausesEnabled', 'yes'],
    ['minIntervalMinutes', 5],
    ['minIntervalMinutes', 60.5],
    ['maxIntervalMinutes', 100_000],
    ['maxIntervalMinutes', Number.NaN],
    ['activeStartMinutes', -1],
    ['activeEndMinutes', 24 * 60 + 1],
    ['activeDays', []],
    ['activeDays', [1, 7]],
    ['activeDays', [1, 1]],
    ['activeDays', 'weekdays'],
    ['maxPerDay', 0],
    ['maxPerDay', 13],
    ['delivery', 'email'],
    ['language', 'fr'],
  ])('replaces an invalid %s (%j) by its default and keeps the rest', (field, value) => {
    const stored = { ...DEFAULT_SETTINGS, maxPerDay: field === 'maxPerDay' ? 4 : 6, [field]: value };
    const parsed = parseSettings(stored);
    expect(parsed[field as keyof typeof parsed]).toEqual(DEFAULT_SETTINGS[field as keyof typeof DEFAULT_SETTINGS]);
    if (field !== 'maxPerDay') expect(parsed.maxPerDay).toBe(6);
  });

  it('falls back as a pair when the interval or the hours are out of order', () => {
    const parsed = parseSettings({
      ...DEFAULT_SETTINGS,
      minIntervalMinutes: 90,
      maxIntervalMinutes: 30,
      activeStartMinutes: 600,
      activeEndMinutes: 500,
    });
    expect(parsed.minIntervalMinutes).toBe(60);
    expect(parsed.maxIntervalMinutes).toBe(120);
    expect(parsed.activeStartMinutes).toBe(540);
    expect(parsed.activeEndMinutes).toBe(1080);
  });

  it('keeps valid custom settings, with days sorted', () => {
    const custom = {
      ...DEFAULT_SETTINGS,
      minIntervalMinutes: 30,
      maxIntervalMinutes: 45,
      activeDays: [6, 0],
      delivery: 'window',
      language: 'nl',
    };
    expect(parseSettings(custom)).toEqual({ ...custom, activeDays: [0, 6] });
  });

  it('names each problem of a form by field', () => {
    expect(validateSettings(DEFAULT_SETTINGS)).toEqual({});
    expect(
      validateSettings({
        ...DEFAULT_SETTINGS,
        minIntervalMinutes: 90,
        maxIntervalMinutes: 60,
        activeStartMinutes: Number.NaN,
        activeEndMinutes: 600,
        activeDays: [],
        maxPerDay: 40,
      }),
    ).toEqual({ maxIntervalMinutes: 'order', activeStartMinutes: 'range', activeDays: 'empty', maxPerDay: 'range' });
  });

  it('refuses days that do not exist or repeat, which a stored copy would not keep', async () => {
    expect(validateSettings({ ...DEFAULT_SETTINGS, activeDays: [1, 7] })).toEqual({ activeDays: 'range' });
    expect(validateSettings({ ...DEFAULT_SETTINGS, activeDays: [1, 1] })).toEqual({ activeDays: 'range' });
    await expect(saveSettings({ activeDays: [1, 7] })).rejects.toThrow(/Invalid settings/);
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('saves to storage.sync and loads back', async () => {
    await saveSettings({ minIntervalMinutes: 30, maxIntervalMinutes: 40 });
    expect((await fakeBrowser.storage.sync.get('settings')).settings).toMatchObject({ minIntervalMinutes: 30 });
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, minIntervalMinutes: 30, maxIntervalMinutes: 40 });
  });

  it('refuses to save invalid settings and changes nothing', async () => {
    await saveSettings({ maxPerDay: 2 });
    await expect(saveSettings({ minIntervalMinutes: 500, maxIntervalMinutes: 20 })).rejects.toThrow(/Invalid settings/);
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, maxPerDay: 2 });
  });

  it('chooses the UI language: the setting if made, else the browser', async () => {
    expect(localeFor('browser', 'nl-BE')).toBe('nl');
    expect(localeFor('en', 'nl-BE')).toBe('en');
    expect(localeFor('nl', 'en-US')).toBe('nl');
    expect(uiLocale()).toBe('en');
    await saveSettings({ language: 'nl' });
    // The page reads the choice synchronously on its next first paint.
    expect(uiLocale()).toBe('nl');
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('nl');
    await saveSettings({ language: 'browser' });
    expect(uiLocale()).toBe('nl');
  });
});
