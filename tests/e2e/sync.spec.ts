// Sync (issue 21) in real Chromium: two profiles on one real WebDAV server (Apache with mod_dav,
// tests/support/webdav-server.ts), a fault proxy in front of it for the failures. The test build
// holds the loopback as a granted host (no automation answers the permission prompt); the shipped
// manifest keeps every host optional (locked-down.spec.ts).
import { readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { syncMessages } from '@/utils/i18n/sync';
import { importDataKey } from '@/utils/lock/crypto';
import type { Note } from '@/utils/model/records';
import { encodeFile } from '@/utils/sync/format';
import { E2E_EXTENSION_DIR } from '../../scripts/chromium.mjs';
import { scanFolder } from '../raw-scan';
import { startFaultProxy, startWebdavServer, type WebdavServer } from '../support/webdav-server';
import { expect, launchWithExtension, test } from './fixtures';
import { ExtensionState } from './pages/extension-state';
import { JournalPage } from './pages/journal-page';
import { PopupPage } from './pages/popup-page';
import { PrivacyPage } from './pages/privacy-page';
import { SyncPage } from './pages/sync-page';
import { seedNotes } from './seed';

test.use({ build: 'e2e' });

const t = syncMessages('en');
const PASSPHRASE = 'heron over the quiet lake';

/** The answers stored in a profile, read raw from its database (no lock: rows are plain). */
async function answers(state: ExtensionState): Promise<string[]> {
  const disk = await state.onDisk();
  return ((disk.indexedDB.adempauze?.notes ?? []) as Note[]).map((note) => note.answer).sort();
}

/** The note files on the server's disk. */
const noteFiles = (server: WebdavServer) =>
  readdirSync(path.join(server.root, 'Adempauze'))
    .filter((name) => name.startsWith('n-'))
    .map((name) => path.join(server.root, 'Adempauze', name));

interface Side {
  context: BrowserContext;
  sync: SyncPage;
  state: ExtensionState;
  journal: JournalPage;
}

let server: WebdavServer;
let others: BrowserContext[] = [];

test.beforeEach(async () => {
  server = await startWebdavServer();
  others = [];
});

test.afterEach(async () => {
  for (const context of others) await context.close();
  await server.stop();
});

/** A second browser profile with the extension, closed after the test. */
async function secondBrowser(dir: string): Promise<BrowserContext> {
  const context = await launchWithExtension(dir, 'en_US', E2E_EXTENSION_DIR);
  others.push(context);
  return context;
}

async function side(context: BrowserContext, extensionId: string, lockT: ConstructorParameters<typeof JournalPage>[2]): Promise<Side> {
  const state = await new ExtensionState(context, extensionId).open('options.html#settings');
  const sync = await SyncPage.open(context, extensionId);
  return { context, sync, state, journal: new JournalPage(context, extensionId, lockT) };
}

/** A starts sync on the server (its notes go up); B joins with the passphrase and confirms the preview. */
async function pair(a: Side, b: Side, address = server.url): Promise<string> {
  await a.sync.connect(address, server.user, server.password);
  const recoveryKey = await a.sync.start(PASSPHRASE);
  await a.sync.connected();
  await a.sync.syncNow();
  await b.sync.connect(server.url, server.user, server.password);
  await b.sync.join({ passphrase: PASSPHRASE });
  await b.sync.confirm();
  await b.sync.syncNow();
  return recoveryKey;
}

test('a note written in one browser reaches another that joins with the recovery key; the server holds only ciphertext', async ({
  context,
  extensionId,
  popup,
  t: lockT,
}, testInfo) => {
  const marker = 'QWERTZ7NOTE';
  await popup.open();
  await popup.write(`${marker} written in A`);
  await popup.save();
  await expect(popup.status).toHaveText(lockT.saved);
  const a = await side(context, extensionId, lockT);
  await a.sync.connect(server.url, server.user, server.password);
  const recoveryKey = await a.sync.start(PASSPHRASE);
  // The first sync runs on its own once sync is set up.
  await expect(a.sync.page.locator('.sync-status')).toContainText('1 note went out', { timeout: 30_000 });

  const b = await side(await secondBrowser(testInfo.outputPath('profile-b')), extensionId, lockT);
  await b.sync.connect(server.url, server.user, server.password);
  const preview = await b.sync.join({ recoveryKey });
  expect(preview).toContain('The server holds 1 note. 1 note will come into this browser and 0 notes will go to the server.');
  await b.sync.confirm();
  await expect.poll(() => answers(b.state), { timeout: 30_000 }).toEqual([`${marker} written in A`]);
  await b.journal.open();
  await expect(b.journal.note(marker)).toBeVisible();

  // The server's folder, read raw: the files are there, and no word of the note.
  expect(noteFiles(server).length).toBe(1);
  expect(scanFolder(server.root, [marker, 'written in A'])).toEqual({});
  // Control: the same scan finds the note in A's profile, where it is stored without a lock.
  expect(Object.keys(scanFolder(testInfo.outputPath('profile'), [marker])).length).toBeGreaterThan(0);
});

test('a note edited in both browsers while the server was away keeps both texts; an edit beats a delete', async ({
  context,
  extensionId,
  extension,
  t: lockT,
}, testInfo) => {
  const [first, second] = seedNotes(2, Date.now(), 7);
  if (!first || !second) throw new Error('no notes');
  await extension.storeNotes([
    { ...first, answer: 'EDITME original' },
    { ...second, answer: 'DELETEME original' },
  ]);
  const a = await side(context, extensionId, lockT);
  const b = await side(await secondBrowser(testInfo.outputPath('profile-b')), extensionId, lockT);
  await pair(a, b);
  await expect.poll(() => answers(b.state)).toEqual(['DELETEME original', 'EDITME original']);

  await server.pause();
  await a.journal.open();
  await a.journal.note('EDITME').getByRole('button', { name: lockT.editNote }).click();
  await a.journal.editField.fill('EDITME changed in A');
  await a.journal.page.getByRole('button', { name: lockT.saveEdit }).click();
  // Saved once the editor has closed: on a busy machine the next note's editor could open beside it.
  await expect(a.journal.editField).toHaveCount(0);
  await a.journal.note('DELETEME').getByRole('button', { name: lockT.deleteNote }).click();
  await expect(a.journal.note('DELETEME')).toHaveCount(0);
  await b.journal.open();
  await b.journal.note('EDITME').getByRole('button', { name: lockT.editNote }).click();
  await b.journal.editField.fill('EDITME changed in B');
  await b.journal.page.getByRole('button', { name: lockT.saveEdit }).click();
  await expect(b.journal.editField).toHaveCount(0);
  await b.journal.note('DELETEME').getByRole('button', { name: lockT.editNote }).click();
  await b.journal.editField.fill('DELETEME kept by B');
  await b.journal.page.getByRole('button', { name: lockT.saveEdit }).click();
  await expect(b.journal.editField).toHaveCount(0);
  // The server is away: the sync says so, and changes nothing.
  await a.sync.syncNow();
  await expect(a.sync.failure()).toContainText(t.syncReason('unreachable'));

  await server.resume();
  await a.sync.syncNow();
  await b.sync.syncNow();
  await a.sync.syncNow();
  const both = ['DELETEME kept by B', 'EDITME changed in A', 'EDITME changed in B'];
  await expect.poll(() => answers(a.state)).toEqual(both);
  await expect.poll(() => answers(b.state)).toEqual(both);
  // The open journals show it without a reload, the copy marked as such.
  for (const journal of [a.journal, b.journal]) {
    await expect(journal.notes.filter({ hasText: lockT.noteConflictCopy })).toHaveCount(1);
    await expect(journal.note('DELETEME kept by B')).toBeVisible();
  }
});

test.describe(() => {
  // The worker is stopped with its uploads under way: Playwright must not watch its requests then.
  test.use({ watchWorkerRequests: false });

  test('a sync cut off by a killed worker, or by the server going away, resumes with nothing lost or doubled', async ({
    context,
    extensionId,
    extension,
    t: lockT,
  }, testInfo) => {
    // The switch is in force: the service worker's requests are not watched (its pages' still are).
    const watched: string[] = [];
    context.on('request', (request) => {
      if (request.serviceWorker()) watched.push(request.url());
    });
    const notes = seedNotes(300, Date.now(), 11);
    await extension.storeNotes(notes);
    const proxy = await startFaultProxy(server.url);
    try {
      const a = await side(context, extensionId, lockT);
      await a.sync.connect(proxy.url, server.user, server.password);
      // Slow, so the first upload is still under way when it is cut off.
      await proxy.fault({ kind: 'delay', ms: 60 });
      await a.sync.start(PASSPHRASE);
      const puts = () => proxy.requests.filter((request) => request.method === 'PUT' && request.status < 300).length;
      await expect.poll(puts, { timeout: 30_000 }).toBeGreaterThan(10);
      expect(watched).toEqual([]);
      await a.state.killServiceWorker();
      const afterKill = puts();
      expect(afterKill).toBeLessThan(200);

      // Again, and this time the server goes away half-way.
      const sent = a.sync.page.getByRole('button', { name: t.syncNow }).click();
      await expect.poll(puts, { timeout: 30_000 }).toBeGreaterThan(afterKill + 10);
      await proxy.fault({ kind: 'down' });
      await sent;
      await expect(a.sync.failure()).toContainText(t.syncReason('unreachable'), { timeout: 30_000 });
      expect(await answers(a.state)).toHaveLength(300);

      await proxy.fault(undefined);
      await a.sync.syncNow();
      await expect(a.sync.failure()).toHaveCount(0);

      const b = await side(await secondBrowser(testInfo.outputPath('profile-b')), extensionId, lockT);
      await b.sync.connect(server.url, server.user, server.password);
      expect(await b.sync.join({ passphrase: PASSPHRASE })).toContain('The server holds 300 notes.');
      await b.sync.confirm();
      await expect.poll(() => answers(b.state), { timeout: 60_000 }).toEqual(notes.map((note) => note.answer).sort());
      expect(await answers(a.state)).toEqual(notes.map((note) => note.answer).sort());
    } finally {
      await proxy.stop();
    }
  });
});

test('a wrong password, a full server, a truncated file and a file under another key are reported and change nothing here', async ({
  context,
  extensionId,
  extension,
  popup,
  t: lockT,
}, testInfo) => {
  await extension.storeNotes(seedNotes(20, Date.now(), 3));
  const a = await side(context, extensionId, lockT);
  // A wrong password: said at once, nothing kept.
  await a.sync.connect(server.url, server.user, 'not the password');
  await expect(a.sync.page.getByRole('alert').filter({ hasText: t.syncReason('auth') })).toBeVisible();
  expect(await a.state.localItem('sync')).toBeUndefined();

  const proxy = await startFaultProxy(server.url);
  try {
    const b = await side(await secondBrowser(testInfo.outputPath('profile-b')), extensionId, lockT);
    await a.sync.connect(proxy.url, server.user, server.password);
    await a.sync.start(PASSPHRASE);
    await a.sync.syncNow();
    await b.sync.connect(server.url, server.user, server.password);
    await b.sync.join({ passphrase: PASSPHRASE });
    await b.sync.confirm();
    await expect.poll(() => answers(b.state)).toHaveLength(20);

    // Out of space: a note written in A cannot go up; A's journal keeps it, the server is unchanged.
    const before = noteFiles(server).map((file) => readFileSync(file));
    await proxy.fault({ kind: 'status', status: 507, methods: ['PUT'] });
    await popup.open();
    await popup.write('Written while the server was full');
    await popup.save();
    await expect(popup.status).toHaveText(lockT.saved);
    await a.sync.syncNow();
    await expect(a.sync.failure()).toContainText(t.syncReason('no-space'));
    expect(await answers(a.state)).toContain('Written while the server was full');
    expect(noteFiles(server).map((file) => readFileSync(file))).toEqual(before);
    // The popup says it once.
    await popup.close();
    await popup.open();
    await expect(popup.page.getByRole('alert').filter({ hasText: t.noticeSyncFailed(t.syncReason('no-space')) })).toBeVisible();
    await popup.close();
    await popup.open();
    await expect(popup.answer).toBeVisible();
    const told = (await a.state.localItem('syncStatus')) as { toldAt?: number; failure?: { at: number } };
    expect(told.toldAt).toBe(told.failure?.at);
    await expect(popup.page.getByRole('alert').filter({ hasText: t.noticeSyncFailedTitle })).toHaveCount(0);
    await popup.close();
    await proxy.fault(undefined);

    // A truncated file: B sets it aside, applies nothing of it, and does not write over it.
    const [damaged, foreign] = noteFiles(server);
    if (!damaged || !foreign) throw new Error('too few files on the server');
    const bBefore = await answers(b.state);
    truncateSync(damaged, 100);
    // A file under another key, in a file's place.
    const other = await importDataKey(crypto.getRandomValues(new Uint8Array(32)));
    writeFileSync(foreign, await encodeFile(other, 'another key', path.basename(foreign), 99, []));
    await b.sync.syncNow();
    await expect(b.sync.page.getByText(t.syncSetAside(path.basename(damaged), 'damaged'))).toBeVisible();
    await expect(b.sync.page.getByText(t.syncSetAside(path.basename(foreign), 'other-key'))).toBeVisible();
    expect(await answers(b.state)).toEqual(bBefore);
    expect(readFileSync(damaged).length).toBe(100);
  } finally {
    await proxy.stop();
  }
});

test('with the lock on, its passphrase protects sync, the profile keeps no app password readable, and notes saved while locked go up after the unlock', async ({
  extensionId,
  t: lockT,
}, testInfo) => {
  test.setTimeout(120_000);
  // A server of its own, with a password that can be looked for in the profile's files.
  const password = 'APPPWZ4Q9XKT';
  const own = await startWebdavServer({ password });
  try {
    const profileA = testInfo.outputPath('profile-a');
    const contextA = await launchWithExtension(profileA, 'en_US', E2E_EXTENSION_DIR);
    others.push(contextA);
    const privacy = await new PrivacyPage(contextA, extensionId, lockT).open();
    await privacy.turnOn(PASSPHRASE);
    const a = await side(contextA, extensionId, lockT);
    await a.sync.connect(own.url, own.user, password);
    await a.sync.startWithLock(PASSPHRASE);
    await a.sync.syncNow();
    const secrets = (await a.state.localItem('syncSecrets')) as Record<string, unknown>;
    expect(Object.keys(secrets).sort()).toEqual(['box', 'kid']);

    // Locked: a note saved in the popup is sealed here, and nothing goes to the server.
    await privacy.lockNow();
    const popup = await new PopupPage(contextA, extensionId, lockT).open();
    await popup.write('Saved while locked');
    await popup.save();
    await expect(popup.status).toHaveText(lockT.saved);
    const before = noteFiles(own).map((file) => readFileSync(file));
    await a.state.fireAlarm('sync');
    await expect.poll(() => a.state.alarm('sync').then((alarm) => (alarm?.scheduledTime ?? 0) > Date.now() + 60_000)).toBe(true);
    expect(noteFiles(own).map((file) => readFileSync(file))).toEqual(before);

    // The unlock brings it to the server, and to a browser without a lock.
    await privacy.unlockForm.unlockWithPassphrase(PASSPHRASE);
    const b = await side(await secondBrowser(testInfo.outputPath('profile-b')), extensionId, lockT);
    await expect.poll(() => noteFiles(own).length, { timeout: 30_000 }).toBe(1);
    await b.sync.connect(own.url, own.user, password);
    await b.sync.join({ passphrase: PASSPHRASE });
    await b.sync.confirm();
    await expect.poll(() => answers(b.state), { timeout: 30_000 }).toEqual(['Saved while locked']);

    // Raw files: A's profile (the lock on) holds the app password nowhere readable; B's (no lock) does, as its journal.
    await contextA.close();
    expect(scanFolder(profileA, [password])).toEqual({});
    await expect
      .poll(() => Object.keys(scanFolder(testInfo.outputPath('profile-b'), [password])).length, { timeout: 30_000 })
      .toBeGreaterThan(0);
    expect(scanFolder(own.root, ['Saved while locked'])).toEqual({});
  } finally {
    await own.stop();
  }
});

test('with sync off, no request leaves the extension; with it on, requests go only to the server', async ({
  context,
  extensionId,
  extension,
  t: lockT,
}) => {
  // Every request of the extension's pages and of its service worker, as the browser reports them.
  const requests: { url: string; worker: boolean }[] = [];
  context.on('request', (request) => {
    if (!request.url().startsWith('chrome-extension://')) requests.push({ url: request.url(), worker: request.serviceWorker() !== null });
  });
  // A day's use: a note saved, the journal read, the pause alarm fired for real.
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await page.getByRole('textbox', { name: lockT.answerLabel }).fill('A note that stays here');
  await page.getByRole('button', { name: lockT.save }).click();
  await expect(page.getByText(lockT.saved)).toBeVisible();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.getByRole('article').first().waitFor();
  const fired = Date.now();
  await extension.fireAlarm('pause');
  // The background woke, handled it, and planned the next.
  await expect.poll(async () => (await extension.alarm('pause'))?.scheduledTime ?? 0).toBeGreaterThan(fired + 1000);
  await page.goto(`chrome-extension://${extensionId}/options.html#sync`);
  await page.getByRole('heading', { level: 1, name: t.syncHeading }).waitFor();
  expect(requests).toEqual([]);

  // Control: with sync on, the page's and the service worker's requests are seen, all to the server's folder.
  const sync = await SyncPage.open(context, extensionId);
  await sync.connect(server.url, server.user, server.password);
  await sync.start(PASSPHRASE);
  await sync.syncNow();
  expect(requests.some((request) => request.worker)).toBe(true);
  expect(requests.some((request) => !request.worker)).toBe(true);
  for (const request of requests) expect(request.url).toMatch(new RegExp(`^${server.url}Adempauze/`));
});
