import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDateTime, LOCALES, MESSAGES, resolveLocale } from '@/utils/i18n/messages';
import { JOURNAL_MESSAGES } from '@/utils/i18n/journal';

// The strings live in two modules by the surfaces that load them; both are checked alike.
const TABLES = { core: MESSAGES, journal: JOURNAL_MESSAGES } as const;

describe('UI strings', () => {
  it.each(Object.entries(TABLES))('%s: has every key in both languages, each filled', (_name, table) => {
    const keys = Object.keys(table.en).sort();
    for (const locale of LOCALES) {
      const messages: Record<string, unknown> = table[locale];
      expect(Object.keys(messages).sort(), locale).toEqual(keys);
      for (const [key, value] of Object.entries(messages)) {
        const sample = typeof value === 'function' ? (value as (...args: never[]) => string)(...(['x', 1, 2] as never[])) : value;
        expect(typeof sample, `${locale}.${key}`).toBe('string');
        expect((sample as string).trim(), `${locale}.${key}`).not.toBe('');
      }
    }
  });

  it.each(Object.entries(TABLES))('%s: translates rather than repeating English', (_name, table) => {
    const en: Record<string, unknown> = table.en;
    const nl: Record<string, unknown> = table.nl;
    const same = Object.keys(en).filter((key) => typeof en[key] === 'string' && en[key] === nl[key]);
    // Only the name is the same in both languages: "Adempauze" is Dutch for a breathing space.
    expect(same).toEqual(_name === 'core' ? ['appName'] : []);
  });

  it('never defines a string in both modules', () => {
    const core = new Set(Object.keys(MESSAGES.en));
    expect(Object.keys(JOURNAL_MESSAGES.en).filter((key) => core.has(key))).toEqual([]);
  });

  it('has every manifest message in both languages', () => {
    const read = (locale: string) =>
      JSON.parse(readFileSync(resolve(import.meta.dirname, `../../public/_locales/${locale}/messages.json`), 'utf8')) as Record<
        string,
        { message: string }
      >;
    const en = read('en');
    const nl = read('nl');
    expect(Object.keys(nl).sort()).toEqual(Object.keys(en).sort());
    expect(en.extName?.message).toBe('Adempauze');
    expect(nl.extName?.message).toBe('Adempauze');
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

  it('formats dates in the UI language', () => {
    const moment = new Date(2026, 10, 25, 14, 20).getTime();
    expect(formatDateTime(moment, 'nl')).toContain('nov');
    expect(formatDateTime(moment, 'en')).toContain('Nov');
  });
});
