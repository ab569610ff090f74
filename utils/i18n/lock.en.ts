/**
 * The English strings of the journal lock's own screens (the Privacy section and the unlock form),
 * loaded with their code, never with the journal's first screen. English defines the shape.
 */
import { numbersIn } from './format';

const { number, plural } = numbersIn('en');

export const lockEn = {
  privacyTitle: 'Privacy',
  privacyIntro: 'A passphrase lock keeps your journal unreadable to anyone else who uses this browser.',
  lockOffHeading: 'Lock your journal with a passphrase',
  lockWhatNotes:
    'Your notes and your own prompts are stored encrypted on this device. Only your passphrase, or your recovery key, opens them.',
  lockWhatDrafts: 'Drafts you have not saved are sealed too: once the journal locks, only your passphrase opens them again.',
  lockWhatBefore:
    'What you wrote before turning the lock on is written again, encrypted, and the old readable copies are removed from the browser’s files. What no browser can erase: the disk may keep the blocks of removed files until they are written over, so someone with a recovery tool and the disk itself could still find them (full-disk encryption of your computer covers that), and drafts and own prompts written with an earlier version of Adempauze may stay in the browser’s files until it tidies them up. Turning the lock on before you write avoids both.',
  lockWhatDates: 'The dates of your notes stay readable, so the calendar in Insights and the timing of pauses keep working.',
  lockWhatPopup:
    'Writing from the toolbar popup never asks for the passphrase. What you save there while the journal is locked stays sealed until you unlock it.',
  lockWhatSession:
    'Once unlocked, the journal locks again when your screen locks, after a while without use, and when you quit the browser.',
  lockPassphrase: 'Passphrase',
  lockNewPassphrase: 'New passphrase',
  lockRepeatPassphrase: 'The same passphrase again',
  lockPassphraseHint: 'At least 8 characters. A few unrelated words are easy to remember and hard to guess.',
  lockPassphraseTooShort: 'Use at least 8 characters.',
  lockPassphraseMismatch: 'This is not the same as the passphrase above.',
  lockAcknowledge:
    'I understand: if I forget my passphrase and also lose my recovery key, nobody can read my notes again, not even the makers of Adempauze.',
  lockAcknowledgeMissing: 'Tick this box to go on.',
  lockTurnOn: 'Turn on the lock',
  lockTurningOn: 'Turning on the lock…',
  lockTurnOnFailed: (detail: string) => `The lock could not be turned on (${detail}). Your notes are as they were; try again.`,
  lockRecoveryHeading: 'Your recovery key',
  lockRecoveryExplain:
    'If you ever forget your passphrase, this key opens your journal. It is shown only this once: print it, or write it down, and keep it somewhere safe outside this browser.',
  lockRecoveryLabel: 'Recovery key',
  lockCopy: 'Copy',
  lockCopied: 'Copied.',
  lockCopyFailed: 'Copying did not work here. Select the key and copy it by hand.',
  lockPrint: 'Print',
  lockRecoveryKept: 'I have kept it somewhere safe',
  lockEncryptingLabel: 'Encrypting your journal',
  lockDecryptingLabel: 'Decrypting your journal',
  lockProgress: (done: number, total: number) => `${number(done)} of ${number(total)}…`,
  lockProgressPercent: (percent: number) => `${number(percent)}% done.`,
  lockProgressHint:
    'You can go on using Adempauze meanwhile. If you close this tab, nothing is lost: it carries on the next time the journal is open and unlocked.',
  lockEncryptingElsewhere: 'Your journal is being encrypted. This carries on whenever the journal is open and unlocked.',
  lockDecryptingElsewhere: 'The lock is being removed. This carries on whenever the journal is open and unlocked.',
  lockTurnedOn: 'The lock is on: your journal is encrypted.',
  lockRemoved: 'The lock is removed: your notes are stored without a passphrase again.',
  lockOnHeading: 'The lock is on',
  lockOnUnlocked: 'Your journal is unlocked for now.',
  lockNowFailed: (detail: string) => `The journal could not be locked (${detail}). Try again, or quit the browser to lock it.`,
  lockAfterLabel: 'Lock again after this long without use',
  lockAfterChoice: (minutes: number) =>
    minutes % 60 === 0
      ? plural(minutes / 60, { one: '# hour', other: '# hours' })
      : plural(minutes, { one: '# minute', other: '# minutes' }),
  lockAfterSaved: 'Saved.',
  lockChangeFailed: (detail: string) => `The change could not be stored (${detail}). Nothing was changed; try again.`,
  lockChangeHeading: 'Change the passphrase',
  lockChangeHint: 'Your recovery key stays the same.',
  lockChangePassphrase: 'Change passphrase',
  lockChanging: 'Changing the passphrase…',
  lockPassphraseChanged: 'Your passphrase is changed. Use the new one from now on.',
  lockRemoveHeading: 'Remove the lock',
  lockRemoveHint: 'Your notes are decrypted and stored on this device without a passphrase again.',
  lockRemoveStart: 'Remove the lock…',
  lockRemoveConfirm: 'After this, anyone who uses this browser can read your notes. Remove the lock?',
  lockRemoveYes: 'Yes, remove the lock',
  lockRemoveNo: 'Keep the lock',
  lockRemoveFailed: (detail: string) => `The lock could not be removed (${detail}). It is still on; try again.`,
  lockLockedPrivacy: 'Your journal is locked. Unlock it to change these settings.',
  lockCurrentLabel: 'Your current passphrase',
  lockCurrentRecoveryLabel: 'Your recovery key',
  lockCurrentMissing: 'Type your current passphrase or recovery key first.',
  lockCurrentWrong: 'That passphrase or recovery key does not open the journal, so nothing was changed.',
  lockCurrentWait: 'Too many wrong tries: wait a moment, then try again.',
  lockReplaceKey: 'Also replace the key and the recovery key (every note is encrypted again; your old recovery key stops working)',
  lockKeyReplaced: 'Your passphrase and key are replaced. Keep the new recovery key below; the old one no longer opens the journal.',
  lockKeyRenewed: 'Every note is now encrypted with the new key.',
  lockRenewingElsewhere: 'Your journal is being encrypted again with a new key. This carries on whenever the journal is open and unlocked.',
  lockReplaceKeyHint: 'Your recovery key is replaced too: a new one is shown once.',
  lockRenewingLabel: 'Encrypting your journal again',
  lockWarningHeading: 'Someone changed the lock’s settings',
  lockWarningRecord:
    'The lock’s stored settings were changed without your passphrase (for example to switch the lock off). The change was refused: your journal stays locked, nothing was decrypted, and the settings are back as they were.',
  lockWarningPublicKey:
    'The key that notes saved while locked are sealed to had been swapped for another. It is replaced by a new one. Notes saved meanwhile are sealed to the other key and are marked in your journal; nobody but whoever swapped the key can read them.',
  lockWarningPrivateKey: 'The lock’s sealing key was damaged. A new one is made; notes saved while locked before this may not be readable.',
  lockWarningDismiss: 'I have read this',
  backupPlainSecretLabel: 'Your passphrase, to confirm',
  backupPlainSecretMissing: 'Type your passphrase first: a copy without encryption cannot be taken back.',
  backupPlainWrongSecret: 'That passphrase does not open the journal, so no file was made.',
  backupLockedKey: (date: string, keyId: string) => `It was made with the key of ${date} (key ${keyId}).`,
  unlockButton: 'Unlock',
  unlockBusy: 'Unlocking…',
  unlockEmpty: 'Type your passphrase first.',
  unlockEmptyRecovery: 'Type your recovery key first.',
  unlockWrong: 'That passphrase does not open the journal. Check Caps Lock and try again.',
  unlockWrongRecovery: 'That recovery key does not open the journal. Check each group of four characters and try again.',
  unlockWait: (seconds: number) => plural(seconds, { one: 'You can try again in # second.', other: 'You can try again in # seconds.' }),
  unlockFailed: (detail: string) => `The journal could not be unlocked (${detail}). Try again.`,
  unlockUseRecovery: 'Use the recovery key instead',
  unlockUsePassphrase: 'Use the passphrase instead',
  unlockRecoveryHint: 'The eight groups of four characters you kept when you turned on the lock.',
  unlockRenewIntro: 'Your recovery key opened the journal. Set a new passphrase now, so that next time your passphrase is enough.',
  unlockRenewSave: 'Set passphrase',
  unlockRenewSkip: 'Skip',
};

/** The lock's own strings, as every language must fill them. */
export type LockOnlyMessages = typeof lockEn;
