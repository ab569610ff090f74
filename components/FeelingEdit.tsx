import { useEffect, useRef, useState } from 'preact/hooks';
import { FeelingChoices } from './FeelingChoices';
import type { ChangeOutcome } from './NoteCard';
import { feelingWord } from '@/utils/i18n/feelings';
import { useLookingBackJournalT } from '@/utils/i18n/looking-back-journal';
import type { Feeling, Note } from '@/utils/model/records';
import './feeling-edit.css';

interface FeelingEditProps {
  /** The note as shown when the choice began: the version a change is stored over. */
  note: Note;
  /** Stores `feeling` (null: none) over `base`, the version it replaces. */
  onChoose: (feeling: Feeling | null, base: Note) => Promise<ChangeOutcome>;
  /** The choice is over: stored, cancelled, or the note is gone. */
  onDone: () => void;
}

/**
 * How a note felt, chosen again: the five feelings and "No feeling" (FeelingChoices), the one
 * chosen now pressed. A choice is stored at once. When the note changed elsewhere since it was
 * shown, the person sees how it felt there and chooses which to keep.
 */
export function FeelingEdit({ note, onChoose, onDone }: FeelingEditProps) {
  const t = useLookingBackJournalT();
  const [base] = useState(note);
  const [problem, setProblem] = useState<string>();
  const [conflict, setConflict] = useState<{ mine: Feeling | null; current: Note }>();
  const row = useRef<HTMLDivElement>(null);
  const conflictPanel = useRef<HTMLDivElement>(null);
  const questionId = `feeling-question-${note.id}`;

  useEffect(() => {
    // The button that opened this is gone: focus starts on the feeling chosen now, as in a radio group.
    row.current?.querySelector<HTMLButtonElement>('[aria-pressed="true"]')?.focus();
  }, []);
  useEffect(() => {
    if (conflict) conflictPanel.current?.focus();
  }, [conflict]);

  async function choose(feeling: Feeling | null, over: Note) {
    if (feeling === (over.feeling ?? null)) return onDone();
    const outcome = await onChoose(feeling, over);
    if (outcome.kind === 'saved') onDone();
    else if (outcome.kind === 'problem') setProblem(outcome.message);
    else if (outcome.current) setConflict({ mine: feeling, current: outcome.current });
    // Deleted elsewhere: the card goes with the note, and the journal says so.
    else onDone();
  }

  const word = (feeling: Feeling | null | undefined) => (feeling ? feelingWord(feeling, t) : t.noFeeling);

  return (
    <div
      class="feeling-edit"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onDone();
      }}
    >
      {conflict ? (
        <div class="conflict" role="alert" tabIndex={-1} ref={conflictPanel}>
          <p>{t.feelingConflict(word(conflict.current.feeling))}</p>
          <div class="actions">
            <button type="button" class="secondary small" onClick={onDone}>
              {t.keepTheirFeeling}
            </button>
            <button type="button" class="primary small" onClick={() => void choose(conflict.mine, conflict.current)}>
              {t.useMyFeeling(word(conflict.mine))}
            </button>
          </div>
        </div>
      ) : (
        <>
          <p id={questionId} class="feeling-question">
            {t.feelingQuestion}
          </p>
          <div class="feeling-row" ref={row}>
            <FeelingChoices
              value={base.feeling ?? null}
              labelledBy={questionId}
              none={t.noFeeling}
              onChoose={(feeling) => void choose(feeling, base)}
            />
            <button type="button" class="link-button" onClick={onDone}>
              {t.cancelEdit}
            </button>
          </div>
          {problem && (
            <p class="problem" role="alert">
              {problem}
            </p>
          )}
        </>
      )}
    </div>
  );
}
