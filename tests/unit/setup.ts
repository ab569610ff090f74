import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { cleanup, configure } from '@testing-library/preact';
import { afterEach, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { closeDatabase } from '@/utils/db/connection';
import { closeDrafts } from '@/utils/storage/draft-store';
import { closeSyncState } from '@/utils/sync/files-db';
import { forgetPageDrafts } from '@/utils/storage/drafts';
import { fakeWebLocks } from './web-locks';

// findBy… and waitFor wait for a state; on a busy machine it may take longer than their default
// second to come, which would fail a test that is right. The same ceiling as Playwright's expect.
configure({ asyncUtilTimeout: 10_000 });

beforeEach(() => {
  fakeBrowser.reset();
  // happy-dom has no Web Locks; each test gets locks of its own.
  Object.defineProperty(navigator, 'locks', { value: fakeWebLocks(), configurable: true });
  // Every test starts with an empty database, an empty page storage and an English browser.
  globalThis.indexedDB = new IDBFactory();
  localStorage.clear();
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
  // The optional `downloads` permission is not granted, so its API is absent, as in a browser where
  // automatic backups were never turned on (the fake would throw on its unimplemented events).
  Object.assign(fakeBrowser, { downloads: undefined });
  // Nor is it granted while a test runs: the event the background listens to for that never fires.
  const never = { addListener: () => undefined, removeListener: () => undefined, hasListener: () => false };
  Object.assign(fakeBrowser.permissions, { onAdded: never });
});

afterEach(async () => {
  cleanup();
  await closeDatabase();
  await closeDrafts();
  await closeSyncState();
  forgetPageDrafts();
});
