import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { BACKUP_ROWS } from '@/utils/model/backup';
import { NoteSchema, type Note } from '@/utils/model/records';
import { SAMPLE_ROW, SAMPLE_TIME } from './sample-note';

const T0 = SAMPLE_TIME;
const NOTE: Note = SAMPLE_ROW;

describe('one shape, two levels of trust', () => {
  it('reads every row a backup file may hold', () => {
    expect(v.is(BACKUP_ROWS.notes, NOTE)).toBe(true);
    expect(v.is(NoteSchema, NOTE)).toBe(true);
  });

  it.each([
    ['a time from a clock set to 1970', { ...NOTE, createdAt: 60_000, updatedAt: 60_000 }],
    ['a blank answer', { ...NOTE, answer: '  ' }],
    ['an id with markup', { ...NOTE, id: '<b>' }],
    ['a field this version does not know', { ...NOTE, mood: 'calm' }],
    ['a change before the note was made', { ...NOTE, updatedAt: T0 - 1 }],
  ])('shows a stored note with %s, which a file may not bring in', (_case, row) => {
    expect(v.is(NoteSchema, row)).toBe(true);
    expect(v.is(BACKUP_ROWS.notes, row)).toBe(false);
  });

  it.each([
    ['a time that is not a number', { ...NOTE, createdAt: 'x' }],
    ['no answer', { ...NOTE, answer: undefined }],
    ['an unknown language', { ...NOTE, locale: 'fr' }],
  ])('reads no row with %s, anywhere', (_case, row) => {
    expect(v.is(NoteSchema, row)).toBe(false);
    expect(v.is(BACKUP_ROWS.notes, row)).toBe(false);
  });
});
