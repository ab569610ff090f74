import type { ComponentChildren } from 'preact';
import { vi } from 'vitest';
import type { LockHandle, LockView, UnlockResult } from '@/utils/hooks/use-lock';
import { LanguageProvider } from '@/utils/i18n/context';
import { journalMessages } from '@/utils/i18n/journal';
import type { Locale } from '@/utils/i18n/locale';

/** What a successful unlock resolves to; the components never look at the keys. */
export const UNLOCKED: UnlockResult = {
  ok: true,
  keys: {
    dataKey: {} as CryptoKey,
    privateKey: {} as CryptoKey,
    macKey: {} as CryptoKey,
    keyId: 'k',
    sealedTo: 's',
    trustPlain: false,
    legacyRows: false,
  },
  problems: [],
};

export const OFF: LockView = { kind: 'off' };
export const LOCKED: LockView = { kind: 'locked', state: 'on', lockAfterMinutes: 15, warning: [], replacing: false };
export const UNLOCKED_ON: LockView = { kind: 'unlocked', state: 'on', lockAfterMinutes: 15, warning: [], replacing: false };

/** A lock handle showing `view`, whose steps are spies that succeed; a test overrides what it needs. */
export function fakeLock(view: LockView, overrides: Partial<LockHandle> = {}): LockHandle {
  return {
    state: { status: 'ready', value: view },
    settling: undefined,
    unlock: vi.fn(() => Promise.resolve(UNLOCKED)),
    lockNow: vi.fn(() => Promise.resolve()),
    turnOn: vi.fn(() => Promise.resolve('7KQ2-M9XD-AB3C-DEFG-HJ4K-MNPQ-RSTV-WXYZ')),
    turnOff: vi.fn(() => Promise.resolve()),
    changePassphrase: vi.fn(() => Promise.resolve(undefined)),
    dismissWarning: vi.fn(() => Promise.resolve()),
    setLockAfter: vi.fn(() => Promise.resolve()),
    ...overrides,
  };
}

/** A part of the journal's page inside the page's language, for render and rerender alike. */
export function inJournal(ui: ComponentChildren, locale: Locale = 'en') {
  const t = journalMessages(locale);
  return (
    <LanguageProvider locale={locale} t={t} journal={t}>
      {ui}
    </LanguageProvider>
  );
}
