import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDateTime, LOCALES, MESSAGES, resolveLocale } from '@/utils/i18n';

describe('UI strings', () => {
  it('has every key in both languages, each filled', () => {
    const keys = Object.keys(MESSAGES.en).sort();
    for (const locale of LOCALES) {
      const messages = MESSAGES[locale];
      expect(Object.keys(messages).sort(), locale).toEqual(keys);
      for (const [key, value] of Object.entries(messages)) {
        const sample = typeof value === 'function' ? (value as (arg: never) => string)('x' as never) : value;
        expect(typeof sample, `${locale}.${key}`).toBe('string');
        expect(sample.trim(), `${locale}.${key}`).not.toBe('');
      }
    }
  });

  it('translates the interface rather than repeating English', () => {
    const same = Object.keys(MESSAGES.en).filter(
      (key) => MESSAGES.en[key as keyof typeof MESSAGES.en] === MESSAGES.nl[key as keyof typeof MESSAGES.nl],
    );
    // Only the name is the same in both languages: "Adempauze" is Dutch for a breathing space.
    expect(same).toEqual(['appName']);
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
