// Locked means locked in memory too, checked as an attacker with the browser's debugger would:
// after "Lock now", every CryptoKey still alive in an open journal tab (CDP Runtime.queryObjects on
// CryptoKey.prototype, after a garbage collection) is tried on a stored note, encrypted and sealed,
// and none may open it; the tab shows no note text.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { PopupPage } from './pages/popup-page';
import { PrivacyPage } from './pages/privacy-page';
import { rowBinding } from './rows';
import { seedNotes } from './seed';

const PASSPHRASE = 'heron over the quiet lake';

type Box = { iv: string; data: string; kid?: string };
type Row = Record<string, unknown> & { id: string; cipher?: Box; sealed?: Box & { epk: string; to?: string } };

/**
 * Every CryptoKey reachable in `page`, each tried on the two rows: AES-GCM keys decrypt the
 * encrypted note, ECDH keys derive the sealed note's key as utils/lock/crypto.ts does (the
 * attacker has the code). Returns how many keys there were and what each opened.
 */
async function keysThatOpen(page: Page, encrypted: Row, sealed: Row): Promise<{ keys: number; opened: string[] }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const prototype = await cdp.send('Runtime.evaluate', { expression: 'CryptoKey.prototype' });
    const found = await cdp.send('Runtime.queryObjects', { prototypeObjectId: prototype.result.objectId! });
    const tried = await cdp.send('Runtime.callFunctionOn', {
      objectId: found.objects.objectId!,
      awaitPromise: true,
      returnByValue: true,
      // What each ciphertext is bound to, written out by the test (tests/e2e/rows.ts).
      arguments: [
        { value: encrypted },
        { value: sealed },
        { value: rowBinding(encrypted, encrypted.cipher?.kid ?? '') },
        { value: rowBinding(sealed, sealed.sealed?.to ?? '') },
      ],
      functionDeclaration: String(async function (
        this: CryptoKey[],
        encryptedRow: Row,
        sealedRow: Row,
        encryptedBinding: string,
        sealedBinding: string,
      ) {
        const bytes = (text: string) => Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
        const binding = (text: string) => new TextEncoder().encode(text);
        const opened: string[] = [];
        for (const key of this) {
          try {
            if (key.algorithm.name === 'AES-GCM') {
              const box = encryptedRow.cipher!;
              await crypto.subtle.decrypt(
                { name: 'AES-GCM', iv: bytes(box.iv), additionalData: binding(encryptedBinding) },
                key,
                bytes(box.data),
              );
              opened.push('the encrypted note');
            } else if (key.algorithm.name === 'ECDH' && key.type === 'private') {
              const box = sealedRow.sealed!;
              const epk = bytes(box.epk);
              const ephemeral = await crypto.subtle.importKey('raw', epk, { name: 'ECDH', namedCurve: 'P-256' }, true, []);
              const secret = await crypto.subtle.deriveBits({ name: 'ECDH', public: ephemeral }, key, 256);
              const material = await crypto.subtle.importKey('raw', secret, 'HKDF', false, ['deriveKey']);
              const aes = await crypto.subtle.deriveKey(
                { name: 'HKDF', hash: 'SHA-256', salt: epk, info: new TextEncoder().encode('adempauze sealed box v1') },
                material,
                { name: 'AES-GCM', length: 256 },
                false,
                ['decrypt'],
              );
              await crypto.subtle.decrypt(
                { name: 'AES-GCM', iv: bytes(box.iv), additionalData: binding(sealedBinding) },
                aes,
                bytes(box.data),
              );
              opened.push('the sealed note');
            }
          } catch {
            // Not a key of this journal.
          }
        }
        return { keys: this.length, opened };
      }),
    });
    return tried.result.value as { keys: number; opened: string[] };
  } finally {
    await cdp.detach();
  }
}

test('after Lock now, no key in the open journal tab opens a note, and the tab shows no note text', async ({
  context,
  extensionId,
  extension,
  journal,
  t,
}) => {
  const notes = seedNotes(5, Date.now(), 23).map((note, i) => ({ ...note, answer: `memory-marker-${i} ${note.answer}` }));
  await extension.storeNotes(notes);
  const privacy = await new PrivacyPage(context, extensionId, t).open();
  await privacy.turnOn(PASSPHRASE);
  await privacy.page.close();

  await journal.open();
  await expect(journal.notes.first()).toContainText('memory-marker-');

  // A note saved while locked is sealed: the private key is what would open it.
  await journal.page.getByRole('button', { name: t.lockNow }).click();
  await expect(journal.page.getByRole('heading', { level: 1, name: t.lockedTitle })).toBeVisible();
  const popup = await new PopupPage(context, extensionId, t).open();
  await popup.write('memory-marker-sealed: written while locked');
  await popup.save();
  await expect(popup.status).toHaveText(t.saved);
  await popup.close();

  const rows = ((await extension.onDisk()).indexedDB.adempauze?.notes ?? []) as Row[];
  const encrypted = rows.find((row) => row.cipher)!;
  const sealed = rows.find((row) => row.sealed)!;
  expect(encrypted).toBeDefined();
  expect(sealed).toBeDefined();

  // The control: while unlocked, the same search finds the keys that open both notes.
  const unlocked = await new PrivacyPage(context, extensionId, t).open();
  await unlocked.unlockForm.unlockWithPassphrase(PASSPHRASE);
  await expect(journal.page.getByRole('heading', { level: 1, name: t.journalTitle })).toBeVisible();
  await expect(journal.notes.first()).toContainText('memory-marker-');
  expect((await keysThatOpen(journal.page, encrypted, sealed)).opened).toEqual(
    expect.arrayContaining(['the encrypted note', 'the sealed note']),
  );

  await unlocked.lockNow();
  await expect(journal.page.getByRole('heading', { level: 1, name: t.lockedTitle })).toBeVisible();
  for (const page of [journal.page, unlocked.page]) {
    expect(await keysThatOpen(page, encrypted, sealed), page.url()).toMatchObject({ opened: [] });
    expect(await page.locator('body').innerText()).not.toContain('memory-marker');
  }
});
