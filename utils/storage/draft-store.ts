/**
 * Where drafts are kept for good (utils/storage/drafts.ts keeps this page's copy): a small IndexedDB
 * database of their own, one row per prompt. Plain while the lock is off; under the lock every
 * draft is sealed to the lock's public key (utils/lock/crypto.ts), whether the journal is locked or
 * not, so "Lock now" has only the memory copies of the last keystrokes to remove (utils/lock/names.ts)
 * and a draft typed while locked is kept (across a restart too) without being readable by the next
 * person at the browser: it opens at unlock.
 *
 * Why IndexedDB and not localStorage or storage.local: text once written to those stays in the
 * browser's LevelDB files after it is removed, and nothing a page can do makes them compact
 * (tests/e2e/lock-disk.spec.ts). A deleted IndexedDB database can be made to go (utils/db/rewrite.ts),
 * which is what turning the lock on does with this one.
 *
 * Loaded after a page's first paint (the popup's first paint knows which prompts have a draft
 * from ids only, utils/storage/lock-mirror.ts).
 */
import { browser } from 'wxt/browser';
import * as v from 'valibot';
import { cachedDatabase } from '@/utils/db/cached';
import { forgetDatabase } from '@/utils/db/rewrite';
import { importPublicKey, openSealedText, sealText } from '@/utils/lock/crypto';
import { journalKeys, readLock, type OpenKeys } from '@/utils/lock/keys';
import { DRAFT_MEMORY_PREFIX, LOCK_KEY } from '@/utils/lock/names';
import { SealedBoxSchema } from '@/utils/model/lock';
import { isDraft, sessionDrafts, type Draft } from '@/utils/model/draft';
import { DRAFTS_DURABLE_KEY, DRAFTS_PAGE_KEY } from './lock-mirror';

const DRAFTS_DB = 'adempauze-drafts';
const STORE = 'drafts';

/** A draft as stored under the lock: sealed text and time, bound to its prompt. */
const SealedDraftSchema = v.object({ sealed: SealedBoxSchema });
type SealedDraft = v.InferOutput<typeof SealedDraftSchema>;

const draftContext = (promptId: string) => `draft:${promptId}`;

/** The sealing key as last read (see `sealer`). */
let sealing: Promise<CryptoKey | undefined> | undefined;

// Turning the lock on in another page deletes this database: the connection steps aside.
const drafts = cachedDatabase(DRAFTS_DB, 1, (db) => {
  db.createObjectStore(STORE);
});
const openDrafts = drafts.open;

/**
 * Closes the cached connection and forgets the lock as read; the next read or write opens and reads
 * afresh. Exported for the tests, which start each from a closed database and a new storage.
 */
export async function closeDrafts(): Promise<void> {
  sealing = undefined;
  await drafts.close();
}

/**
 * How a draft is written now: plain without the lock, sealed with it. Kept between keystrokes, so
 * a keystroke's write reaches IndexedDB at once, before a popup closing can cut it off (a read of
 * the lock per keystroke left the last ones behind); read again when the lock record changes, and
 * always afresh (`fresh`) when the lock's own steps rewrite the drafts.
 */
let watching = false;

function sealer(fresh = false): Promise<CryptoKey | undefined> {
  if (!watching) {
    watching = true;
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && LOCK_KEY in changes) sealing = undefined;
    });
  }
  if (fresh || !sealing) {
    // A damaged lock throws: the draft then stays in the page, never on disk in plain text.
    const read = readLock().then((lock) => (lock && lock.state !== 'turning-off' ? importPublicKey(lock.keys.publicKey) : undefined));
    sealing = read;
    read.catch(() => {
      if (sealing === read) sealing = undefined;
    });
  }
  return sealing;
}

async function toRow(promptId: string, draft: Draft, publicKey: CryptoKey | undefined): Promise<Draft | SealedDraft> {
  if (!publicKey) return draft;
  return { sealed: await sealText(publicKey, JSON.stringify(draft), draftContext(promptId)) };
}

/** A stored row as a draft: plain ones as they are, sealed ones with the private key; undefined when it cannot be read. */
async function fromRow(promptId: string, row: unknown, keys: OpenKeys | undefined): Promise<Draft | undefined> {
  if (isDraft(row)) return row;
  if (!keys || !v.is(SealedDraftSchema, row)) return undefined;
  // While the key is being replaced, a draft sealed before is under the key being replaced.
  for (const privateKey of [keys.privateKey, keys.previous?.privateKey]) {
    if (!privateKey) continue;
    try {
      const draft: unknown = JSON.parse(await openSealedText(privateKey, row.sealed, draftContext(promptId)));
      return isDraft(draft) ? draft : undefined;
    } catch {
      // Not under this key: the next one, if any.
    }
  }
  return undefined;
}

// Writes are made one after another: a keystroke's sealing must never land after the next one's.
let queue: Promise<unknown> = Promise.resolve();
/** The newest draft asked for, by prompt: a write whose draft a later keystroke replaced is skipped, so typing never builds a backlog. */
const newest = new Map<string, Draft | undefined>();

/** Stores the draft of a prompt (sealed under the lock), or removes it. */
export function storeDraft(promptId: string, draft: Draft | undefined): Promise<void> {
  newest.set(promptId, draft);
  const issued = queue.then(async () => {
    if (newest.get(promptId) !== draft) return undefined;
    const [db, publicKey] = await Promise.all([openDrafts(), sealer()]);
    const row = draft && (await toRow(promptId, draft, publicKey));
    // Wrapped, so the queue waits only until the request is made: IndexedDB runs requests on one
    // store in the order they are made, and the next keystroke's goes out without waiting.
    return { done: row ? db.put(STORE, row, promptId) : db.delete(STORE, promptId) };
  });
  queue = issued.catch(() => undefined);
  return issued.then(async (request) => void (await request?.done));
}

