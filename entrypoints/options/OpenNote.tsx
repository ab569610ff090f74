import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { Row } from './JournalSection';

/** How long opening a note keeps looking for it while the list lays it out (tries 50 ms apart). */
const REVEAL_TRIES = 40;

/** The estimated height of rows `from` up to (not including) `to`, as the list estimates them. */
function estimatedHeight(rows: readonly Row[], from: number, to: number, estimateHeight: (row: Row) => number): number {
  let height = 0;
  for (let i = from; i < to; i++) height += estimateHeight(rows[i]!);
  return height;
}

/**
 * Scrolls the page towards row `target` of the virtual list in `list`, which lays out only the rows
 * near the window: from the rows laid out now, past the estimated heights of those in between,
 * as the list itself places rows it has not measured.
 */
function scrollTowards(list: HTMLElement, rows: readonly Row[], target: number, estimate: (row: Row) => number): void {
  const items = [...list.querySelectorAll<HTMLElement>('.vlist-item')];
  const first = items[0];
  const last = items.at(-1);
  const firstIndex = first ? rows.findIndex((row) => row.key === first.dataset.key) : -1;
  const lastIndex = firstIndex + items.length - 1;
  let y: number;
  if (!first || !last || firstIndex < 0) y = list.getBoundingClientRect().top + estimatedHeight(rows, 0, target, estimate);
  else if (target > lastIndex) y = last.getBoundingClientRect().bottom + estimatedHeight(rows, lastIndex + 1, target, estimate);
  else if (target < firstIndex) y = first.getBoundingClientRect().top - estimatedHeight(rows, target, firstIndex, estimate);
  // Laid out already, its note still being read: the next try finds it.
  else return;
  window.scrollTo({ top: window.scrollY + y - window.innerHeight / 3 });
}

interface OpenNoteProps {
  /** The note to show. */
  id: string;
  /** The journal's rows as listed now: the note is among them once read (or not yet). */
  rows: readonly Row[];
  /** The box holding the journal's virtual list. */
  list: RefObject<HTMLDivElement | null>;
  /** A row's height until the list has measured it, as the list estimates it. */
  estimate: (row: Row) => number;
  /** The note has focus, or was not found in time. */
  onDone: () => void;
}

/**
 * A note opened from On this day, shown in the journal's list with focus on it: the list lays out
 * only the rows near the window, so the page scrolls towards the note until its card is there.
 * Loaded with the first note opened (the journal's first screen does without it); renders nothing.
 */
export function OpenNote({ id, rows, list, estimate, onDone }: OpenNoteProps) {
  const done = useRef(onDone);
  done.current = onDone;

  useEffect(() => {
    const target = rows.findIndex((row) => row.kind === 'note' && row.id === id);
    let tries = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Not listed yet: the rows change once it is read; a note deleted meanwhile is not waited for.
    if (target < 0) timer = setTimeout(() => done.current(), REVEAL_TRIES * 50);
    else {
      const step = () => {
        const card = document.getElementById(`note-${id}`);
        if (card) {
          card.scrollIntoView({ block: 'center' });
          card.focus({ preventScroll: true });
          done.current();
        } else if (++tries > REVEAL_TRIES || !list.current) {
          done.current();
        } else {
          scrollTowards(list.current, rows, target, estimate);
          timer = setTimeout(step, 50);
        }
      };
      step();
    }
    return () => clearTimeout(timer);
  }, [id, rows, list, estimate]);

  return null;
}
