/**
 * The English words of automatic backups: the Backup section's part and the popup's notice (a
 * failure, once; the suggestion at the first run and at 20 notes). Their own module, loaded with
 * those parts and never before a first paint. English defines the shape.
 */
import type { AutoBackupFailureReason } from '@/utils/model/auto-backup';

/** Why a backup was not written, as the end of autoFailed's sentence (the permission's stands alone too). */
const REASONS: Readonly<Record<AutoBackupFailureReason, string>> = {
  permission: 'Adempauze may no longer save downloads (the permission was withdrawn). Turn automatic backups off and on again to allow it.',
  'disk-full': 'the disk is full. Free some space; the next backup tries again.',
  blocked: 'the browser or the computer blocked the download.',
  'access-denied': 'the Downloads folder could not be written to.',
  canceled: 'the download was cancelled.',
  read: 'the journal could not be read.',
  failed: 'the download did not finish.',
};

export const autoBackupEn = {
  autoHeading: 'Back up automatically',
  autoIntro:
    'Adempauze saves a copy of your whole journal into the folder Adempauze in your Downloads folder, on its own, without a dialog. It keeps the last 8 and removes older copies it made itself, never any other file. The copies stay on this computer.',
  autoSwitch: 'Back up automatically',
  autoPermissionHint: 'Turning it on asks your browser once to let Adempauze save downloads.',
  autoPermissionRefused: 'Automatic backups stay off: the browser did not allow Adempauze to save downloads.',
  autoFrequency: 'How often',
  autoWeekly: 'Every week',
  autoDaily: 'Every day',
  autoLast: 'Last automatic backup',
  /** `notes` counted in words (the journal's noteCount). */
  autoLastValue: (when: string, notes: string) => `${when}, ${notes}`,
  autoFile: 'File',
  autoNone: 'No automatic backup yet.',
  autoNext: 'Next',
  autoNextSoon: 'Soon, at a quiet moment',
  autoWriting: 'Writing a backup now…',
  autoNow: 'Back up now',
  autoEncrypted: 'Your journal is locked, so every backup is encrypted: it opens only with your passphrase or your recovery key.',
  autoReadable: 'Your journal has no lock, so these backups are readable by anyone who opens the files.',
  autoOfferLock: 'Set a passphrase',
  autoFailed: (when: string, reason: string) => `The automatic backup of ${when} did not work: ${reason}`,
  autoReason: (reason: AutoBackupFailureReason) => REASONS[reason],
  autoStateFailed: 'What automatic backups did could not be read from this browser.',
  autoUnreadable: 'What this browser kept about automatic backups could not be read, so they are off. Turn them on again to go on.',
  autoSurvives:
    'Removing the extension deletes the journal from this browser. The automatic backups in your Downloads folder stay: they are what survives, and Import below brings them back.',
  // The popup's notice.
  noticeFailedTitle: 'The automatic backup did not work',
  noticeFailed: (reason: string) => `The last automatic backup was not written: ${reason}`,
  noticeOpenBackup: 'Open Backup',
  noticeSuggestFirst: 'Keep your journal safe: Adempauze can back it up into your Downloads folder on its own, every week.',
  noticeSuggestTwenty: 'Your journal holds 20 notes now. Adempauze can back it up into your Downloads folder on its own, every week.',
  noticeSetUp: 'Set up automatic backups',
  noticeNotNow: 'Not now',
};

export type AutoBackupMessages = typeof autoBackupEn;
