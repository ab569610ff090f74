import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { NewPassphraseForm } from '@/components/NewPassphraseForm';
import { PageSection } from '@/components/PageSection';
import { RecoveryKeyCard } from '@/components/RecoveryKeyCard';
import { SecretField, useSecretEntry } from '@/components/SecretField';
import { Status } from '@/components/Status';
import { describeError } from '@/utils/errors';
import { useJournalT, useLocale } from '@/utils/i18n/context';
import { formatDateTime } from '@/utils/i18n/format';
import { useLockT } from '@/utils/i18n/lock';
import { useSyncT } from '@/utils/i18n/sync';
import { useSync, type SyncHandle, type SyncView } from '@/utils/hooks/use-sync';
import { readLock } from '@/utils/lock/keys';
import { logFailure } from '@/utils/log';
import {
  finishConnect,
  inspectServer,
  joinOnServer,
  journalFolder,
  lockPassphraseOpens,
  previewFirstSync,
  requestServerAccess,
  startOnServer,
  type Found,
} from '@/utils/sync/connect';
import type { SyncReport } from '@/utils/sync/engine';
import type { DavTarget } from '@/utils/sync/webdav';
import { DavError } from '@/utils/sync/webdav';
import type { SyncFailure } from '@/utils/sync/status';
import './sync.css';

/**
 * The Sync section: connecting to the person's own WebDAV server (the address, user name and app
 * password; the browser's permission for that one origin asked in the Connect click), starting a
 * journal there or joining one, with what the first sync will do shown before it does it; then
 * what each sync did, every failure in words, "Sync now" and "Disconnect".
 */
export function SyncSection() {
  const t = useSyncT();
  const sync = useSync();
  // Held here, not in the form: sync is set up by then, and the section already shows it connected.
  const [recoveryKey, setRecoveryKey] = useState<string>();
  if (recoveryKey)
    return (
      <PageSection name="sync" class="sync" title={t.syncHeading}>
        <RecoveryKeyCard
          recoveryKey={recoveryKey}
          heading={t.syncRecoveryHeading}
          explain={t.syncRecoveryExplain}
          onKept={() => setRecoveryKey(undefined)}
        />
      </PageSection>
    );
  return (
    <PageSection name="sync" class="sync" title={t.syncHeading} intro={t.syncIntro}>
      <Status state={sync.state} failed={() => t.syncStateFailed}>
        {(view) => (view.config ? <Connected sync={sync} view={view} /> : <Connect onStarted={setRecoveryKey} />)}
      </Status>
      <section class="card" aria-labelledby="sync-sees-heading">
        <h2 id="sync-sees-heading">{t.syncServerSeesHeading}</h2>
        <p>{t.syncServerSees}</p>
        <p>{t.syncWhat}</p>
      </section>
    </PageSection>
  );
}

/** A failure of setting up, in words: the server's own, or anything else with its message. */
function setUpProblem(error: unknown, reason: (failure: SyncFailure) => string): string {
  if (error instanceof DavError)
    return reason(error.failure === 'not-found' ? 'folder-missing' : error.failure === 'conflict' ? 'server' : error.failure);
  return describeError(error);
}

/**
 * A step of setting up that may fail: busy while it runs, and its problem in words (what `work`
 * resolves to, or the failure it threw), cleared when it runs again.
 */
function useAttempt() {
  const t = useSyncT();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  async function attempt(work: () => Promise<string | undefined>) {
    setBusy(true);
    setProblem('');
    try {
      setProblem((await work()) ?? '');
    } catch (error) {
      setProblem(t.syncFailedSetUp(setUpProblem(error, t.syncReason)));
    } finally {
      setBusy(false);
    }
  }
  return { busy, problem, setProblem, attempt };
}

type Step =
  | { readonly kind: 'form' }
  | { readonly kind: 'checking' }
  | { readonly kind: 'found'; readonly target: DavTarget; readonly found: Found; readonly lockOn: boolean }
  | {
      readonly kind: 'preview';
      readonly target: DavTarget;
      readonly key: Uint8Array<ArrayBuffer>;
      readonly keyId: string;
      readonly report: SyncReport;
    };

