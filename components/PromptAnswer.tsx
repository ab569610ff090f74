import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Prompt } from '@/content/prompts';
import { logFailure } from '@/utils/log';
import type { Feeling, Note } from '@/utils/model/records';
import { AnswerForm, type SaveState } from './AnswerForm';
import { PromptView } from './PromptView';

interface PromptAnswerProps {
  prompt: Prompt;
  text: string;
  saveState: SaveState;
  notice: string | undefined;
  onInput: (text: string) => void;
  /** Saves the answer with the feeling chosen, if any; resolves to the note once stored. */
  onSave: (feeling?: Feeling) => Promise<Note | undefined>;
  /** Opens the journal at a link's address (from "Last time"); each page knows how. */
  onOpenJournal: (url: string) => void;
  /** Extra actions beside Save. */
  children?: ComponentChildren;
}

/** The parts around the answer that load after the first paint. */
type Later = typeof import('./answer-extras');

/** Those parts once loaded in this page, so a render after that has them at once. */
let extras: Later | undefined;

/** Loads the parts after the first paint: the quick pages start this beside their app (utils/first-paint/app.ts). */
export function loadAnswerExtras(): Promise<Later> {
  return import('./answer-extras').then((loaded) => (extras = loaded));
}

/** A prompt and the field to answer it: the heart of the popup and the pause window alike. */
export function PromptAnswer({ prompt, text, saveState, notice, onInput, onSave, onOpenJournal, children }: PromptAnswerProps) {
  // When this prompt was shown. "Last time" looks only before it, so the answer saved here never
  // becomes its own last time; and a feeling chosen goes with this showing of the prompt only.
  const shown = useRef<{ prompt: Prompt; at: number } | undefined>(undefined);
  if (shown.current?.prompt !== prompt) shown.current = { prompt, at: Date.now() };
  const shownAt = shown.current.at;
  const [chosen, setChosen] = useState<{ shownAt: number; feeling: Feeling }>();
  const feeling = chosen?.shownAt === shownAt ? chosen.feeling : undefined;
  const [later, setLater] = useState(() => extras);

  useEffect(() => {
    // Secondary to the prompt: their code loads after it is painted (scripts/sizes.mjs).
    loadAnswerExtras().then(setLater).catch(logFailure('last time and feelings not shown'));
  }, []);

  async function save() {
    if (await onSave(feeling)) setChosen(undefined);
  }

  return (
    <>
      {/* Announces a new prompt (after "Another one"); live regions stay quiet on first render. */}
      <div aria-live="polite">
        <PromptView prompt={prompt} headingId="prompt-heading" />
      </div>
      <AnswerForm
        value={text}
        saveState={saveState}
        describedBy="prompt-heading"
        notice={notice}
        onInput={onInput}
        onSave={() => void save()}
        feelings={later && <later.FeelingPicker value={feeling} onChange={(next) => setChosen(next && { shownAt, feeling: next })} />}
      >
        {children}
      </AnswerForm>
      {later && <later.LastTime key={shownAt} promptId={prompt.id} shownAt={shownAt} onOpenJournal={onOpenJournal} />}
    </>
  );
}
