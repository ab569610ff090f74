import type { Prompt } from '@/content/prompts';
import { useLocale, useT } from '@/utils/i18n/context';

interface PromptViewProps {
  prompt: Prompt;
  /** The heading's id, so the answer field can name it as its description. */
  headingId: string;
}

/** One question or small step, as the article says it. */
export function PromptView({ prompt, headingId }: PromptViewProps) {
  const t = useT();
  const locale = useLocale();
  return (
    <section class="prompt" aria-labelledby={headingId}>
      <p class="prompt-kind">{prompt.kind === 'step' ? t.kindStep : t.kindQuestion}</p>
      {prompt.kind === 'step' ? (
        <>
          <h1 id={headingId} class="prompt-title">
            {prompt.title[locale]}
          </h1>
          <p class="prompt-text">{prompt.text[locale]}</p>
        </>
      ) : (
        <h1 id={headingId} class="prompt-title prompt-question">
          {prompt.text[locale]}
        </h1>
      )}
    </section>
  );
}
