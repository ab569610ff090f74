/**
 * What this browser keeps about sync: where the server is (storage.local `sync`), the app password
 * and the sync key (`syncSecrets`: encrypted with the lock's data key while the lock is on, so a
 * locked journal's profile opens nothing on the server either). What the last run did is status.ts.
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { JournalLockedError } from '@/utils/errors';
import { decryptText, encryptText, fromBase64, toBase64, type Box } from '@/utils/lock/crypto';
import { readLock, requireKeys, type OpenKeys } from '@/utils/lock/keys';

import { SYNC_KEY } from './soon';
import { SYNC_STATUS_KEY } from './status';

export { SYNC_KEY };
export const SYNC_SECRETS_KEY = 'syncSecrets';

const ConfigSchema = v.object({
  /** The journal's folder on the server, absolute, ending in '/'. */
  folder: v.pipe(v.string(), v.url()),
  user: v.string(),
  /** The sync key's id, as keys.json on the server names it. */
  keyId: v.string(),
  connectedAt: v.number(),
});
export type SyncConfig = v.InferOutput<typeof ConfigSchema>;

export interface SyncSecrets {
  readonly password: string;
  /** The sync key's 32 bytes. */
  readonly key: Uint8Array<ArrayBuffer>;
}

const PlainSecretsSchema = v.object({ password: v.string(), key: v.string() });
const SealedSecretsSchema = v.object({ kid: v.string(), box: v.object({ iv: v.string(), data: v.string() }) });

/** What the secrets' ciphertext is bound to: the data key it is under. */
const secretsContext = (kid: string) => `adempauze sync secrets|${kid}`;

export async function readSyncConfig(): Promise<SyncConfig | undefined> {
  const stored: unknown = (await browser.storage.local.get(SYNC_KEY))[SYNC_KEY];
  const parsed = v.safeParse(ConfigSchema, stored);
  return parsed.success ? parsed.output : undefined;
}

/**
 * The password and the sync key: JournalLockedError while the lock is on and locked; undefined when
 * none are stored, or they do not open (the lock's key was replaced in a way that lost them).
 */
export async function readSyncSecrets(keys?: OpenKeys): Promise<SyncSecrets | undefined> {
  const stored: unknown = (await browser.storage.local.get(SYNC_SECRETS_KEY))[SYNC_SECRETS_KEY];
  const plain = v.safeParse(PlainSecretsSchema, stored);
  if (plain.success) return { password: plain.output.password, key: fromBase64(plain.output.key) };
  const sealed = v.safeParse(SealedSecretsSchema, stored);
  if (!sealed.success) return undefined;
  const open = keys ?? (await requireKeys());
  const sets = open.previous ? [open, open.previous] : [open];
  const set = sets.find((candidate) => candidate.keyId === sealed.output.kid);
  if (!set) return undefined;
  try {
    const { password, key } = JSON.parse(await decryptText(set.dataKey, sealed.output.box, secretsContext(sealed.output.kid))) as Record<
      string,
      unknown
    >;
    if (typeof password !== 'string' || typeof key !== 'string') return undefined;
    return { password, key: fromBase64(key) };
  } catch {
    return undefined;
  }
}

/**
 * Stores the password and the sync key as the lock asks now: encrypted with its data key when the
 * lock is on (`keys` then, or JournalLockedError while locked), plain without the lock, like the
 * journal itself.
 */
export async function writeSyncSecrets(secrets: SyncSecrets, keys?: OpenKeys | 'plain'): Promise<void> {
  const json = JSON.stringify({ password: secrets.password, key: toBase64(secrets.key) });
  let value: unknown;
  if (keys === 'plain' || (keys === undefined && !(await readLock()))) value = JSON.parse(json) as unknown;
  else {
    const open = keys ?? (await requireKeys());
    const box: Box = await encryptText(open.dataKey, json, secretsContext(open.keyId));
    value = { kid: open.keyId, box };
  }
  await browser.storage.local.set({ [SYNC_SECRETS_KEY]: value });
}

/**
 * The secrets brought to the lock's new state (utils/lock/lock.ts, resume): encrypted with the
 * current key when turning on or after a key was replaced, plain when the lock goes.
 */
export async function settleSyncSecrets(keys: OpenKeys, direction: 'on' | 'off' | 'renew'): Promise<void> {
  const stored = (await browser.storage.local.get(SYNC_SECRETS_KEY))[SYNC_SECRETS_KEY];
  if (stored === undefined) return;
  const secrets = await readSyncSecrets(keys);
  if (secrets) await writeSyncSecrets(secrets, direction === 'off' ? 'plain' : keys);
}

/** Stores sync's setting up, once the server has been checked and the key opened (utils/sync/connect.ts). */
export async function saveSyncConfig(config: SyncConfig, secrets: SyncSecrets, keys: OpenKeys | undefined): Promise<void> {
  if ((await readLock()) && !keys) throw new JournalLockedError();
  await writeSyncSecrets(secrets, keys ?? 'plain');
  await browser.storage.local.set({ [SYNC_KEY]: config, [SYNC_STATUS_KEY]: {} });
}

/** Forgets the server, the password and the key here (the server's files stay). */
export async function forgetSync(): Promise<void> {
  await browser.storage.local.remove([SYNC_KEY, SYNC_SECRETS_KEY, SYNC_STATUS_KEY]);
}
