import { beforeAll, describe, expect, it } from 'vitest';
import { checkBackup, type BackupCheck } from '@/utils/backup/backup';
import { createLockedBackup, serializeLockedBackup } from '@/utils/backup/make';
import { journalMessages } from '@/utils/i18n/journal';
import { lockFileMessages } from '@/utils/i18n/lock-file';
import { lockFields } from '@/utils/lock/keys';
import { recordMacKey, signLock } from '@/utils/lock/open';
import { createLockKeys, PBKDF2_ITERATIONS } from '@/utils/lock/secrets';
import type { LockedBackup } from '@/utils/model/backup';
import { parseLockRecord, PBKDF2_ITERATIONS_MAX, PBKDF2_ITERATIONS_MIN } from '@/utils/model/lock';
import { base64ByteLength } from '@/utils/model/lock-file';
import { freshBrowser, turnOnLock } from './locked-journal';
import { SAMPLE_TIME } from './sample-note';

const T0 = SAMPLE_TIME;
const HEADLINE =
  'The lock settings in this locked backup are outside what Adempauze makes or accepts, so it was not opened: it was changed, or made by something else.';
const ITERATIONS = 'expected from 100,000 to 10,000,000 rounds of key derivation; more would keep this page busy for minutes';

/** Base64 of `count` bytes, standard and padded as btoa makes it. */
const bytes = (count: number) => btoa('\u0001'.repeat(count));

/** A real locked file, made once: every case changes one field of a copy. */
let file: LockedBackup;

beforeAll(async () => {
  await freshBrowser();
  await turnOnLock(T0);
  const backup = await createLockedBackup(T0);
  if (!backup) throw new Error('The lock is off');
  file = JSON.parse(serializeLockedBackup(backup)) as LockedBackup;
}, 30_000);

type Fields = Record<string, unknown>;
/** A locked file with room for any value where a field is. */
interface Draft {
  lock: { passphrase: { kdf: Fields; key: Fields }; recovery: { kdf: Fields; key: Fields }; publicKey: unknown; privateKey: Fields };
  sealed: Fields;
}

/** The file with one change, as text. */
function crafted(change: (draft: Draft) => void): string {
  const draft = structuredClone(file) as unknown as Draft;
  change(draft);
  return JSON.stringify(draft);
}

const lines = (check: BackupCheck) => (check.ok ? [] : check.problems.map((problem) => `${problem.path}: ${problem.message}`));

