import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { backupReminder, type BackupCheck, type BackupProblem, type ImportSummary } from '@/utils/backup/backup';
import { SecretField, useSecretEntry } from '@/components/SecretField';
import { useLockT } from '@/utils/i18n/lock';
import { JournalLockedError } from '@/utils/errors';
import { WrongSecretError } from '@/utils/lock/wrong-secret';
import { useBackup, type ExportFile } from '@/utils/hooks/use-backup';
import { formatDateTime } from '@/utils/i18n/format';
import { useJournalT, useLocale } from '@/utils/i18n/context';
import { importProblem, leftOutMessage, readProblem, type LeftOut } from '@/utils/i18n/journal';
import { useLockFileT } from '@/utils/i18n/lock-file';
import type { Secret } from '@/utils/lock/secrets';
import type { LockedBackup } from '@/utils/model/backup';
import './backup.css';
import { PageSection } from '@/components/PageSection';
import { AutoBackupCard } from './AutoBackupCard';
import { LockedBackupForm } from './LockedBackupForm';

/** How many problems of a refused file are listed; the rest are counted. */
const PROBLEMS_SHOWN = 5;

type ExportState =
  | { status: 'idle' }
  | { status: 'working' }
  | { status: 'done'; fileName: string; leftOut: LeftOut; encrypted: boolean }
  | { status: 'error'; error: unknown };

type ImportState =
  | { status: 'idle' }
  | { status: 'checking' }
  | { status: 'importing'; done: number; total: number }
  | { status: 'done'; summary: ImportSummary; leftOut: LeftOut }
  | { status: 'invalid'; problems: readonly BackupProblem[] }
  /** A locked backup, waiting for the passphrase or recovery key it was made with. */
  | { status: 'locked'; backup: LockedBackup }
  | { status: 'error'; error: unknown };

/**
 * Saves text as a file through a temporary link: the extension has no downloads permission and
 * needs none for a file the person asked for.
 */
