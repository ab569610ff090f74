import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import * as v from 'valibot';
import { DraftSchema } from '@/utils/model/draft';
import { draftIds } from '@/utils/storage/lock-mirror';
import { clearDraft, forgetPageDrafts, readDraft, restoreDrafts, writeDraft } from '@/utils/storage/drafts';

/** Everything the page's localStorage holds, as one string. */
const pageStorage = () => JSON.stringify(Object.fromEntries(Object.keys(localStorage).map((key) => [key, localStorage.getItem(key)])));

describe('drafts', () => {
  it('keeps a draft per prompt in the page and in the durable store, and only its id in localStorage', async () => {
    await writeDraft('q-beliefs', 'half a thought', 100);
    await writeDraft('s-start-small', 'another', 200);
    expect(readDraft('q-beliefs')).toEqual({ text: 'half a thought', updatedAt: 100 });
    expect(pageStorage()).not.toContain('half a thought');
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    // A new page: it knows which prompts have a draft before any storage answers, and the texts after.
    forgetPageDrafts();
    expect(readDraft('q-beliefs')).toBeUndefined();
    expect(draftIds().includes('q-beliefs')).toBe(true);
    expect((await restoreDrafts()).drafts).toEqual({
      'q-beliefs': { text: 'half a thought', updatedAt: 100 },
      's-start-small': { text: 'another', updatedAt: 200 },
    });
    expect(readDraft('s-start-small')?.text).toBe('another');
  });

  it('writes the page copy synchronously, before the durable write settles', () => {
    void writeDraft('q-beliefs', 'typed just before the popup closed', 1);
    expect(readDraft('q-beliefs')?.text).toBe('typed just before the popup closed');
  });

  it("puts every keystroke in the browser's memory before anything asynchronous, and takes it out once the database has it", async () => {
    const written = writeDraft('q-beliefs', 'typed just before the popup closed', 1);
    // Sent in the same task as the keystroke: a popup closing right after it cannot cut it off.
    expect(await fakeBrowser.storage.session.get(null)).toEqual({
      'draft:q-beliefs': { text: 'typed just before the popup closed', updatedAt: 1 },
    });
    await written;
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });

  it('brings a memory copy a closed page left (its database write cut off) into the database, a removal too', async () => {
    await writeDraft('q-beliefs', 'saved before', 1);
    await writeDraft('s-start-small', 'half a', 1);
    // What a popup closed mid-write leaves: the newer keystroke and a removal, in memory only.
    await fakeBrowser.storage.session.set({
      'draft:s-start-small': { text: 'half a thought', updatedAt: 2 },
      'draft:q-beliefs': { text: '', updatedAt: 2 },
    });
    forgetPageDrafts();
    expect((await restoreDrafts()).drafts).toEqual({ 's-start-small': { text: 'half a thought', updatedAt: 2 } });
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    forgetPageDrafts();
    expect((await restoreDrafts()).drafts).toEqual({ 's-start-small': { text: 'half a thought', updatedAt: 2 } });
  });

  it('does not bring back a draft this page removed, when an older copy is read after the removal', async () => {
    await writeDraft('q-beliefs', 'answered', 1);
    forgetPageDrafts();
    const restoring = restoreDrafts();
    await clearDraft('q-beliefs', 2);
    await restoring;
    expect(readDraft('q-beliefs')).toBeUndefined();
  });

  it('removes a draft when it is cleared or emptied', async () => {
    await writeDraft('q-beliefs', 'x', 1);
    await clearDraft('q-beliefs', 2);
    expect(readDraft('q-beliefs')).toBeUndefined();
    forgetPageDrafts();
    expect(draftIds().includes('q-beliefs')).toBe(false);
    expect((await restoreDrafts()).drafts).toEqual({});
  });

  it("keeps the page's newer edit over the durable copy", async () => {
    await writeDraft('q-beliefs', 'durable', 100);
    forgetPageDrafts();
    void writeDraft('q-beliefs', 'newer in this page', 300);
    expect((await restoreDrafts()).drafts['q-beliefs']?.text).toBe('newer in this page');
  });

  it('moves drafts an earlier version kept in localStorage and storage.local into the store, and out of those', async () => {
    localStorage.setItem('adempauze.drafts', JSON.stringify({ 'q-open-today': { text: 'from the page copy', updatedAt: 300 } }));
    await fakeBrowser.storage.local.set({ drafts: { 'q-beliefs': { text: 'from the durable copy', updatedAt: 100 } } });
    const { drafts } = await restoreDrafts();
    expect(drafts['q-beliefs']?.text).toBe('from the durable copy');
    expect(drafts['q-open-today']?.text).toBe('from the page copy');
    expect(localStorage.getItem('adempauze.drafts')).toBeNull();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    forgetPageDrafts();
    expect(Object.keys((await restoreDrafts()).drafts).sort()).toEqual(['q-beliefs', 'q-open-today']);
  });

  it('ignores malformed stored drafts', async () => {
    localStorage.setItem('adempauze.drafts', '{"q-beliefs": {"text": 5}, "__proto__": {"text": "x", "updatedAt": 1}');
    expect(readDraft('q-beliefs')).toBeUndefined();
    await fakeBrowser.storage.local.set({ drafts: ['not', 'a', 'map'] });
    expect((await restoreDrafts()).drafts).toEqual({});
    await fakeBrowser.storage.local.set({ drafts: { 'q-beliefs': { text: 'ok', updatedAt: 'yesterday' } } });
    expect((await restoreDrafts()).drafts).toEqual({});
  });

  // Drafts an earlier version left are read by hand before the model is loaded: they must agree with it.
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
    await fakeBrowser.storage.local.set({ drafts: { 'q-beliefs': stored } });
    expect((await restoreDrafts()).drafts['q-beliefs'] !== undefined).toBe(isDraft);
  });
});
