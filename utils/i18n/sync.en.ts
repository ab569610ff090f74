/**
 * The English words of sync: the Sync section and the popup's notice of a failure (once). Their own
 * module, loaded with those parts. English defines the shape.
 */
import { syncFailuresEn } from './sync-failures.en';

const PROBLEMS: Readonly<Record<string, string>> = {
  damaged: 'is damaged or incomplete',
  'other-key': 'is encrypted with another key',
  'wrong-place': 'holds another file’s content',
  'rolled-back': 'is an older version than one already seen',
  'newer-format': 'was written by a newer version of Adempauze',
};

export const syncEn = {
  syncHeading: 'Sync',
  syncIntro:
    'Keep one journal on every browser you use, through your own WebDAV server: Nextcloud, ownCloud, a NAS or any WebDAV host. Everything is encrypted in this browser before it leaves; the server holds only ciphertext and never sees your passphrase or key.',
  syncWhat: 'Notes (with feelings and tags), your own prompts, hidden prompts and deletions travel. Unsaved answers stay in each browser.',
  syncAddress: 'Server address',
  syncAddressHint:
    'For Nextcloud: https://your.cloud/remote.php/dav/files/USERNAME/ (in Files, Settings at the bottom left, under WebDAV). Adempauze keeps its files in a folder Adempauze there.',
  syncUser: 'User name',
  syncPassword: 'App password',
  syncPasswordHint:
    'In Nextcloud: Settings → Security → Devices & sessions → Create new app password. Your browser asks once to let Adempauze reach this server.',
  syncConnect: 'Connect',
  syncChecking: 'Checking the server…',
  syncNotUrl: 'That is not a web address. It starts with https://.',
  syncNotHttps: 'Use an https:// address: the password would otherwise cross the network readable.',
  syncRefused: (origin: string) => `Sync stays off: the browser did not allow Adempauze to reach ${origin}.`,
  syncFoundEmpty: 'The folder Adempauze on your server is empty. Start sync from this browser.',
  syncFoundJournal: 'The folder Adempauze holds a journal from another browser. Join it with its sync passphrase or its recovery key.',
  syncFoundForeign: 'The folder Adempauze holds files Adempauze did not write. Choose another server folder, or empty this one.',
  syncLockPassphrase: 'Your lock’s passphrase also protects sync. Type it to go on.',
  syncLockPassphraseLabel: 'Lock passphrase',
  syncChoosePassphrase:
    'Choose a sync passphrase. It encrypts your journal on the server; every browser that joins needs it, or the recovery key you get next.',
  syncPassphraseLabel: 'Sync passphrase',
  syncStart: 'Start sync',
  syncStarting: 'Encrypting…',
  syncJoinLabel: 'Sync passphrase',
  syncJoin: 'Join',
  syncJoining: 'Opening…',
  syncWrongSecret: 'That does not open the journal on the server. Check the passphrase or recovery key.',
  syncWrongLockPassphrase: 'That is not your lock’s passphrase.',
  syncPreviewHeading: 'What the first sync will do',
  syncPreview: (remote: string, came: string, went: string, conflicts: number) =>
    `The server holds ${remote}. ${came} will come into this browser and ${went} will go to the server.` +
    (conflicts > 0 ? ` ${conflicts} changed in both places: both texts are kept.` : ' Nothing is deleted.'),
  syncConfirm: 'Sync now',
  syncCancel: 'Cancel',
  syncRecoveryHeading: 'Your sync recovery key',
  syncRecoveryExplain:
    'With this key another browser can join your journal if the passphrase is forgotten. Keep it somewhere safe, away from this computer. It is shown only now.',
  syncFailedSetUp: (detail: string) => `Sync could not be set up: ${detail}`,
  syncConnectedTo: 'Connected to',
  syncAs: 'as',
  syncLast: 'Last sync',
  syncNever: 'Not yet',
  syncLastValue: (when: string, came: string, went: string) => `${when}: ${came} came in, ${went} went out`,
  syncConflicts: (count: number) =>
    `${count} ${count === 1 ? 'note was' : 'notes were'} changed in two places; both texts are kept, the copy marked in the journal.`,
  syncRunning: 'Syncing…',
  syncNow: 'Sync now',
  syncDisconnect: 'Disconnect',
  ...syncFailuresEn,
  syncFailed: (when: string, reason: string) => `The sync of ${when} did not work: ${reason}`,
  syncSetAside: (file: string, problem: string) =>
    `The file ${file} on the server ${PROBLEMS[problem] ?? 'could not be read'}. It was set aside: nothing of it was applied, and it was not written over.`,
  syncServerSeesHeading: 'What the server can see',
  syncServerSees:
    'How many files there are (at most 258), their sizes and when they change. Not a word of what you write, not your feelings, tags or prompts.',
  syncStateFailed: 'What sync did could not be read from this browser.',
};

export type SyncMessages = typeof syncEn;