describe('the bounds of a locked backup’s keys (utils/model/lock.ts)', () => {
  it('takes the file a lock makes, at both ends of the iteration bounds', () => {
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(PBKDF2_ITERATIONS_MIN);
    expect(PBKDF2_ITERATIONS).toBeLessThanOrEqual(PBKDF2_ITERATIONS_MAX);
    for (const iterations of [PBKDF2_ITERATIONS_MIN, PBKDF2_ITERATIONS, PBKDF2_ITERATIONS_MAX]) {
      const check = checkBackup(crafted((draft) => (draft.lock.passphrase.kdf.iterations = iterations)));
      // A file within bounds is not refused: it asks for its passphrase.
      expect(check).toMatchObject({ ok: false, locked: { lock: { passphrase: { kdf: { iterations } } } } });
    }
  });

  it.each<[string, (draft: Draft) => void, string]>([
    ['two billion iterations', (d) => (d.lock.passphrase.kdf.iterations = 2_000_000_000), `lock.passphrase.kdf.iterations: ${ITERATIONS}`],
    ['one more than the bound', (d) => (d.lock.passphrase.kdf.iterations = 10_000_001), `lock.passphrase.kdf.iterations: ${ITERATIONS}`],
    ['too few iterations', (d) => (d.lock.passphrase.kdf.iterations = 99_999), `lock.passphrase.kdf.iterations: ${ITERATIONS}`],
    ['a short salt', (d) => (d.lock.passphrase.kdf.salt = bytes(8)), 'lock.passphrase.kdf.salt: expected base64 of 16–64 bytes'],
    ['a huge salt', (d) => (d.lock.passphrase.kdf.salt = bytes(65)), 'lock.passphrase.kdf.salt: expected base64 of 16–64 bytes'],
    [
      'a salt that is no base64',
      (d) => (d.lock.recovery.kdf.salt = 'not base64!'),
      'lock.recovery.kdf.salt: expected base64 of 16–64 bytes',
    ],
    ['a 16-byte IV', (d) => (d.lock.passphrase.key.iv = bytes(16)), 'lock.passphrase.key.iv: expected base64 of 12 bytes'],
    [
      'a wrapped key of the wrong size',
      (d) => (d.lock.recovery.key.data = bytes(32)),
      'lock.recovery.key.data: expected base64 of 48 bytes',
    ],
    ['a compressed public key', (d) => (d.lock.publicKey = bytes(33)), 'lock.publicKey: expected base64 of 65 bytes'],
    ['a huge private key', (d) => (d.lock.privateKey.data = bytes(4096)), 'lock.privateKey.data: expected base64 of 17–1024 bytes'],
    ['a seal’s short IV', (d) => (d.sealed.iv = bytes(8)), 'sealed.iv: expected base64 of 12 bytes'],
    ['a seal’s ephemeral key of the wrong size', (d) => (d.sealed.epk = bytes(64)), 'sealed.epk: expected base64 of 65 bytes'],
    ['a sealed text that is no base64', (d) => (d.sealed.data = '%%% not base64 %%%'), 'sealed.data: expected base64 of 16+ bytes'],
  ])('refuses %s before asking for any passphrase, in one clear sentence', (_, change, line) => {
    const check = checkBackup(crafted(change));
    // No `locked`: the section never asks for a passphrase, so no key is derived.
    expect(check).not.toHaveProperty('locked');
    expect(lines(check)).toEqual([`: ${HEADLINE}`, line]);
  });

  it('says so in Dutch', () => {
    const check = checkBackup(
      crafted((d) => (d.lock.passphrase.kdf.iterations = 2_000_000_000)),
      journalMessages('nl'),
      lockFileMessages('nl'),
    );
    expect(lines(check)).toEqual([
      ': De slotinstellingen in deze vergrendelde back-up vallen buiten wat Adempauze maakt of aanneemt, dus is hij niet geopend: hij is veranderd, of door iets anders gemaakt.',
      'lock.passphrase.kdf.iterations: verwacht 100.000 tot en met 10.000.000 rondes sleutelafleiding; meer zou deze pagina minutenlang bezighouden',
    ]);
  });
});

describe('the bounds of the stored lock', () => {
  it('reads a lock as it is made, and one asking for more or fewer rounds than the bounds as damaged', async () => {
    const { keys, dataKeyBytes } = await createLockKeys('a long walk along the Amstel', T0);
    const good = await signLock(lockFields(keys, 'on', T0), await recordMacKey(dataKeyBytes));
    expect(parseLockRecord(structuredClone(good))).toEqual(good);
    const withIterations = (iterations: number) => ({
      ...good,
      keys: { ...keys, passphrase: { ...keys.passphrase, kdf: { ...keys.passphrase.kdf, iterations } } },
    });
    expect(parseLockRecord(withIterations(PBKDF2_ITERATIONS_MAX))).toBeDefined();
    for (const iterations of [2_000_000_000, PBKDF2_ITERATIONS_MAX + 1, PBKDF2_ITERATIONS_MIN - 1, Infinity]) {
      expect(parseLockRecord(withIterations(iterations))).toBeUndefined();
    }
  }, 30_000);
});

describe('base64ByteLength', () => {
  it.each([
    ['', 0],
    ['AQ==', 1],
    ['AQE=', 2],
    ['AQEB', 3],
    [btoa('x'.repeat(65)), 65],
    ['AQ=', undefined],
    ['AQ==AQ==', undefined],
    ['A===', undefined],
    ['AQE-', undefined],
    ['AQ E', undefined],
  ])('%j is %s bytes', (text, expected) => {
    expect(base64ByteLength(text)).toBe(expected);
  });
});
