import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTEXT_LINES, PROMPTS, QUESTIONS, SECTIONS, STEPS, type LibraryEntry } from '@/content/prompts';
import { LOCALES } from '@/utils/i18n/locale';

const ARTICLE_PATH = resolve(import.meta.dirname, '../../../shared/article/kwetsbaarheid.nl.txt');

/** The article with its stray spaces before punctuation removed, the only edit the library may make. */
const article = readFileSync(ARTICLE_PATH, 'utf8').replace(/[ \t]+([.,;:!?])/g, '$1');

/** The whole library, prompts and context lines (no app code needs them in one list). */
const LIBRARY: readonly LibraryEntry[] = [...PROMPTS, ...CONTEXT_LINES];

/** The bullet items of the section that starts with `heading`, up to the next blank-line-separated heading. */
function bulletsUnder(heading: string): string[] {
  const start = article.indexOf(heading);
  expect(start, `article has the heading "${heading}"`).toBeGreaterThanOrEqual(0);
  const items: string[] = [];
  for (const line of article.slice(start + heading.length).split('\n')) {
    const trimmed = line.trim();
    if (trimmed.startsWith('•')) items.push(trimmed.slice(1).trim());
    else if (trimmed !== '' && items.length > 0) break;
  }
  return items;
}

describe('the prompt library', () => {
  it('holds every reflection question of the article, word for word in Dutch', () => {
    const articleQuestions = bulletsUnder('Reflectievragen om jezelf te onderzoeken');
    expect(articleQuestions).toHaveLength(4);
    expect(QUESTIONS.map((question) => question.text.nl)).toEqual(articleQuestions);
  });

  it('holds every small step of the article, title and text, word for word in Dutch', () => {
    const articleSteps = bulletsUnder('Hoe kun je stap voor stap kwetsbaarheid omarmen?');
    expect(articleSteps).toHaveLength(5);
    expect(STEPS.map((step) => `${step.title.nl}: ${step.text.nl}`)).toEqual(articleSteps);
  });

  it("quotes context lines from the article's own words", () => {
    expect(CONTEXT_LINES.length).toBeGreaterThan(0);
    for (const line of CONTEXT_LINES) expect(article, line.id).toContain(line.text.nl);
    expect(CONTEXT_LINES.map((line) => line.text.nl)).toContain('Kwetsbaarheid is geen teken van zwakte, maar juist van moed.');
  });

  it('has every entry in both languages, with an English text of its own', () => {
    for (const entry of LIBRARY) {
      for (const locale of LOCALES) expect(entry.text[locale].trim(), `${entry.id} ${locale}`).not.toBe('');
      expect(entry.text.en, entry.id).not.toBe(entry.text.nl);
      if (entry.kind === 'step') {
        for (const locale of LOCALES) expect(entry.title[locale].trim()).not.toBe('');
        expect(entry.title.en).not.toBe(entry.title.nl);
      }
    }
  });

  it('gives every entry a unique, stable-looking id and a known article section', () => {
    const ids = LIBRARY.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const entry of LIBRARY) {
      expect(entry.id).toMatch(/^[qsl]-[a-z0-9-]+$/);
      expect(entry.id[0]).toBe(entry.kind[0]);
      expect(Object.keys(SECTIONS)).toContain(entry.section);
    }
  });

  it('asks only questions and steps; context lines are never prompts', () => {
    expect(PROMPTS).toHaveLength(9);
    expect(PROMPTS.every((prompt) => prompt.kind === 'question' || prompt.kind === 'step')).toBe(true);
  });

  it('names each section with its Dutch heading from the article', () => {
    for (const [id, title] of Object.entries(SECTIONS)) expect(article, id).toContain(title.nl);
  });
});