function download(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  // Firefox only follows a link that is in the document.
  document.body.append(link);
  link.click();
  link.remove();
  // The browser may still be reading the blob after click() returns; revoking at once can cancel it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Lets the next task run, so a status set just before heavy synchronous work is painted first. */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Export (JSON, Markdown, print) and import of everything Adempauze keeps, with a reminder to export now and then. */
export function BackupSection() {
  const t = useJournalT();
  const lockFileT = useLockFileT();
  // The lock's strings come with the passphrase field this section already loads (SecretField).
  const lockT = useLockT();
  const locale = useLocale();
  const backup = useBackup();
  const [exportState, setExportState] = useState<ExportState>({ status: 'idle' });
  const [importState, setImportState] = useState<ImportState>({ status: 'idle' });
  const [confirmingPlain, setConfirmingPlain] = useState(false);
  const fileInputId = useId();
  const hintId = useId();
  const importStatusId = useId();
  const plainWarningId = useId();
  const plainStart = useRef<HTMLButtonElement>(null);
  const plainConfirm = useRef<HTMLButtonElement>(null);
  const askedPlain = useRef(false);
  const plainSecret = useSecretEntry();
  const plainField = plainSecret.field;
  const plainSecretId = useId();
  const [plainProblem, setPlainProblem] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  /** Counts the files chosen (and put aside), so opening a locked one that is no longer the current file writes nothing. */
  const chosen = useRef(0);

  // The button pressed gives way to the warning and comes back after it: the focus follows.
  useEffect(() => {
    if (confirmingPlain) plainField.current?.focus();
    else if (askedPlain.current) plainStart.current?.focus();
    askedPlain.current = confirmingPlain;
  }, [confirmingPlain, plainField]);

  // With the lock on, the JSON export is encrypted; a file without encryption is a choice of its own.
  const lockOn = backup.lockOn.status === 'ready' && backup.lockOn.value;

  const exporting = exportState.status === 'working';
  const importing = importState.status === 'checking' || importState.status === 'importing';

  async function exportFile(make: () => Promise<ExportFile>, type: string) {
    setExportState({ status: 'working' });
    try {
      const { fileName, text, leftOut, encrypted } = await make();
      download(fileName, text, type);
      setExportState({ status: 'done', fileName, leftOut, encrypted });
    } catch (error) {
      setExportState({ status: 'error', error });
    }
  }

  function openPrintView() {
    void browser.tabs.create({ url: browser.runtime.getURL('/print.html') });
  }

  function exportPlain() {
    const secret = plainSecret.secret();
    if (!secret) {
      setPlainProblem(lockT.backupPlainSecretMissing);
      plainSecret.field.current?.focus();
      return;
    }
    setPlainProblem('');
    plainSecret.setValue('');
    setConfirmingPlain(false);
    void exportFile(() => backup.exportUnencrypted(secret), 'application/json');
  }

  /** Writes a checked backup, with progress; `leftOut` is what a locked backup held that could not be read. */
  async function applyChecked(check: BackupCheck & { ok: true }, leftOut: LeftOut) {
    const summary = await backup.apply(check, (done, total) => setImportState({ status: 'importing', done, total }));
    setImportState({ status: 'done', summary, leftOut });
  }

  async function importFile(input: HTMLInputElement) {
    const file = input.files?.[0];
    // Cleared, so choosing the same file again (after fixing it, or to retry) still counts as a change.
    input.value = '';
    if (!file) return;
    chosen.current++;
    setImportState({ status: 'checking' });
    try {
      await nextTask();
      const check = await backup.check(file, t, lockFileT);
      if (check.ok) await applyChecked(check, {});
      else if (check.locked) setImportState({ status: 'locked', backup: check.locked });
      else setImportState({ status: 'invalid', problems: check.problems });
    } catch (error) {
      setImportState({ status: 'error', error });
    }
  }

  /** Opens the locked backup with `secret` and imports it; false when the secret does not open it. */
  async function openLocked(locked: LockedBackup, secret: Secret): Promise<boolean> {
    const file = chosen.current;
    try {
      const opened = await backup.openLocked(locked, secret, t);
      // Another file was chosen, or this one put aside, while the key was being derived.
      if (file !== chosen.current) return true;
      if ('wrongSecret' in opened) return false;
      if (!opened.ok) {
        setImportState({ status: 'invalid', problems: opened.problems });
        return true;
      }
      setImportState({ status: 'checking' });
      await applyChecked(opened, opened.leftOut);
    } catch (error) {
      setImportState({ status: 'error', error });
    }
    return true;
  }

  function putLockedAside() {
    chosen.current++;
    setImportState({ status: 'idle' });
    fileInput.current?.focus();
  }

  // Without the date (unreadable) the reminder still shows: better one reminder too many than none.
  const lastBackupAt =
    backup.lastBackupAt.status === 'loading'
      ? undefined
      : { at: backup.lastBackupAt.status === 'ready' ? backup.lastBackupAt.value : undefined };
  const reminder = lastBackupAt && backupReminder(lastBackupAt.at, Date.now());

  let importStatus = '';
  if (importState.status === 'checking') importStatus = t.backupChecking;
  else if (importState.status === 'importing') importStatus = t.backupImporting(importState.done, importState.total);
  else if (importState.status === 'locked') importStatus = t.backupLockedAsk;
  else if (importState.status === 'done')
    importStatus = `${t.backupImported(importState.summary)} ${leftOutMessage(importState.leftOut, t, t.backupNotImported)}`.trim();

  let exportStatus = '';
  if (exportState.status === 'working') exportStatus = t.backupExporting;
  else if (exportState.status === 'done')
    exportStatus = [
      t.backupExported(exportState.fileName),
      exportState.encrypted ? t.backupExportedEncrypted : '',
      leftOutMessage(exportState.leftOut, t),
    ]
      .filter(Boolean)
      .join(' ');

  return (
    <PageSection name="backup" class="backup" title={t.backupTitle}>
      <div class="backup-last">
        <p>{t.backupIntro}</p>
        {lastBackupAt && (
          <p class="muted">
            {lastBackupAt.at === undefined ? t.backupNoExportYet : t.backupLastExport(formatDateTime(lastBackupAt.at, locale))}
          </p>
        )}
        {(reminder === 'none' || reminder === 'old') && (
          <p class="backup-reminder">{reminder === 'none' ? t.backupReminderNone : t.backupReminderOld}</p>
        )}
      </div>

      <AutoBackupCard lockOn={lockOn} />

      <section class="card backup-card" aria-labelledby="backup-export-heading">
        <h2 id="backup-export-heading">{t.backupExportHeading}</h2>
        <div class="actions">
          <button type="button" class="primary" disabled={exporting} onClick={() => void exportFile(backup.exportJson, 'application/json')}>
            {lockOn ? t.backupExportLockedJson : t.backupExportJson}
          </button>
          {lockOn && !confirmingPlain && (
            <button type="button" class="secondary" ref={plainStart} disabled={exporting} onClick={() => setConfirmingPlain(true)}>
              {t.backupExportPlain}
            </button>
          )}
          <button
            type="button"
            class="secondary"
            disabled={exporting}
            onClick={() => void exportFile(() => backup.exportMarkdown(locale, t), 'text/markdown;charset=utf-8')}
          >
            {t.backupExportMarkdown}
          </button>
          <button type="button" class="secondary" onClick={openPrintView}>
            {t.backupPrint}
          </button>
        </div>
        {lockOn && confirmingPlain && (
          <div class="backup-confirm" role="group" aria-labelledby={plainWarningId}>
            <p id={plainWarningId}>{t.backupPlainWarning}</p>
            <SecretField
              entry={plainSecret}
              id={plainSecretId}
              label={lockT.backupPlainSecretLabel}
              autocomplete="current-password"
              busy={exporting}
              invalid={plainProblem !== ''}
              describedBy={[plainProblem && `${plainSecretId}-problem`]}
            />
            <p id={`${plainSecretId}-problem`} class="problem" role="alert">
              {plainProblem}
            </p>
            <div class="actions">
              <button type="button" class="secondary" ref={plainConfirm} disabled={exporting} onClick={exportPlain}>
                {t.backupPlainConfirm}
              </button>
              <button
                type="button"
                class="primary"
                onClick={() => {
                  setPlainProblem('');
                  plainSecret.setValue('');
                  setConfirmingPlain(false);
                }}
              >
                {t.backupPlainCancel}
              </button>
            </div>
          </div>
        )}
        <p class="hint">{lockOn ? `${t.backupExportHint} ${t.backupExportLockedHint}` : t.backupExportHint}</p>
        <p role="status" class="backup-status">
          {exportStatus}
        </p>
        {exportState.status === 'error' && (
          <p role="alert" class="problem">
            {/* A readable copy (Markdown, or JSON without encryption) needs the journal unlocked. */}
            {exportState.error instanceof WrongSecretError
              ? lockT.backupPlainWrongSecret
              : exportState.error instanceof JournalLockedError
                ? t.backupExportLocked
                : readProblem(exportState.error, t, t.backupExportFailed)}
          </p>
        )}
      </section>

      <section class="card backup-card" aria-labelledby="backup-import-heading">
        <h2 id="backup-import-heading">{t.backupImportHeading}</h2>
        <p class="hint" id={hintId}>
          {t.backupImportHint}
        </p>
        <div class="backup-file">
          <label for={fileInputId}>{t.backupImportLabel}</label>
          <input
            id={fileInputId}
            ref={fileInput}
            type="file"
            accept="application/json,.json"
            aria-describedby={hintId}
            disabled={importing}
            onChange={(event) => void importFile(event.currentTarget)}
          />
        </div>
        {importing && (
          <progress
            class="backup-progress"
            aria-label={t.backupProgressLabel}
            // Without a value the bar shows that work is going on while the file is checked.
            value={importState.status === 'importing' ? importState.done : undefined}
            max={importState.status === 'importing' ? Math.max(importState.total, 1) : undefined}
          />
        )}
        <p role="status" class="backup-status" id={importStatusId}>
          {importStatus}
        </p>
        {importState.status === 'locked' && importState.backup.lock.createdAt !== undefined && (
          // Which key opens it: after a key was replaced, an older backup needs the passphrase of its time.
          <p class="hint">
            {lockT.backupLockedKey(
              formatDateTime(importState.backup.lock.createdAt, locale),
              (importState.backup.lock.keyId ?? '').slice(0, 8),
            )}
          </p>
        )}
        {importState.status === 'locked' && (
          <LockedBackupForm
            // A new form for each chosen file: nothing typed for one file carries over to the next.
            key={importState.backup.sealed.epk}
            describedBy={importStatusId}
            open={(secret) => openLocked(importState.backup, secret)}
            onCancel={putLockedAside}
          />
        )}
        {importState.status === 'invalid' && (
          <div role="alert" class="backup-problems">
            <p>{t.backupInvalid}</p>
            <ul>
              {importState.problems.slice(0, PROBLEMS_SHOWN).map((problem, index) => (
                <li key={index}>
                  {problem.path === '' ? (
                    problem.message
                  ) : (
                    <>
                      <code>{problem.path}</code>: {problem.message}
                    </>
                  )}
                </li>
              ))}
            </ul>
            {importState.problems.length > PROBLEMS_SHOWN && <p>{t.backupMoreProblems(importState.problems.length - PROBLEMS_SHOWN)}</p>}
          </div>
        )}
        {importState.status === 'error' && (
          <p role="alert" class="problem">
            {importProblem(importState.error, t)}
          </p>
        )}
      </section>
    </PageSection>
  );
}
