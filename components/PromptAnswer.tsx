import type { ComponentChildren } from 'preact';
import type { Prompt } from '@/content/prompts';
import { AnswerForm, type SaveState } from './AnswerForm';
import { PromptView } from './PromptView';

interface PromptAnswerProps {
  prompt: Prompt;
  text: string;
  saveState: SaveState;
  notice: string | undefined;
  onInput: (text: string) => void;
  onSave: () => void;
  /** Extra actions beside Save. */
  children?: ComponentChildren;
}

/** A prompt and the field to answer it: the heart of the popup and the pause window alike. */
export function PromptAnswer({ prompt, text, saveState, notice, onInput, onSave, children }: PromptAnswerProps) {
  return (
    <>
      {/* Announces a new prompt (after "Another one"); live regions stay quiet on first render. */}
      <div aria-live="polite">
        <PromptView prompt={prompt} headingId="prompt-heading" />
      </div>
      <AnswerForm value={text} saveState={saveState} describedBy="prompt-heading" notice={notice} onInput={onInput} onSave={onSave}>
        {children}
      </AnswerForm>
    </>
  );
}
