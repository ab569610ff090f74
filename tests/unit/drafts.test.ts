import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import * as v from 'valibot';
import { DraftSchema } from '@/utils/model/draft';
import { clearDraft, readDraft, restoreDrafts, writeDraft } from '@/utils/storage/drafts';

describe('drafts', () => {
  it('keeps a draft per prompt in both the page and durable storage', async () => {
    await writeDraft('q-beliefs', 'half a thought', 100);
    await writeDraft('s-start-small', 'another', 200);
    expect(readDraft('q-beliefs')).toEqual({ text: 'half a thought', updatedAt: 100 });
    const stored = await fakeBrowser.storage.local.get('drafts');
    expect(stored.drafts).toEqual({
      'q-beliefs': { text: 'half a thought', updatedAt: 100 },
      's-start-small': { text: 'another', updatedAt: 200 },
    });
  });

  it('writes the page copy synchronously, before the durable write settles', () => {
    void writeDraft('q-beliefs', 'typed just before the popup closed', 1);
    expect(readDraft('q-beliefs')?.text).toBe('typed just before the popup closed');
  });

  it('removes a draft when it is cleared or emptied', async () => {
    await writeDraft('q-beliefs', 'x', 1);
    await clearDraft('q-beliefs', 2);
    expect(readDraft('q-beliefs')).toBeUndefined();
    expect((await fakeBrowser.storage.local.get('drafts')).drafts).toEqual({});
  });

  it('restores drafts from durable storage when the page copy was lost, newest edit winning', async () => {
    await writeDraft('q-beliefs', 'durable', 100);
    await writeDraft('q-open-today', 'old', 100);
    localStorage.clear();
    localStorage.setItem('adempauze.drafts', JSON.stringify({ 'q-open-today': { text: 'newer', updatedAt: 300 } }));
    const drafts = await restoreDrafts();
    expect(drafts['q-beliefs']?.text).toBe('durable');
    expect(drafts['q-open-today']?.text).toBe('newer');
    expect(readDraft('q-beliefs')?.text).toBe('durable');
  });

  it('ignores malformed stored drafts', async () => {
    localStorage.setItem('adempauze.drafts', '{"q-beliefs": {"text": 5}, "__proto__": {"text": "x", "updatedAt": 1}');
    expect(readDraft('q-beliefs')).toBeUndefined();
    await fakeBrowser.storage.local.set({ drafts: ['not', 'a', 'map'] });
    expect(await restoreDrafts()).toEqual({});
    await fakeBrowser.storage.local.set({ drafts: { 'q-beliefs': { text: 'ok', updatedAt: 'yesterday' } } });
    expect(await restoreDrafts()).toEqual({});
  });

  // The pages read drafts by hand (their first paint may not load valibot): they must agree with the model.
  it.each([
    { text: 'half a thought', updatedAt: 100 },
    { text: '', updatedAt: 0 },
    { text: 'kept', updatedAt: 1, extra: true },
    { text: 'no time' },
    { text: 5, updatedAt: 1 },
    { text: 'late', updatedAt: 'yesterday' },
    { text: 'gone', updatedAt: null },
    null,
    'text',
    ['text', 1],
  ])('reads %j as a draft exactly when the model does', async (stored) => {
    const isDraft = v.is(DraftSchema, stored);
    localStorage.setItem('adempauze.drafts', JSON.stringify({ 'q-beliefs': stored }));
    expect(readDraft('q-beliefs') !== undefined).toBe(isDraft);
    localStorage.clear();
    await fakeBrowser.storage.local.set({ drafts: { 'q-beliefs': stored } });
    expect((await restoreDrafts())['q-beliefs'] !== undefined).toBe(isDraft);
  });
});
