import { describe, expect, it } from 'vitest';
import type { SyncRecord } from '@/utils/sync/format';
import { conflictCopyId, mergeFile, type Base } from '@/utils/sync/merge';
import type { Note } from '@/utils/model/records';
import { SAMPLE_ROW } from './sample-note';

const T = SAMPLE_ROW.updatedAt;
const note = (id: string, answer: string, updatedAt: number): Note => ({ ...SAMPLE_ROW, id, answer, updatedAt });
const tomb = (id: string, updatedAt: number): SyncRecord => ({ id, updatedAt, deleted: true });
const map = <V>(entries: [string, V][]) => new Map(entries);

function merge(parts: { remote?: SyncRecord[]; bases?: [string, Base][]; local?: Note[] }) {
  return mergeFile({
    remote: parts.remote && map(parts.remote.map((record) => [record.id, record])),
    bases: map(parts.bases ?? []),
    local: map((parts.local ?? []).map((record) => [record.id, record])),
    rule: 'keep-both',
    now: T + 1000,
  });
}

describe('merging one file', () => {
  it('sends a note new here and takes a note new there', () => {
    const result = merge({ remote: [note('b', 'theirs', T)], local: [note('a', 'mine', T)] });
    expect(result.upload).toBe(true);
    expect(result.put).toEqual([note('b', 'theirs', T)]);
    expect(result.records.map((record) => record.id).sort()).toEqual(['a', 'b']);
    expect([result.came, result.went, result.conflicts]).toEqual([1, 1, 0]);
  });

  it('does nothing when both sides are as agreed', () => {
    const result = merge({ remote: [note('a', 'x', T)], bases: [['a', { updatedAt: T }]], local: [note('a', 'x', T)] });
    expect(result).toMatchObject({ upload: false, put: [], remove: [], came: 0, went: 0, conflicts: 0 });
  });

  it('takes an edit made there and sends one made here', () => {
    const there = merge({ remote: [note('a', 'edited', T + 5)], bases: [['a', { updatedAt: T }]], local: [note('a', 'x', T)] });
    expect(there.put).toEqual([note('a', 'edited', T + 5)]);
    expect(there.upload).toBe(false);
    const here = merge({ remote: [note('a', 'x', T)], bases: [['a', { updatedAt: T }]], local: [note('a', 'edited', T + 5)] });
    expect(here.put).toEqual([]);
    expect(here.upload).toBe(true);
    expect(here.records).toEqual([note('a', 'edited', T + 5)]);
  });

  it('keeps both texts of a note changed in two places: the later at its id, the other as a linked copy', () => {
    const result = merge({ remote: [note('a', 'theirs', T + 9)], bases: [['a', { updatedAt: T }]], local: [note('a', 'mine', T + 5)] });
    const copy = { ...note(conflictCopyId('a', T + 5), 'mine', T + 5), conflictOf: 'a' };
    expect(result.records).toEqual([note('a', 'theirs', T + 9), copy]);
    expect(result.put).toEqual([note('a', 'theirs', T + 9), copy]);
    expect(result.conflicts).toBe(1);
    expect(result.upload).toBe(true);
    // The same conflict met again (a run cut off and repeated) makes the same copy, not a second one.
    expect(
      merge({ remote: [note('a', 'theirs', T + 9)], bases: [['a', { updatedAt: T }]], local: [note('a', 'mine', T + 5)] }).records,
    ).toEqual(result.records);
  });

  it('does not make a copy when both sides changed into the same text', () => {
    const result = merge({ remote: [note('a', 'same', T + 9)], bases: [['a', { updatedAt: T }]], local: [note('a', 'same', T + 9)] });
    expect(result).toMatchObject({ upload: false, put: [], conflicts: 0 });
  });

  it('lets an edit beat a delete, on either side', () => {
    const editHere = merge({ remote: [tomb('a', T + 9)], bases: [['a', { updatedAt: T }]], local: [note('a', 'kept', T + 5)] });
    expect(editHere.records).toEqual([note('a', 'kept', T + 5)]);
    expect(editHere.upload).toBe(true);
    expect(editHere.remove).toEqual([]);
    const editThere = merge({ remote: [note('a', 'kept', T + 5)], bases: [['a', { updatedAt: T }]], local: [] });
    expect(editThere.put).toEqual([note('a', 'kept', T + 5)]);
  });

  it('sends a deletion made here as a tombstone, and applies one made there', () => {
    const here = merge({ remote: [note('a', 'x', T)], bases: [['a', { updatedAt: T }]], local: [] });
    expect(here.records).toEqual([tomb('a', T + 1000)]);
    expect(here.upload).toBe(true);
    const there = merge({ remote: [tomb('a', T + 3)], bases: [['a', { updatedAt: T }]], local: [note('a', 'x', T)] });
    expect(there.remove).toEqual(['a']);
    expect(there.bases.get('a')).toEqual({ updatedAt: T + 3, deleted: true });
  });

  it('never deletes what a file lacks: the record goes back to the server', () => {
    const result = merge({ remote: [], bases: [['a', { updatedAt: T }]], local: [note('a', 'x', T)] });
    expect(result.remove).toEqual([]);
    expect(result.upload).toBe(true);
    expect(result.records).toEqual([note('a', 'x', T)]);
  });

  it('leaves a record that cannot be read here exactly as the server has it', () => {
    const result = mergeFile({
      remote: map([['a', note('a', 'theirs', T + 9)]]),
      bases: map([['a', { updatedAt: T }]]),
      local: map([]),
      unknown: new Set(['a']),
      rule: 'keep-both',
      now: T,
    });
    expect(result).toMatchObject({ put: [], remove: [], upload: false });
    expect(result.records).toEqual([note('a', 'theirs', T + 9)]);
  });

  it('keeps only the later of two choices about a prompt', () => {
    const pref = (hidden: boolean, updatedAt: number) => ({ id: 'p', promptId: 'p', hidden, updatedAt });
    const result = mergeFile({
      remote: map([['p', pref(true, T + 9)]]),
      bases: map([['p', { updatedAt: T }]]),
      local: map([['p', pref(false, T + 5)]]),
      rule: 'newer-wins',
      now: T,
    });
    expect(result.records).toEqual([pref(true, T + 9)]);
    expect(result.conflicts).toBe(0);
  });
});