/** `onStarted` gets the recovery key of a journal started on the server, to be shown once. */
function Connect({ onStarted }: { onStarted: (recoveryKey: string) => void }) {
  const t = useSyncT();
  const [step, setStep] = useState<Step>({ kind: 'form' });
  const [problem, setProblem] = useState('');
  const [address, setAddress] = useState('');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const ids = { address: useId(), addressHint: useId(), user: useId(), password: useId(), passwordHint: useId(), problem: useId() };

  async function connect(event: Event) {
    event.preventDefault();
    setProblem('');
    const folder = journalFolder(address);
    if (typeof folder === 'string') {
      setProblem(folder === 'not-https' ? t.syncNotHttps : t.syncNotUrl);
      return;
    }
    // First, in the click itself: the browser asks only in answer to the person.
    const granted = await requestServerAccess(folder).catch(() => false);
    if (!granted) {
      setProblem(t.syncRefused(folder.origin));
      return;
    }
    setStep({ kind: 'checking' });
    const target: DavTarget = { folder: folder.href, user: user.trim(), password };
    try {
      const [found, lock] = await Promise.all([inspectServer(target), readLock()]);
      setStep({ kind: 'found', target, found, lockOn: lock !== undefined });
    } catch (error) {
      setStep({ kind: 'form' });
      setProblem(t.syncFailedSetUp(setUpProblem(error, t.syncReason)));
    }
  }

  if (step.kind === 'found')
    return <FoundStep step={step} onBack={() => setStep({ kind: 'form' })} onNext={setStep} onStarted={onStarted} />;
  if (step.kind === 'preview') return <PreviewStep step={step} onBack={() => setStep({ kind: 'form' })} />;
  const checking = step.kind === 'checking';
  return (
    <section class="card" aria-labelledby="sync-connect-heading">
      <h2 id="sync-connect-heading">{t.syncConnect}</h2>
      <form class="sync-form" onSubmit={(event) => void connect(event)} noValidate>
        <div class="field">
          <label for={ids.address}>{t.syncAddress}</label>
          <input
            id={ids.address}
            type="url"
            inputMode="url"
            autocomplete="url"
            spellcheck={false}
            required
            value={address}
            aria-describedby={`${ids.addressHint} ${ids.problem}`}
            aria-invalid={problem !== '' || undefined}
            onInput={(event) => setAddress(event.currentTarget.value)}
          />
          <p class="hint" id={ids.addressHint}>
            {t.syncAddressHint}
          </p>
        </div>
        <div class="field">
          <label for={ids.user}>{t.syncUser}</label>
          <input
            id={ids.user}
            type="text"
            autocomplete="username"
            spellcheck={false}
            required
            value={user}
            onInput={(event) => setUser(event.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for={ids.password}>{t.syncPassword}</label>
          <input
            id={ids.password}
            type="password"
            autocomplete="off"
            required
            value={password}
            aria-describedby={ids.passwordHint}
            onInput={(event) => setPassword(event.currentTarget.value)}
          />
          <p class="hint" id={ids.passwordHint}>
            {t.syncPasswordHint}
          </p>
        </div>
        <p class="problem" role="alert" id={ids.problem}>
          {problem}
        </p>
        <div class="actions">
          <button type="submit" class="primary" disabled={checking || address.trim() === '' || user.trim() === '' || password === ''}>
            {checking ? t.syncChecking : t.syncConnect}
          </button>
        </div>
      </form>
    </section>
  );
}

interface FoundStepProps {
  step: Extract<Step, { kind: 'found' }>;
  onBack: () => void;
  onNext: (step: Step) => void;
  onStarted: (recoveryKey: string) => void;
}

/** What the folder held: start a journal there (empty), join the one found, or say it is not ours. */
function FoundStep({ step, onBack, onNext, onStarted }: FoundStepProps) {
  const t = useSyncT();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const { found, target, lockOn } = step;
  const text = found.kind === 'empty' ? t.syncFoundEmpty : found.kind === 'journal' ? t.syncFoundJournal : t.syncFoundForeign;
  return (
    <section class="card" aria-labelledby="sync-found-heading">
      <h2 id="sync-found-heading" ref={heading} tabIndex={-1}>
        {t.syncConnect}
      </h2>
      <p role="status">{text}</p>
      {found.kind === 'empty' &&
        (lockOn ? (
          <StartWithLock target={target} onStarted={onStarted} />
        ) : (
          <StartWithNewPassphrase target={target} onStarted={onStarted} />
        ))}
      {found.kind === 'journal' && <Join target={target} keysFile={found.keys} onNext={onNext} />}
      <div class="actions">
        <button type="button" class="secondary" onClick={onBack}>
          {t.syncCancel}
        </button>
      </div>
    </section>
  );
}

/** Starting on an empty folder: the key made, keys.json written, sync set up, the first sync asked for, and the recovery key shown. */
async function start(target: DavTarget, passphrase: string): Promise<string> {
  const now = Date.now();
  const made = await startOnServer(target, passphrase, now);
  await finishConnect(target, made.key, made.keyId, now);
  void browser.runtime.sendMessage({ type: 'sync-now' }).catch(logFailure('first sync not started'));
  return made.recoveryKey;
}

function StartWithNewPassphrase({ target, onStarted }: { target: DavTarget; onStarted: (recoveryKey: string) => void }) {
  const t = useSyncT();
  return (
    <>
      <p>{t.syncChoosePassphrase}</p>
      <NewPassphraseForm
        label={t.syncPassphraseLabel}
        submitLabel={t.syncStart}
        busyLabel={t.syncStarting}
        autoFocus
        onSubmit={async (passphrase) => onStarted(await start(target, passphrase))}
        failed={t.syncFailedSetUp}
      />
    </>
  );
}

function StartWithLock({ target, onStarted }: { target: DavTarget; onStarted: (recoveryKey: string) => void }) {
  const t = useSyncT();
  const [passphrase, setPassphrase] = useState('');
  const { busy, problem, attempt } = useAttempt();
  const id = useId();
  const problemId = useId();
  function submit(event: Event) {
    event.preventDefault();
    void attempt(async () => {
      if (!(await lockPassphraseOpens(passphrase))) return t.syncWrongLockPassphrase;
      onStarted(await start(target, passphrase));
      return undefined;
    });
  }
  return (
    <form class="sync-form" onSubmit={submit}>
      <p>{t.syncLockPassphrase}</p>
      <div class="field">
        <label for={id}>{t.syncLockPassphraseLabel}</label>
        <input
          id={id}
          type="password"
          autocomplete="current-password"
          autoFocus
          value={passphrase}
          aria-invalid={problem !== '' || undefined}
          aria-describedby={problemId}
          onInput={(event) => setPassphrase(event.currentTarget.value)}
        />
      </div>
      <p class="problem" role="alert" id={problemId}>
        {problem}
      </p>
      <div class="actions">
        <button type="submit" class="primary" disabled={busy || passphrase === ''}>
          {busy ? t.syncStarting : t.syncStart}
        </button>
      </div>
    </form>
  );
}

function Join({
  target,
  keysFile,
  onNext,
}: {
  target: DavTarget;
  keysFile: Extract<Found, { kind: 'journal' }>['keys'];
  onNext: (step: Step) => void;
}) {
  const t = useSyncT();
  const lockT = useLockT();
  const entry = useSecretEntry();
  const { busy, problem, setProblem, attempt } = useAttempt();
  const id = useId();
  const problemId = useId();
  // On showing, and after switching between passphrase and recovery key (a new field).
  useEffect(() => entry.field.current?.focus(), [entry.field, entry.recovery]);
  function submit(event: Event) {
    event.preventDefault();
    const secret = entry.secret();
    if (!secret) return;
    void attempt(async () => {
      const opened = await joinOnServer(keysFile, secret);
      if (!opened) return t.syncWrongSecret;
      const report = await previewFirstSync(target, opened.key, opened.keyId);
      onNext({ kind: 'preview', target, key: opened.key, keyId: opened.keyId, report });
      return undefined;
    });
  }
  return (
    <form class="sync-form" onSubmit={submit}>
      <SecretField
        entry={entry}
        id={id}
        label={entry.recovery ? undefined : t.syncJoinLabel}
        autocomplete="off"
        busy={busy}
        invalid={problem !== ''}
        describedBy={[problemId]}
      />
      <p class="problem" role="alert" id={problemId}>
        {problem}
      </p>
      <div class="actions">
        <button type="submit" class="primary" disabled={busy || entry.value.trim() === ''}>
          {busy ? t.syncJoining : t.syncJoin}
        </button>
        <button
          type="button"
          class="secondary"
          disabled={busy}
          onClick={() => {
            entry.switchMode();
            setProblem('');
          }}
        >
          {entry.recovery ? lockT.unlockUsePassphrase : lockT.unlockUseRecovery}
        </button>
      </div>
    </form>
  );
}

/** What the first sync will do, before it does it: confirmed, sync is set up and runs. */
function PreviewStep({ step, onBack }: { step: Extract<Step, { kind: 'preview' }>; onBack: () => void }) {
  const t = useSyncT();
  const journalT = useJournalT();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const { report } = step;
  async function confirm() {
    setBusy(true);
    try {
      await finishConnect(step.target, step.key, step.keyId, Date.now());
      await browser.runtime.sendMessage({ type: 'sync-now' });
    } catch (error) {
      setProblem(t.syncFailedSetUp(describeError(error)));
      setBusy(false);
    }
  }
  return (
    <section class="card" aria-labelledby="sync-preview-heading">
      <h2 id="sync-preview-heading" ref={heading} tabIndex={-1}>
        {t.syncPreviewHeading}
      </h2>
      <p class="sync-preview">
        {t.syncPreview(
          journalT.noteCount(report.remoteNotes),
          journalT.noteCount(report.came),
          journalT.noteCount(report.went),
          report.conflicts,
        )}
      </p>
      <p class="problem" role="alert">
        {problem}
      </p>
      <div class="actions">
        <button type="button" class="primary" disabled={busy} onClick={() => void confirm()}>
          {t.syncConfirm}
        </button>
        <button type="button" class="secondary" disabled={busy} onClick={onBack}>
          {t.syncCancel}
        </button>
      </div>
    </section>
  );
}

/** Set up: where, what the last run did, its failure in words, files set aside, Sync now and Disconnect. */
function Connected({ sync, view }: { sync: SyncHandle; view: SyncView }) {
  const t = useSyncT();
  const journalT = useJournalT();
  const locale = useLocale();
  const { config, status } = view;
  const [asked, setAsked] = useState(false);
  if (!config) return null;
  const running = asked || status.runningSince !== undefined;
  function syncNow() {
    setAsked(true);
    sync
      .syncNow()
      .catch(logFailure('sync not run'))
      .finally(() => setAsked(false));
  }
  return (
    <section class="card" aria-labelledby="sync-status-heading">
      <h2 id="sync-status-heading">{t.syncHeading}</h2>
      <dl class="sync-status">
        <dt>{t.syncConnectedTo}</dt>
        <dd>
          <code translate={false}>{config.folder}</code> {t.syncAs} <code translate={false}>{config.user}</code>
        </dd>
        <dt>{t.syncLast}</dt>
        <dd>
          {status.lastSync === undefined
            ? t.syncNever
            : t.syncLastValue(formatDateTime(status.lastSync, locale), journalT.noteCount(status.came), journalT.noteCount(status.went))}
        </dd>
      </dl>
      {status.conflicts > 0 && <p>{t.syncConflicts(status.conflicts)}</p>}
      {status.failure && (
        <p role="alert" class="problem">
          {t.syncFailed(formatDateTime(status.failure.at, locale), t.syncReason(status.failure.kind))}
        </p>
      )}
      {status.setAside.map((aside) => (
        <p key={aside.file} class="problem">
          {t.syncSetAside(aside.file, aside.problem)}
        </p>
      ))}
      <p role="status" class="sync-running">
        {running ? t.syncRunning : ''}
      </p>
      <div class="actions">
        {/* Held back only by its own click: a run whose worker was ended would otherwise hold it until another worker starts. */}
        <button type="button" class="primary" disabled={asked} onClick={syncNow}>
          {t.syncNow}
        </button>
        <button type="button" class="secondary" onClick={() => void sync.disconnect().catch(logFailure('sync not disconnected'))}>
          {t.syncDisconnect}
        </button>
      </div>
    </section>
  );
}
