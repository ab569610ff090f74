import { useEffect, useState } from 'preact/hooks';
import { useLocale } from '@/utils/i18n/context';
import { useLookingBackJournalT, type LookingBackJournalMessages } from '@/utils/i18n/looking-back-journal';
import type { Note } from '@/utils/model/records';
import { useOnThisDay } from '@/utils/hooks/use-on-this-day';
import type { LookBack } from '@/utils/hooks/use-on-this-day';
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

interface OnThisDayProps {
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
export function OnThisDay({ onOpen, onHidden, answerHidden }: OnThisDayProps) {
  const t = useLookingBackJournalT();
  const settings = useSettings().state;
  const [hidden, setHidden] = useState(() => onThisDayHiddenOn(Date.now()));
  if (hidden || settings.status !== 'ready' || !settings.value.onThisDay) return null;

  function hide() {
    // If it cannot be kept, it stays hidden for this visit.
    hideOnThisDayOn(Date.now());
    setHidden(true);
    onHidden(t.onThisDayHidden);
  }
  return <OnThisDayRow onOpen={onOpen} onHide={hide} answerHidden={answerHidden} />;
}

function OnThisDayRow({ onOpen, onHide, answerHidden }: { onOpen: (note: Note) => void; onHide: () => void; answerHidden: boolean }) {
  const t = useLookingBackJournalT();
  const locale = useLocale();
  const found = useOnThisDay();
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
