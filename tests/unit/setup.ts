import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { cleanup } from '@testing-library/preact';
import { afterEach, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { closeDatabase } from '@/utils/db/connection';

beforeEach(() => {
  fakeBrowser.reset();
  // Every test starts with an empty database, an empty page storage and an English browser.
  globalThis.indexedDB = new IDBFactory();
  localStorage.clear();
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
});

afterEach(async () => {
  cleanup();
  await closeDatabase();
});
