import { useEffect, useState } from 'preact/hooks';
import { useLocale } from '@/utils/i18n/context';
import { useLookingBackJournalT, type LookingBackJournalMessages } from '@/utils/i18n/looking-back-journal';
import type { Note } from '@/utils/model/records';
import type { ComponentType } from 'preact';
import { readFirst, useOnThisDay, type FirstReads } from '@/utils/hooks/use-on-this-day';
import type { LookBack, OnThisDay as OnThisDayNote } from '@/utils/hooks/use-on-this-day';
import type { Loadable } from '@/utils/hooks/loadable';
import { useSettings } from '@/utils/hooks/use-settings';
import { hideOnThisDayOn, onThisDayHiddenOn } from '@/utils/storage/on-this-day';
import { logProblem } from '@/utils/log';
import './on-this-day.css';

/** Characters of an answer shown: enough to recognise it, short enough for three in a row. */
const EXCERPT_LENGTH = 100;

/** The start of an answer on one line, cut at a word where one is near, by characters (never half an emoji). */
export function excerpt(answer: string): string {
  const characters = [...answer.replace(/\s+/g, ' ').trim()];
  if (characters.length <= EXCERPT_LENGTH) return characters.join('');
  const cut = characters.slice(0, EXCERPT_LENGTH).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > EXCERPT_LENGTH * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const AGO = { week: 'onThisDayWeek', month: 'onThisDayMonth', year: 'onThisDayYear' } as const satisfies Record<
  LookBack,
  keyof LookingBackJournalMessages
>;

/** "A month ago", and when the note is from a day near it, which: "A month ago (2 days later)". */
function when(ago: LookBack, offset: number, t: LookingBackJournalMessages): string {
  return offset === 0 ? t[AGO[ago]] : `${t[AGO[ago]]} (${t.onThisDayNear(offset)})`;
}

export interface OnThisDayProps {
  /** Shows the note in the journal's list, with focus on it. */
  onOpen: (note: Note) => void;
  /** Told once the row is hidden for today, with what to announce: the control that had focus is gone. */
  onHidden: (announcement: string) => void;
  /** Answers are blurred for screen sharing; so are the excerpts. */
  answerHidden: boolean;
}

/**
 * A small row at the top of the journal: what the person wrote a week, a month and a year ago, each
 * opening its note. Nothing shows when nothing was written then, while the setting is off, or on a
 * day it was hidden.
 */
export function OnThisDay({ onOpen, onHidden, answerHidden, first }: OnThisDayProps & { first?: FirstReads }) {
  const t = useLookingBackJournalT();
  const settings = useSettings(first?.settings).state;
  const [hidden, setHidden] = useState(() => onThisDayHiddenOn(Date.now()));
  if (hidden || settings.status !== 'ready' || !settings.value.onThisDay) return null;

  function hide() {
    // If it cannot be kept, it stays hidden for this visit.
    hideOnThisDayOn(Date.now());
    setHidden(true);
    onHidden(t.onThisDayHidden);
  }
  return <OnThisDayRow onOpen={onOpen} onHide={hide} answerHidden={answerHidden} first={first?.found} />;
}

/**
 * On this day with its first reads made before it is shown (readFirst, started as this module
 * loads, beside the journal's first read), so the row is laid out in the render that mounts it:
 * left to its effects, the settings and then the notes were each read a frame after the one
 * before, and the row came well after the first screen it sits above.
 */
export async function withFirstReads(): Promise<ComponentType<OnThisDayProps>> {
  const first = await readFirst();
  return function OnThisDayRead(props: OnThisDayProps) {
    return <OnThisDay {...props} first={first} />;
  };
}

function OnThisDayRow({
  onOpen,
  onHide,
  answerHidden,
  first,
}: {
  onOpen: (note: Note) => void;
  onHide: () => void;
  answerHidden: boolean;
  first?: Loadable<readonly OnThisDayNote[]>;
}) {
  const t = useLookingBackJournalT();
  const locale = useLocale();
  const found = useOnThisDay(first);
  useEffect(() => {
    // Looking back is an extra: the journal below says for itself when notes cannot be read.
    if (found.status === 'failed') logProblem('On this day not read', found.error);
  }, [found]);
  if (found.status !== 'ready' || found.value.length === 0) return null;

  return (
    <section class={answerHidden ? 'on-this-day hide-excerpts' : 'on-this-day'} aria-labelledby="on-this-day-heading">
      <div class="on-this-day-top">
        <h2 id="on-this-day-heading">{t.onThisDayHeading}</h2>
        <button type="button" class="link-button" onClick={onHide}>
          {t.onThisDayHide}
        </button>
      </div>
      <ul class="on-this-day-items">
        {found.value.map(({ ago, offset, note }) => (
          <li key={ago}>
            <button type="button" class="on-this-day-item" onClick={() => onOpen(note)}>
              <span class="on-this-day-when">{when(ago, offset, t)}</span>{' '}
              <span class="on-this-day-excerpt" lang={note.unreadable ? locale : note.locale}>
                {note.unreadable ? t.noteUnreadable : excerpt(note.answer)}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
