import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { lockFileMessages } from '@/utils/i18n/lock-file';
import { describeVerdict, strengthMessages } from '@/utils/i18n/strength';
import { expect, test } from './fixtures';
import { PrivacyPage } from './pages/privacy-page';
import { seedNotes } from './seed';

/** What a person reads under the field and as its problem when `password` is refused. */
const PASSWORD_REFUSED = describeVerdict({ strong: false, weakness: 'topPassword', suggestions: ['moreWords'] }, strengthMessages('en'));
const STRONG = 'heron over the quiet lake';

/** Whether `url` is the estimator's chunk (utils/lock/strength.ts, a megabyte of word lists). */
const isEstimator = (url: string) => /\/chunks\/strength-[\w-]+\.js$/.test(url);

test('a guessable passphrase is refused with its reason, and a strong one turns the lock on', async ({
  context,
  extensionId,
  journal,
  extension,
  t,
}) => {
  // The journal's first screen does not fetch the estimator; the passphrase form does.
  const fetched: string[] = [];
  context.on('request', (request) => fetched.push(request.url()));
  await journal.open();
  // Everything the first screen loads has loaded once its last part, the search index, answers.
  // Not 'networkidle', which under load once never came although no request was left open.
  await journal.search.fill('heron');
  await expect(journal.page.getByText(t.noResults)).toBeVisible();
  expect(fetched.some((url) => url.includes('/chunks/'))).toBe(true);
  expect(fetched.filter(isEstimator)).toEqual([]);

  const privacy = await new PrivacyPage(context, extensionId, t).open();
  const field = privacy.page.getByLabel(t.lockPassphrase, { exact: true });
  await field.fill('password');
  // Live, under the field, describing it: what a screen reader reads on focus too.
  const verdict = privacy.page.getByText(PASSWORD_REFUSED);
  await expect(verdict).toBeVisible();
  await expect(verdict).toHaveAttribute('aria-live', 'polite');
  expect(await field.getAttribute('aria-describedby')).toContain(await verdict.getAttribute('id'));
  expect(fetched.filter(isEstimator)).toHaveLength(1);

  await privacy.submitTurnOn('password');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toBeFocused();
  await expect(privacy.page.getByText(PASSWORD_REFUSED)).toBeVisible();
  await expect(privacy.recoveryKey).toHaveCount(0);
  expect((await extension.onDisk()).local).not.toHaveProperty('lock');

  await field.fill(STRONG);
  await expect(privacy.page.getByText(strengthMessages('en').strengthStrong)).toBeVisible();
  await privacy.submitTurnOn(STRONG);
  await expect(privacy.recoveryKey).toBeVisible();
  await expect(privacy.notice(t.lockTurnedOn)).toBeVisible();
});

/** Base64 of `count` random bytes: a field of the right size, as a crafted file would hold it. */
const bytes = (count: number) => randomBytes(count).toString('base64');

/** A locked backup made by hand: every field of the right shape and size, asking for `iterations` rounds of PBKDF2. */
function craftedLockedBackup(iterations: number) {
  const box = (size: number) => ({ iv: bytes(12), data: bytes(size) });
  return {
    format: 'adempauze-backup',
    version: 2,
    lock: {
      passphrase: { kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: bytes(16) }, key: box(48) },
      recovery: { kdf: { name: 'HKDF', hash: 'SHA-256', salt: bytes(16) }, key: box(48) },
      publicKey: bytes(65),
      privateKey: box(154),
    },
    sealed: { iv: bytes(12), data: bytes(300), epk: bytes(65) },
  };
}

test('a locked backup asking for two billion key derivation rounds is refused at once, and nothing changes', async ({
  extension,
  journal,
  locale,
  t,
}, testInfo) => {
  await extension.storeNotes(seedNotes(5, Date.now(), 3));
  await journal.open();
  await expect(journal.page.getByText(t.noteCount(5))).toBeVisible();
  await journal.show('backup');
  const input = journal.page.getByLabel(t.backupImportLabel);

  // The same file within bounds is taken as a locked backup: it asks for its passphrase.
  const fair = testInfo.outputPath('fair.json');
  await writeFile(fair, JSON.stringify(craftedLockedBackup(600_000)));
  await input.setInputFiles(fair);
  await expect(journal.page.getByText(t.backupLockedAsk)).toBeVisible();
  await journal.page.getByRole('button', { name: t.backupLockedCancel }).click();

  const crafted = testInfo.outputPath('crafted.json');
  await writeFile(crafted, JSON.stringify(craftedLockedBackup(2_000_000_000)));
  await input.setInputFiles(crafted);
  const alert = journal.page.getByRole('alert').filter({ hasText: t.backupInvalid });
  // Refused by the model as the file is checked, before any passphrase is asked for or any key derived.
  await expect(alert).toContainText(lockFileMessages(locale).backupLockedKeysRefused, { timeout: 5_000 });
  await expect(alert).toContainText(`lock.passphrase.kdf.iterations: ${lockFileMessages(locale).backupIterations(100_000, 10_000_000)}`);
  await expect(journal.page.getByLabel(t.lockPassphrase, { exact: true })).toHaveCount(0);

  await journal.show('journal');
  await expect(journal.page.getByText(t.noteCount(5))).toBeVisible();
});