/**
 * Once the database has a draft (or its removal), its copy in the browser's memory goes, unless a
 * newer keystroke has replaced it meanwhile (utils/storage/drafts.ts).
 */
export async function settleMemoryCopy(promptId: string, draft: Draft | undefined): Promise<void> {
  const key = DRAFT_MEMORY_PREFIX + promptId;
  const copy: unknown = (await browser.storage.session.get(key))[key];
  if (isDraft(copy) && copy.updatedAt === (draft?.updatedAt ?? copy.updatedAt) && copy.text === (draft?.text ?? '')) {
    await browser.storage.session.remove(key);
  }
}

/**
 * Memory copies a closed page left before its database write (utils/storage/drafts.ts): always the
 * newest of their prompt, since each is written before its durable copy, so they go into the
 * database (an empty text removes the draft there) and then leave memory.
 */
async function moveMemoryCopies(): Promise<void> {
  const copies = Object.entries(sessionDrafts(await browser.storage.session.get(null), DRAFT_MEMORY_PREFIX));
  if (copies.length === 0) return;
  const [db, publicKey] = await Promise.all([openDrafts(), sealer(true)]);
  for (const [id, draft] of copies) {
    if (draft.text === '') await db.delete(STORE, id);
    else await db.put(STORE, await toRow(id, draft, publicKey), id);
  }
  await Promise.all(copies.map(([id, draft]) => settleMemoryCopy(id, draft)));
}

/**
 * Every draft that can be read now, by prompt id, and the ids of those kept sealed while the
 * journal is locked. Drafts an earlier version kept in localStorage or storage.local move in here
 * (and leave those places).
 */
export async function loadDrafts(): Promise<{ readonly drafts: Record<string, Draft>; readonly sealed: readonly string[] }> {
  await moveLegacyDrafts();
  await moveMemoryCopies();
  const db = await openDrafts();
  const [ids, rows] = await Promise.all([db.getAllKeys(STORE), db.getAll(STORE)]);
  const keys = await journalKeys().catch(() => undefined);
  const drafts = Object.create(null) as Record<string, Draft>;
  const sealed: string[] = [];
  await Promise.all(
    ids.map(async (id, i) => {
      if (typeof id !== 'string') return;
      const draft = await fromRow(id, rows[i], keys);
      if (draft) drafts[id] = draft;
      else if (v.is(SealedDraftSchema, rows[i])) sealed.push(id);
    }),
  );
  return { drafts, sealed };
}

/** Drafts from before this store: the page's copy in localStorage and the durable one in storage.local. */
async function moveLegacyDrafts(): Promise<void> {
  let page: unknown;
  try {
    page = JSON.parse(globalThis.localStorage?.getItem(DRAFTS_PAGE_KEY) ?? 'null');
  } catch {
    page = undefined;
  }
  const durable: unknown = (await browser.storage.local.get(DRAFTS_DURABLE_KEY))[DRAFTS_DURABLE_KEY];
  const found = [durable, page].flatMap((value) =>
    typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.entries(value).filter(([, draft]) => isDraft(draft)) : [],
  ) as [string, Draft][];
  if (found.length > 0) {
    const [db, publicKey] = await Promise.all([openDrafts(), sealer(true)]);
    for (const [id, draft] of found) await db.put(STORE, await toRow(id, draft, publicKey), id);
  }
  try {
    globalThis.localStorage?.removeItem(DRAFTS_PAGE_KEY);
  } catch {
    // Blocked storage held nothing to move.
  }
  if (durable !== undefined) await browser.storage.local.remove(DRAFTS_DURABLE_KEY);
}

/**
 * Turning the lock on (with the lock stored, so new drafts are sealed already) or off (with the
 * journal unlocked): every draft is written again in the form the lock now asks for, into a new
 * database, the old one forgotten so the browser's files keep no plain draft (utils/db/rewrite.ts).
 */
export function rewriteDrafts(keys: OpenKeys): Promise<void> {
  // In the queue: a keystroke in this page waits for the new database.
  const run = queue.then(() => rewriteAll(keys));
  queue = run.catch(() => undefined);
  return run;
}

async function rewriteAll(keys: OpenKeys): Promise<void> {
  await moveLegacyDrafts();
  await moveMemoryCopies();
  const db = await openDrafts();
  const [ids, rows] = await Promise.all([db.getAllKeys(STORE), db.getAll(STORE)]);
  const read = await Promise.all(
    ids.map(async (id, i) => (typeof id === 'string' ? ([id, await fromRow(id, rows[i], keys)] as const) : undefined)),
  );
  const publicKey = await sealer(true);
  const drafts = await Promise.all(
    read
      .flatMap((entry) => (entry?.[1] ? [entry as readonly [string, Draft]] : []))
      .map(async ([id, draft]) => [id, await toRow(id, draft, publicKey)] as const),
  );
  await closeDrafts();
  await forgetDatabase(DRAFTS_DB);
  const fresh = await openDrafts();
  const tx = fresh.transaction(STORE, 'readwrite');
  await Promise.all([...drafts.map(([id, row]) => tx.store.put(row, id)), tx.done]);
}
