import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDay, formatPlural, formatTime, weekdayName } from '@/utils/i18n/format';
import { journalMessages } from '@/utils/i18n/journal';
import { promptsMessages } from '@/utils/i18n/prompts';
import { LOCALES, resolveLocale, type Locale } from '@/utils/i18n/locale';
import { en } from '@/utils/i18n/en';
import { nl } from '@/utils/i18n/nl';
import { journalEn } from '@/utils/i18n/journal.en';
import { journalNl } from '@/utils/i18n/journal.nl';
import { lockEn } from '@/utils/i18n/lock.en';
import { lockNl } from '@/utils/i18n/lock.nl';
import { notificationEn } from '@/utils/i18n/notification.en';
import { notificationNl } from '@/utils/i18n/notification.nl';
import { pausesEn } from '@/utils/i18n/pauses.en';
import { pausesNl } from '@/utils/i18n/pauses.nl';
import { lookingBackEn } from '@/utils/i18n/looking-back.en';
import { lookingBackNl } from '@/utils/i18n/looking-back.nl';
import { feelingsEn } from '@/utils/i18n/feelings.en';
import { feelingsNl } from '@/utils/i18n/feelings.nl';
import { lookingBackJournalEn } from '@/utils/i18n/looking-back-journal.en';
import { lookingBackJournalNl } from '@/utils/i18n/looking-back-journal.nl';
import { promptsEn } from '@/utils/i18n/prompts.en';
import { promptsNl } from '@/utils/i18n/prompts.nl';

// One file per language and surface; a page loads only its surfaces. Every surface is checked alike.
const SURFACES: Record<string, Record<Locale, Record<string, unknown>>> = {
  shared: { en, nl },
  journal: { en: journalEn, nl: journalNl },
  lock: { en: lockEn, nl: lockNl },
  notification: { en: notificationEn, nl: notificationNl },
  pauses: { en: pausesEn, nl: pausesNl },
  lookingBack: { en: lookingBackEn, nl: lookingBackNl },
  feelings: { en: feelingsEn, nl: feelingsNl },
  lookingBackJournal: { en: lookingBackJournalEn, nl: lookingBackJournalNl },
  prompts: { en: promptsEn, nl: promptsNl },
};

/** Arguments that make a string; a few strings need arguments of their own kind. */
const SAMPLES: Record<string, unknown[]> = {
  backupLeftOut: ['notes', 2],
  backupNotImported: ['notes', 2],
  backupImported: [{ added: 1, updated: 2, unchanged: 3 }],
};

describe('UI strings', () => {
  it.each(Object.entries(SURFACES))('%s: has every key in every language, with the same parameters, each filled', (_name, surface) => {
    const english = surface.en;
    for (const locale of LOCALES) {
      const messages = surface[locale];
      expect(Object.keys(messages).sort(), locale).toEqual(Object.keys(english).sort());
      for (const [key, value] of Object.entries(messages)) {
        const model = english[key];
        expect(typeof value, `${locale}.${key}`).toBe(typeof model);
        if (typeof value === 'function') expect(value.length, `${locale}.${key} parameters`).toBe((model as () => string).length);
        const sample = typeof value === 'function' ? (value as (...args: unknown[]) => unknown)(...(SAMPLES[key] ?? ['x', 1, 2])) : value;
        expect(typeof sample, `${locale}.${key}`).toBe('string');
        expect((sample as string).trim(), `${locale}.${key}`).not.toBe('');
      }
    }
  });

  it.each(Object.entries(SURFACES))('%s: translates rather than repeating English', (name, surface) => {
    const same = Object.keys(surface.en).filter((key) => typeof surface.en[key] === 'string' && surface.en[key] === surface.nl[key]);
    // Only the name is the same in both languages: "Adempauze" is Dutch for a breathing space.
    expect(same).toEqual(name === 'shared' ? ['appName'] : []);
  });

  it('never defines a string in two surfaces', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [name, surface] of Object.entries(SURFACES)) {
      for (const key of Object.keys(surface.en)) {
        if (seen.has(key)) twice.push(`${key} (${seen.get(key)}, ${name})`);
        seen.set(key, name);
      }
    }
    expect(twice).toEqual([]);
  });

  it('has every manifest message in both languages', () => {
    const read = (locale: string) =>
      JSON.parse(readFileSync(resolve(import.meta.dirname, `../../public/_locales/${locale}/messages.json`), 'utf8')) as Record<
        string,
        { message: string }
      >;
    const english = read('en');
    const dutch = read('nl');
    expect(Object.keys(dutch).sort()).toEqual(Object.keys(english).sort());
    expect(english.extName?.message).toBe('Adempauze');
    expect(dutch.extName?.message).toBe('Adempauze');
  });

  it.each([
    ['nl', 'nl'],
    ['nl-NL', 'nl'],
    ['nl-BE', 'nl'],
    ['nl_NL', 'nl'],
    ['NL', 'nl'],
    ['en-US', 'en'],
    ['en', 'en'],
    ['de-DE', 'en'],
    ['nds', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ])('maps the browser language %j to %s', (tag, locale) => {
    expect(resolveLocale(tag)).toBe(locale);
  });
});

describe('formatting', () => {
  const moment = new Date(2026, 10, 25, 14, 20).getTime();

  it('formats dates and times in the UI language', () => {
    expect(formatDateTime(moment, 'en')).toBe('Nov 25, 2026, 2:20 PM');
    expect(formatDateTime(moment, 'nl')).toBe('25 nov 2026, 14:20');
    expect(formatTime(moment, 'nl')).toBe('14:20');
    expect(formatTime(new Date(2026, 0, 5, 9, 3).getTime(), 'en')).toBe('9:03 AM');
    expect(formatDay(moment, 'en')).toBe('Wednesday, November 25, 2026');
    expect(formatDay(moment, 'nl')).toBe('woensdag 25 november 2026');
    expect(weekdayName(1, 'nl')).toBe('maandag');
    expect(weekdayName(0, 'en', 'short')).toBe('Sun');
  });

  it.each([
    ['en', 0, '0 notes'],
    ['en', 1, '1 note'],
    ['en', 3000, '3,000 notes'],
    ['nl', 1, '1 notitie'],
    ['nl', 3000, '3.000 notities'],
  ] as const)('counts by the plural rules of %s: %d', (locale, count, text) => {
    expect(journalMessages(locale).noteCount(count)).toBe(text);
  });

  it('uses the form of the plural category, with the number for #', () => {
    const forms = { one: 'Answered once', other: 'Answered # times' };
    expect(formatPlural(1, 'en', forms)).toBe('Answered once');
    expect(formatPlural(1234, 'en', forms)).toBe('Answered 1,234 times');
    expect(promptsMessages('nl').answerCount(2)).toBe('2 keer beantwoord');
    expect(promptsMessages('en').answerCount(0)).toBe('Not answered yet');
  });
});
