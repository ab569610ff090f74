/**
 * Readable copies of the notes, to read or keep rather than to import: a Markdown document and
 * the grouping by day the print view (print.html) lays out for paper or PDF.
 */
import { feltWords } from '@/utils/i18n/feelings';
import { formatDay, formatTime } from '@/utils/i18n/format';
import type { JournalMessages } from '@/utils/i18n/journal';
import type { Locale } from '@/utils/i18n/locale';
import { readSnapshot } from '@/utils/db/snapshot';
import type { Note } from '@/utils/model/records';
import { localDate, startOfDay } from '@/utils/time';

/** Every readable note, newest first, and how many stored notes could not be read and were left out. */
export async function loadAllNotes(): Promise<{ readonly notes: readonly Note[]; readonly skipped: number }> {
  // One read transaction, so the count of damaged notes belongs to the same moment as the notes.
  const snapshot = await readSnapshot();
  return { notes: [...snapshot.notes].reverse(), skipped: snapshot.skipped.notes };
}

/** `adempauze-notes-2026-11-25.md`, by the local date. */
export function notesFileName(now: number): string {
  return `adempauze-notes-${localDate(now)}.md`;
}

/** Notes of one local day, newest first. */
export interface NotesDay {
  /** Local midnight of the day. */
  readonly day: number;
  readonly notes: readonly Note[];
}

/** Groups notes by local day, newest day and newest note first (ties by id, as the journal orders them). */
export function groupNotesByDay(notes: readonly Note[]): NotesDay[] {
  const sorted = [...notes].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  const days: { day: number; notes: Note[] }[] = [];
  for (const note of sorted) {
    const day = startOfDay(note.createdAt);
    const last = days.at(-1);
    if (last?.day === day) last.notes.push(note);
    else days.push({ day, notes: [note] });
  }
  return days;
}

/**
 * One line of the person's text, escaped so a Markdown renderer shows it literally: HTML becomes
 * entities (`<script>` stays text), inline markers are backslash-escaped (`*a*` is no emphasis),
 * and what would start a block at the line's start (`# `, `- `, `1. `, `===`, indentation) is
 * neutralised.
 */
function escapeMarkdownLine(line: string): string {
  const escaped = line
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]{}#~|$!]/g, '\\$&');
  return (
    escaped
      // Indentation would make a code block; entities keep the spaces without the meaning.
      .replace(/^[ \t]+/, (indent) => indent.replace(/ /g, '&#32;').replace(/\t/g, '&#9;'))
      .replace(/^[-+=]/, '\\$&')
      .replace(/^(\d{1,9})([.)])/, '$1\\$2')
  );
}

/**
 * A person's text as Markdown that renders literally, keeping their line breaks (a trailing
 * backslash is CommonMark's hard break) and their paragraphs. Exported for its table test, which
 * lists every Markdown construct it neutralises.
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      .split(/\n[ \t]*\n/)
      // Blank lines at a paragraph's edges would leave a stray hard break.
      .map((paragraph) => paragraph.replace(/^(?:[ \t]*\n)+/, '').replace(/(?:\n[ \t]*)+$/, ''))
      .filter((paragraph) => paragraph.trim() !== '')
      .map((paragraph) => paragraph.split('\n').map(escapeMarkdownLine).join('\\\n'))
      .join('\n\n')
  );
}

/** The line under a note's prompt: its kind, its time and, when the person chose one, how it felt. */
function noteLine(note: Note, locale: Locale, t: JournalMessages): string {
  const kind = note.promptKind === 'step' ? t.kindStep : t.kindQuestion;
  const parts = [kind, formatTime(note.createdAt, locale)];
  if (note.feeling !== undefined) parts.push(feltWords(note.feeling, t));
  return parts.join(' · ');
}

/**
 * The notes as a Markdown document to read or keep: newest first, a heading per day in the UI
 * language, then each prompt, its kind, time and feeling, and the answer. The person's text is
 * escaped, so it shows exactly as written in any Markdown viewer.
 */
export function notesToMarkdown(notes: readonly Note[], locale: Locale, t: JournalMessages): string {
  const parts = [`# ${escapeMarkdownLine(`${t.journalTitle} · ${t.appName}`)}`];
  for (const { day, notes: dayNotes } of groupNotesByDay(notes)) {
    parts.push(`## ${escapeMarkdownLine(formatDay(day, locale))}`);
    for (const note of dayNotes) {
      parts.push(
        `### ${escapeMarkdownLine(note.promptText.replace(/\s+/g, ' ').trim())}`,
        `*${escapeMarkdownLine(noteLine(note, locale, t))}*`,
        escapeMarkdown(note.answer),
      );
    }
  }
  return `${parts.join('\n\n')}\n`;
}
