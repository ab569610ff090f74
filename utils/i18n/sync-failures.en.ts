/**
 * The English words of a failed sync: the popup's notice (once) and, through sync.en.ts, the Sync
 * section. Their own module, so the popup's notice loads only these. English defines the shape.
 */
import type { SyncFailure } from '@/utils/sync/status';

/** Why the last sync did not work, as the end of a sentence. */
const FAILURES: Readonly<Record<SyncFailure, string>> = {
  auth: 'the server refused the user name or app password. Check them, or make a new app password.',
  forbidden: 'the server does not allow this user to write in that folder.',
  unreachable: 'the server could not be reached, or its certificate is not trusted. Sync tries again later.',
  'folder-missing': 'the folder Adempauze is no longer on the server. Disconnect and connect again to start it anew.',
  'no-space': 'the server is out of space. Free some space there; sync tries again later.',
  timeout: 'the server took too long to answer. Sync tries again later.',
  server: 'the server answered with an error. Sync tries again later.',
  'bad-answer': 'the answer was not from a WebDAV server. Check the address.',
  'other-key': 'the journal on the server was started again with another key, by another browser. Disconnect and connect again to join it.',
  'no-secrets': 'the stored password and key could not be read here. Disconnect and connect again.',
  storage: 'this browser could not store what came in.',
};

export const syncFailuresEn = {
  noticeSyncFailedTitle: 'Sync did not work',
  noticeSyncFailed: (reason: string) => `The last sync did not work: ${reason}`,
  noticeOpenSync: 'Open Sync',
  syncReason: (failure: SyncFailure) => FAILURES[failure],
};

export type SyncFailureMessages = typeof syncFailuresEn;
