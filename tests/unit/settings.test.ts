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
      activeRanges: [{ startMinutes: 540, endMinutes: 1080 }],
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
    ['activeRanges', []],
    ['activeRanges', 'nine to five'],
    ['activeRanges', [{ startMinutes: -1, endMinutes: 600 }]],
    ['activeRanges', [{ startMinutes: 24 * 60, endMinutes: 600 }]],
    ['activeRanges', [{ startMinutes: 540, endMinutes: 24 * 60 + 1 }]],
    ['activeRanges', [{ startMinutes: 540, endMinutes: 0 }]],
    ['activeRanges', [{ startMinutes: 540, endMinutes: 540 }]],
    ['activeRanges', [{ startMinutes: 540 }]],
    ['activeRanges', [{ startMinutes: 540, endMinutes: 720 }, null]],
    [
      'activeRanges',
      [
        { startMinutes: 540, endMinutes: 720 },
        { startMinutes: 600, endMinutes: 800 },
      ],
    ],
    ['activeRanges', [60, 120, 180, 240].map((startMinutes) => ({ startMinutes, endMinutes: startMinutes + 30 }))],
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

  it('falls back as a pair when the interval is out of order', () => {
    const parsed = parseSettings({ ...DEFAULT_SETTINGS, minIntervalMinutes: 90, maxIntervalMinutes: 30 });
    expect(parsed.minIntervalMinutes).toBe(60);
    expect(parsed.maxIntervalMinutes).toBe(120);
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

  it('names each problem of a form by field, and of the active ranges by range', () => {
    expect(validateSettings(DEFAULT_SETTINGS)).toEqual({});
    expect(
      validateSettings({
        ...DEFAULT_SETTINGS,
        minIntervalMinutes: 90,
        maxIntervalMinutes: 60,
        activeRanges: [{ startMinutes: Number.NaN, endMinutes: 600 }],
        activeDays: [],
        maxPerDay: 40,
      }),
    ).toEqual({
      maxIntervalMinutes: 'order',
      activeRanges: { ranges: { 0: { kind: 'time', fields: ['startMinutes'] } } },
      activeDays: 'empty',
      maxPerDay: 'range',
    });
  });

  describe('active ranges', () => {
    const range = (start: string, end: string) => {
      const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
      return { startMinutes: minutes(start), endMinutes: minutes(end) };
    };

    it.each([
      ['one range', [range('09:00', '18:00')]],
      ['the whole day', [range('00:00', '24:00')]],
      ['a range ending at midnight', [range('18:00', '24:00')]],
      ['an evening range crossing midnight', [range('22:00', '02:00')]],
      ['three ranges, one crossing midnight', [range('07:00', '09:00'), range('12:00', '13:00'), range('21:00', '01:00')]],
      ['ranges that touch: one ends as the next starts', [range('09:00', '12:00'), range('12:00', '18:00')]],
      ['a night range that ends as the morning range starts', [range('08:00', '12:00'), range('22:00', '08:00')]],
    ])('accepts %s', (_case, activeRanges) => {
      expect(validateSettings({ ...DEFAULT_SETTINGS, activeRanges })).toEqual({});
    });

    it.each([
      [
        'an empty time',
        [range('09:00', '12:00'), { startMinutes: 780, endMinutes: Number.NaN }],
        { 1: { kind: 'time', fields: ['endMinutes'] } },
      ],
      [
        'two empty times',
        [{ startMinutes: Number.NaN, endMinutes: Number.NaN }],
        { 0: { kind: 'time', fields: ['startMinutes', 'endMinutes'] } },
      ],
      [
        'a range that ends when it starts',
        [range('09:00', '12:00'), range('13:00', '13:00')],
        { 1: { kind: 'same', fields: ['endMinutes'] } },
      ],
      [
        'overlapping ranges, named at the later one',
        [range('09:00', '12:00'), range('11:00', '18:00')],
        { 1: { kind: 'overlap', fields: ['startMinutes', 'endMinutes'], other: 0 } },
      ],
      [
        'a night range running into the next morning’s range',
        [range('08:00', '12:00'), range('22:00', '09:00')],
        { 1: { kind: 'overlap', fields: ['startMinutes', 'endMinutes'], other: 0 } },
      ],
      [
        'an early range inside the night range of the day before',
        [range('22:00', '02:00'), range('01:00', '03:00')],
        { 1: { kind: 'overlap', fields: ['startMinutes', 'endMinutes'], other: 0 } },
      ],
      [
        'the whole day and anything else',
        [range('00:00', '24:00'), range('12:00', '13:00')],
        { 1: { kind: 'overlap', fields: ['startMinutes', 'endMinutes'], other: 0 } },
      ],
      [
        'each of two later ranges, by the first it overlaps',
        [range('09:00', '12:00'), range('10:00', '11:00'), range('11:30', '13:00')],
        {
          1: { kind: 'overlap', fields: ['startMinutes', 'endMinutes'], other: 0 },
          2: { kind: 'overlap', fields: ['startMinutes', 'endMinutes'], other: 0 },
        },
      ],
      [
        'a valid range overlapping one that also has a problem of its own',
        [range('09:00', '09:00'), range('08:00', '10:00')],
        { 0: { kind: 'same', fields: ['endMinutes'] } },
      ],
    ])('refuses %s, by range', (_case, activeRanges, ranges) => {
      expect(validateSettings({ ...DEFAULT_SETTINGS, activeRanges })).toEqual({ activeRanges: { ranges } });
    });

    it('refuses no range or more than three, as a list', () => {
      expect(validateSettings({ ...DEFAULT_SETTINGS, activeRanges: [] })).toEqual({ activeRanges: { list: 'empty', ranges: {} } });
      const four = [range('01:00', '02:00'), range('03:00', '04:00'), range('05:00', '06:00'), range('07:00', '08:00')];
      expect(validateSettings({ ...DEFAULT_SETTINGS, activeRanges: four })).toEqual({ activeRanges: { list: 'many', ranges: {} } });
    });

    it('loads the ranges sorted by start', async () => {
      await saveSettings({ activeRanges: [range('21:00', '01:00'), range('07:00', '09:00'), range('12:00', '13:00')] });
      expect((await loadSettings()).activeRanges).toEqual([range('07:00', '09:00'), range('12:00', '13:00'), range('21:00', '01:00')]);
    });

    it('refuses to save overlapping ranges and changes nothing', async () => {
      await expect(saveSettings({ activeRanges: [range('09:00', '12:00'), range('11:00', '13:00')] })).rejects.toThrow(/Invalid settings/);
      expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    });
  });

  describe('settings stored by a version before active ranges', () => {
    /** What such a version stored: one range as two fields, and no discreet or on-this-day switch yet. */
    const EARLIER = {
      pausesEnabled: true,
      minIntervalMinutes: 30,
      maxIntervalMinutes: 45,
      activeStartMinutes: 8 * 60,
      activeEndMinutes: 16 * 60 + 30,
      activeDays: [1, 2, 3],
      maxPerDay: 6,
      delivery: 'window',
      language: 'nl',
    };
    const store = (settings: object) => fakeBrowser.storage.sync.set({ settings });

    it('turn their hours into one range, keep everything else, and drop the old fields', async () => {
      await store(EARLIER);
      expect(await loadSettings()).toEqual({
        pausesEnabled: true,
        minIntervalMinutes: 30,
        maxIntervalMinutes: 45,
        activeRanges: [{ startMinutes: 480, endMinutes: 990 }],
        activeDays: [1, 2, 3],
        maxPerDay: 6,
        delivery: 'window',
        discreet: false,
        onThisDay: true,
        language: 'nl',
      });
    });

    it('keep hours that ran to midnight or all day', () => {
      expect(parseSettings({ ...EARLIER, activeStartMinutes: 18 * 60, activeEndMinutes: 24 * 60 }).activeRanges).toEqual([
        { startMinutes: 1080, endMinutes: 1440 },
      ]);
      expect(parseSettings({ ...EARLIER, activeStartMinutes: 0, activeEndMinutes: 24 * 60 }).activeRanges).toEqual([
        { startMinutes: 0, endMinutes: 1440 },
      ]);
    });

    it.each([
      ['out of order (no range crossed midnight then)', { activeStartMinutes: 600, activeEndMinutes: 500 }],
      ['equal', { activeStartMinutes: 600, activeEndMinutes: 600 }],
      ['one missing', { activeStartMinutes: 600, activeEndMinutes: undefined }],
      ['out of bounds', { activeStartMinutes: -60, activeEndMinutes: 600 }],
      ['as text', { activeStartMinutes: '09:00', activeEndMinutes: '17:00' }],
    ])('fall back to the default hours when theirs were damaged: %s, and keep the rest', (_case, hours) => {
      const parsed = parseSettings({ ...EARLIER, ...hours });
      expect(parsed.activeRanges).toEqual(DEFAULT_SETTINGS.activeRanges);
      expect(parsed.maxPerDay).toBe(6);
      expect(parsed).not.toHaveProperty('activeStartMinutes');
    });

    it('are saved in the new shape on the next change', async () => {
      await store(EARLIER);
      await saveSettings({ maxPerDay: 3 });
      const stored = (await fakeBrowser.storage.sync.get('settings')).settings as Record<string, unknown>;
      expect(stored.activeRanges).toEqual([{ startMinutes: 480, endMinutes: 990 }]);
      expect(Object.keys(stored)).not.toContain('activeStartMinutes');
      expect(Object.keys(stored)).not.toContain('activeEndMinutes');
    });

    it('give way to ranges stored beside them (a newer version wrote those)', () => {
      const both = { ...EARLIER, activeRanges: [{ startMinutes: 1320, endMinutes: 120 }] };
      expect(parseSettings(both).activeRanges).toEqual([{ startMinutes: 1320, endMinutes: 120 }]);
      expect(parseSettings(both)).not.toHaveProperty('activeEndMinutes');
    });
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
