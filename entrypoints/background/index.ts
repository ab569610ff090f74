import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { parseMessage } from '@/utils/messages';
import { logFailure } from '@/utils/log';
import { PAUSE_ALARM } from '@/utils/schedule/schedule';
import { settingsChanged } from '@/utils/storage/settings';
import { endSession, LOCK_ALARM } from '@/utils/lock/names';
import { offerLockAtFirstRun } from '@/utils/storage/lock-offer';
import { suggestAutoBackupsAtFirstRun } from '@/utils/storage/auto-backup';
import { autoBackupChoiceChanged, backUpNow, checkAutoBackup, onBrowserStart, onDownloadChanged } from './auto-backup';
import { openPopupForTests } from './e2e';
import { ensureSyncAlarm, onSyncStorageChanged, SYNC_ALARM, SYNC_SOON_ALARM, syncNow } from './sync';
import { LATER_BUTTON, NOTIFICATION_ID, TAKE_BUTTON } from './offer';
import {
  ensureSchedule,
  EXPIRY_ALARM,
  handleMessage,
  later,
  onExpiryAlarm,
  onIdleStateChanged,
  onPauseAlarm,
  onSeam,
  onSeamAlarm,
  reschedule,
  SEAM_ALARM,
  takePause,
} from './scheduler';

// Wiring only. Listeners are registered synchronously on every start, so an event that woke the
// service worker is delivered; the logic lives in scheduler.ts.
export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    void reschedule(Date.now(), { installed: reason === 'install' });
    // A new journal: the popup offers the lock before the first word is written.
    if (reason === 'install') offerLockAtFirstRun().catch(logFailure('lock not offered'));
    // Automatic backups are suggested too, once the lock's offer is answered.
    if (reason === 'install') suggestAutoBackupsAtFirstRun().catch(logFailure('automatic backups not suggested'));
    void ensureSyncAlarm().catch(logFailure('sync alarm not set'));
  });
  // Vite replaces MODE with a constant, so every other build drops this line and the module. Only
  // Firefox needs it; in Chromium's test build an open popup would hold automatic backups back.
  if (import.meta.env.MODE === 'e2e' && import.meta.env.FIREFOX) browser.runtime.onInstalled.addListener(openPopupForTests);
  browser.runtime.onStartup.addListener(() => {
    void reschedule();
    // A backup due while the browser was closed comes soon after it opens, once.
    void onBrowserStart().catch(logFailure('automatic backup not checked at start'));
    // What the other browsers wrote while this one was closed (with the lock on: at the unlock).
    void ensureSyncAlarm().catch(logFailure('sync alarm not set'));
    void syncNow().catch(logFailure('sync at start failed'));
  });

  // The journal lock: removing the session key locks every open page. No more of the lock's code
  // is needed here; the key itself goes when the browser quits (storage.session is memory only).
  const lockJournal = () => void endSession().catch(logFailure('journal not locked'));

  browser.alarms.onAlarm.addListener((alarm) => {
    // Every alarm is a moment to look whether a backup is due: one missed (the worker ended) is made up.
    void checkAutoBackup().catch(logFailure('automatic backup not checked'));
    if (alarm.name === PAUSE_ALARM) void onPauseAlarm(alarm.scheduledTime);
    else if (alarm.name === EXPIRY_ALARM) void onExpiryAlarm();
    else if (alarm.name === SEAM_ALARM) void onSeamAlarm();
    else if (alarm.name === LOCK_ALARM) lockJournal();
    else if (alarm.name === SYNC_ALARM || alarm.name === SYNC_SOON_ALARM) void syncNow().catch(logFailure('sync failed'));
  });

  browser.idle.onStateChanged.addListener((state) => {
    if (state === 'locked') lockJournal();
    void onIdleStateChanged(state);
  });

  // An offer's notification waits for a seam, and a switch of tab or window is one. Listening wakes
  // the service worker on every switch in the browser, offer or not: the price of waiting for a seam
  // instead of breaking into a sentence. onSeam ends after one storage read when no offer waits.
  browser.tabs.onActivated.addListener(() => void onSeam());
  browser.windows.onFocusChanged.addListener(() => void onSeam());

  browser.notifications.onClicked.addListener((id) => {
    if (id === NOTIFICATION_ID) void takePause();
  });
  browser.notifications.onButtonClicked.addListener((id, button) => {
    if (id !== NOTIFICATION_ID) return;
    if (button === TAKE_BUTTON) void takePause();
    else if (button === LATER_BUTTON) void later();
  });

  browser.storage.onChanged.addListener((changes, area) => {
    if (settingsChanged(changes, area)) void reschedule();
    if (autoBackupChoiceChanged(changes, area)) void checkAutoBackup(Date.now(), true).catch(logFailure('automatic backup not planned'));
    onSyncStorageChanged(changes, area);
  });

  // Automatic backups follow their download to its end. The API exists only once `downloads` is
  // granted: listened to at every start from then on, and from the moment it is granted.
  const downloadChanged = (delta: { id: number; state?: { current?: string } }) =>
    void onDownloadChanged(delta).catch(logFailure('download not settled'));
  // Once per worker: this flag dies with it, as its listeners do.
  let listening = false;
  const listenToDownloads = () => {
    const downloads = browser.downloads as typeof browser.downloads | undefined;
    if (!downloads || listening) return;
    downloads.onChanged.addListener(downloadChanged);
    listening = true;
  };
  listenToDownloads();
  browser.permissions.onAdded.addListener(listenToDownloads);

  browser.runtime.onMessage.addListener((raw: unknown, _sender, sendResponse: () => void) => {
    const message = parseMessage(raw);
    // Answering only our own messages leaves others to their own listeners.
    if (!message) return false;
    // The page awaits its message until it has been handled: the channel stays open (true)
    // until sendResponse, whether the handling worked or not.
    (message.type === 'back-up-now' ? backUpNow() : message.type === 'sync-now' ? syncNow(true) : handleMessage(message))
      .catch(logFailure(`message "${message.type}" not handled`))
      .finally(sendResponse);
    return true;
  });

  // Every start, not only the browser's: the worker before this one may have ended half-way.
  void ensureSchedule();
});
