import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { App as PrintApp } from '@/entrypoints/print/App';
import { escapeMarkdown, loadAllNotes, notesFileName, notesToMarkdown } from '@/utils/backup/readable';
import { journalMessages, leftOutMessage } from '@/utils/i18n/journal';
import { addNote } from '@/utils/db/notes';
import type { Note } from '@/utils/model/records';
import { DAMAGED_NOTES, writeRawRows } from './raw-rows';
import { SAMPLE_ROW, SAMPLE_TIME } from './sample-note';

const T0 = SAMPLE_TIME;

const NOTE: Note = SAMPLE_ROW;

describe('notes as Markdown', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['# not a heading', '\\# not a heading'],
    ['*a* and _b_ and **c**', '\\*a\\* and \\_b\\_ and \\*\\*c\\*\\*'],
    ['- not a list', '\\- not a list'],
    ['+ not a list', '\\+ not a list'],
    ['1. not a list', '1\\. not a list'],
    ['2) not a list', '2\\) not a list'],
    ['> not a quote', '&gt; not a quote'],
    ['    not code', '&#32;&#32;&#32;&#32;not code'],
    ['```js', '\\`\\`\\`js'],
    ['[a link](javascript:alert(1))', '\\[a link\\](javascript:alert(1))'],
    ['![image](x.png)', '\\!\\[image\\](x.png)'],
    ['a | table | row', 'a \\| table \\| row'],
    ['&amp; stays literal', '&amp;amp; stays literal'],
    ['===', '\\==='],
    ['back\\slash', 'back\\\\slash'],
  ])('shows %j literally', (text, markdown) => {
    expect(escapeMarkdown(text)).toBe(markdown);
  });

  it('keeps line breaks and paragraphs', () => {
    expect(escapeMarkdown('one\ntwo\r\n\r\n\nthree\n')).toBe('one\\\ntwo\n\nthree');
  });

  it('groups notes by day, newest first, with prompt, kind, time and answer', () => {
    const monday = new Date(2026, 10, 23, 9, 5).getTime();
    const wednesday = new Date(2026, 10, 25, 14, 20).getTime();
    const notes: Note[] = [
      { ...NOTE, id: 'a', answer: 'Monday', createdAt: monday, updatedAt: monday },
      { ...NOTE, id: 'b', answer: 'Wednesday morning', createdAt: wednesday - 5 * 3_600_000, updatedAt: wednesday },
      { ...NOTE, id: 'c', answer: 'Wednesday <b>afternoon</b>', promptKind: 'step', createdAt: wednesday, updatedAt: wednesday },
    ];
    expect(notesToMarkdown(notes, 'en', journalMessages('en'))).toBe(
      [
        '# Your journal · Adempauze',
        '## Wednesday, November 25, 2026',
        '### Which beliefs about vulnerability live in me?',
        '*Small step · 2:20 PM*',
        'Wednesday &lt;b&gt;afternoon&lt;/b&gt;',
        '### Which beliefs about vulnerability live in me?',
        '*Reflection question · 9:20 AM*',
        'Wednesday morning',
        '## Monday, November 23, 2026',
        '### Which beliefs about vulnerability live in me?',
        '*Reflection question · 9:05 AM*',
        'Monday',
      ].join('\n\n') + '\n',
    );
  });

  it('writes dates in Dutch for a Dutch interface and escapes the prompt', () => {
    const markdown = notesToMarkdown([{ ...NOTE, promptText: '# Wat\nvoel *ik*?' }], 'nl', journalMessages('nl'));
    expect(markdown).toContain('## woensdag 25 november 2026');
    expect(markdown).toContain('### \\# Wat voel \\*ik\\*?');
    expect(markdown).toContain('*Reflectievraag · 14:20*');
  });
});

describe('every note, for Markdown and print', () => {
  it('names the Markdown file by the local date', () => {
    expect(notesFileName(new Date(2026, 10, 25, 0, 1).getTime())).toBe('adempauze-notes-2026-11-25.md');
  });

  it('reads every note newest first, leaving out and counting those that cannot be read', async () => {
    const older = await addNote(NOTE, T0 - 60_000);
    const newer = await addNote(NOTE, T0);
    await writeRawRows('notes', DAMAGED_NOTES);
    expect(await loadAllNotes()).toEqual({ notes: [newer, older], skipped: 2 });
  });

  it.each([
    ['en', { notes: 1 }, '1 note could not be read and was left out.'],
    ['en', { notes: 2 }, '2 notes could not be read and were left out.'],
    ['nl', { notes: 1 }, '1 notitie kon niet worden gelezen en is weggelaten.'],
    ['nl', { notes: 2 }, '2 notities konden niet worden gelezen en zijn weggelaten.'],
    [
      'en',
      { notes: 1, events: 2, prompts: 1, promptPrefs: 0 },
      '1 note could not be read and was left out. 2 records of pauses could not be read and were left out. 1 own prompt could not be read and was left out.',
    ],
    [
      'nl',
      { events: 1, promptPrefs: 3 },
      '1 gegeven over een pauze kon niet worden gelezen en is weggelaten. 3 keuzes over vragen konden niet worden gelezen en zijn weggelaten.',
    ],
    ['en', { notes: 0, events: 0 }, ''],
  ] as const)('says plainly what was left out (%s, %j)', (locale, leftOut, message) => {
    expect(leftOutMessage(leftOut, journalMessages(locale))).toBe(message);
  });
});

describe('the print view past damaged notes', () => {
  it('prints the notes it can read and says how many it left out', async () => {
    await addNote(NOTE, T0);
    await writeRawRows('notes', DAMAGED_NOTES.slice(0, 1));
    render(<PrintApp />);
    await screen.findByText(NOTE.answer);
    expect(screen.getByRole('status').textContent).toBe('1 note could not be read and was left out.');
    expect(document.querySelectorAll('.print-note')).toHaveLength(1);
  });
});
