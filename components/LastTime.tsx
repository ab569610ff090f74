import { useState } from 'preact/hooks';
import { useLastAnswer } from '@/utils/hooks/use-last-answer';
import { useLocale } from '@/utils/i18n/context';
import { formatDateTime } from '@/utils/i18n/format';
import { formatAgo, useLookingBackT } from '@/utils/i18n/looking-back';
import { readHideAnswers } from '@/utils/storage/hide-answers';

interface LastTimeProps {
  promptId: string;
  /** When the prompt was shown: only answers written before it count. */
  shownAt: number;
  /** Opens the journal at a link's address; the page knows how (the popup closes itself). */
  onOpenJournal: (url: string) => void;
}

/**
 * "Last time (3 weeks ago)": a collapsed line that opens to the person's latest earlier answer to
 * this prompt, with a way to all of them in the journal. Nothing at all when there is none. Under
 * "Hide answers" the text stays blurred, as in the journal, until focus or the pointer rests on it:
 * opening the line is not choosing to show an answer on a shared screen. While the journal is
 * locked the text is not read, and the line says where to unlock it.
 */
export function LastTime({ promptId, shownAt, onOpenJournal }: LastTimeProps) {
  const t = useLookingBackT();
  const locale = useLocale();
  const state = useLastAnswer(promptId, shownAt);
  const [hidden] = useState(readHideAnswers);
  if (state.status !== 'ready' || !state.value) return null;
  const last = state.value;
  const createdAt = last.kind === 'note' ? last.note.createdAt : last.createdAt;

  const link = (address: string, text: string) => (
    <a
      href={`options.html#${address}`}
      target="_blank"
      onClick={(event) => {
        event.preventDefault();
        onOpenJournal(event.currentTarget.href);
      }}
    >
      {text}
    </a>
  );

  return (
    <details class={hidden ? 'last-time hide-answers' : 'last-time'}>
      <summary>{t.lastTime(formatAgo(createdAt, Date.now(), locale))}</summary>
      {last.kind === 'locked' ? (
        <p>{link('journal', t.lastTimeLocked)}</p>
      ) : last.note.unreadable ? (
        <p class="muted">{t.lastTimeUnreadable}</p>
      ) : (
        // Focusable while blurred, so a keyboard can bring it into view as the pointer does.
        <p class="note-answer" lang={last.note.locale} tabIndex={hidden ? 0 : undefined}>
          {last.note.answer}
        </p>
      )}
      <p class="hint">
        <time dateTime={new Date(createdAt).toISOString()}>{formatDateTime(createdAt, locale)}</time>
      </p>
      {last.kind === 'note' && <p>{link(`journal?prompt=${encodeURIComponent(promptId)}`, t.lastTimeAllAnswers)}</p>}
    </details>
  );
}
