/**
 * Setting sync up, from the Sync section: the server's address checked, the `Adempauze/` folder
 * made if it is missing, and what is there said (an empty folder, or a journal from another
 * browser), then the key: made new and wrapped by a passphrase and a recovery key, or opened from
 * keys.json with either. The first sync of two journals shows what it will do before it does it.
 */
import { browser } from 'wxt/browser';
import { readLock, requireKeys } from '@/utils/lock/keys';
import type { Secret } from '@/utils/lock/secrets';
import { importDataKey } from '@/utils/lock/crypto';
import { keyIdOf } from '@/utils/lock/open';
import { parseKeysFile, KEYS_FILE, type KeysFile } from './format';
import { createSyncKeys, openSyncKeys } from './keys';
import { runSync, type SyncReport } from './engine';
import { clearFileStates } from './files-db';
import { saveSyncConfig } from './store';
import { davClient, type DavTarget } from './webdav';

/** The folder sync keeps its files in, inside the address the person gives. */
export const FOLDER_NAME = 'Adempauze';

/** Why an address is refused before anything is sent. */
export type AddressProblem = 'not-url' | 'not-https';

/**
 * The journal's folder for the address the person typed: its own `Adempauze/` inside it. Only
 * HTTPS, or a server on this machine: the app password and the files' sizes and times would cross
 * the network readable otherwise.
 */
export function journalFolder(address: string): URL | AddressProblem {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    return 'not-url';
  }
  const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) return 'not-https';
  if (url.username || url.password || url.search || url.hash) return 'not-url';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return new URL(`${FOLDER_NAME}/`, url);
}

/**
 * The host permission for the server: its scheme and host, without the port. Firefox refuses a
 * pattern with a port that the manifest's optional hosts do not name as such
 * (`http://127.0.0.1:8080/*` is "not declared" beside `http://127.0.0.1/*`), so a server on this
 * machine could never be reached there; without a port, a pattern covers every port in both browsers.
 */
export function serverPermission(folder: URL): { origins: string[] } {
  return { origins: [`${folder.protocol}//${folder.hostname}/*`] };
}

/** Asks for the server's host (on the Connect click: the browser's prompt needs the gesture). */
export function requestServerAccess(folder: URL): Promise<boolean> {
  return browser.permissions.request(serverPermission(folder));
}

/** What the folder holds: nothing of ours yet, or a journal another browser started (its keys.json). */
export type Found = { readonly kind: 'empty' } | { readonly kind: 'journal'; readonly keys: KeysFile } | { readonly kind: 'foreign' };

/** Makes the folder if it is missing and looks in it; DavError when the server refuses or cannot be reached. */
export async function inspectServer(target: DavTarget): Promise<Found> {
  const dav = davClient(target);
  await dav.makeFolder('');
  const got = await dav.get(KEYS_FILE);
  if (!got) return { kind: 'empty' };
  const keys = parseKeysFile(got.body);
  return keys ? { kind: 'journal', keys } : { kind: 'foreign' };
}

/** The secret that protects the server's key: with the lock on, its passphrase, checked against the lock. */
export async function lockPassphraseOpens(passphrase: string): Promise<boolean> {
  const lock = await readLock();
  if (!lock) return true;
  const { unwrapDataKey } = await import('@/utils/lock/secrets');
  return (await unwrapDataKey(lock.keys, { passphrase })) !== undefined;
}

/** Starts a journal on an empty folder: a new key, keys.json written (only if nobody did meanwhile). Resolves to the recovery key, shown once. */
export async function startOnServer(
  target: DavTarget,
  passphrase: string,
  now: number,
): Promise<{ key: Uint8Array<ArrayBuffer>; keyId: string; recoveryKey: string }> {
  const { file, key, recoveryKey } = await createSyncKeys(passphrase, now);
  const written = await davClient(target).put(KEYS_FILE, new TextEncoder().encode(`${JSON.stringify(file, null, 1)}\n`), {
    ifNoneMatch: '*',
  });
  if (written.outcome === 'changed') throw new Error('Another browser started sync in this folder just now: connect again to join it.');
  return { key, keyId: file.keyId, recoveryKey };
}

/** The key of a journal found on the server, when the passphrase or recovery key opens it. */
export async function joinOnServer(keys: KeysFile, secret: Secret): Promise<{ key: Uint8Array<ArrayBuffer>; keyId: string } | undefined> {
  const key = await openSyncKeys(keys, secret);
  return key && { key, keyId: await keyIdOf(key) };
}

/** What the first sync with this key would do here: notes coming in, going out, conflicts, and how many the server has. Writes nothing. */
export async function previewFirstSync(target: DavTarget, key: Uint8Array<ArrayBuffer>, keyId: string): Promise<SyncReport> {
  await clearFileStates();
  const lock = await readLock();
  return runSync({
    dav: davClient(target),
    key: await importDataKey(key),
    keyId,
    keys: lock ? await requireKeys(lock) : 'off',
    now: Date.now,
    fullScan: true,
    dryRun: true,
  });
}

/** Keeps the setting up here (the secrets under the lock when it is on) and starts agreeing afresh. */
export async function finishConnect(target: DavTarget, key: Uint8Array<ArrayBuffer>, keyId: string, now: number): Promise<void> {
  const lock = await readLock();
  await clearFileStates();
  await saveSyncConfig(
    { folder: target.folder, user: target.user, keyId, connectedAt: now },
    { password: target.password, key },
    lock ? await requireKeys(lock) : undefined,
  );
}
