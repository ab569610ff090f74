/**
 * "Last time" read early: a quick page begins reading the earlier answer to the prompt it opened
 * on while its app is still loading (app.ts), and the app's first render shows it when it is in
 * (utils/hooks/use-last-answer.ts). A module without the database code, so that the hook can ask
 * for the answer synchronously and still load that code only when it reads itself.
 */
import type { LastAnswer } from '@/utils/db/last-answer';

interface EarlyRead {
  readonly promptId: string;
  readonly read: Promise<LastAnswer | null>;
  /** Set once the read succeeded. */
  answer?: { readonly value: LastAnswer | null };
}

/** The early read; 'taken' once a read was asked for, so that one begun later is never taken for fresh. */
let early: EarlyRead | 'taken' | undefined;

/** The kept read if it is for `promptId`. */
const keptFor = (promptId: string) => (early && early !== 'taken' && early.promptId === promptId ? early : undefined);

/** Keeps `read`, begun for `promptId`, for the first to show that prompt (takeEarlyRead), unless a read was asked for already. */
export function keepEarlyRead(promptId: string, read: Promise<LastAnswer | null>): void {
  if (early) return;
  const kept: EarlyRead = { promptId, read };
  // Its failure is the taker's to report; a read nobody takes fails silently.
  read.then(
    (value) => (kept.answer = { value }),
    () => undefined,
  );
  early = kept;
}

/** The early read's answer for `promptId` if it is in already, without taking the read. */
export function earlyAnswer(promptId: string): { readonly value: LastAnswer | null } | undefined {
  return keptFor(promptId)?.answer;
}

/** The early read if it is for `promptId` and the first read asked for; otherwise the asker reads afresh. */
export function takeEarlyRead(promptId: string): Promise<LastAnswer | null> | undefined {
  const read = keptFor(promptId)?.read;
  early = 'taken';
  return read;
}
