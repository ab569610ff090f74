import { feelingWord, useFeelingsT } from '@/utils/i18n/feelings';
import type { Feeling } from '@/utils/model/records';
import { FEELINGS } from '@/utils/model/values';

interface FeelingChoicesProps {
  /** The feeling shown pressed; null: "No feeling" (when offered); undefined: none. */
  value: Feeling | null | undefined;
  /** Told which one was pressed, the pressed one too: what that means is the caller's to say. */
  onChoose: (feeling: Feeling | null) => void;
  /** The id of the question that names the group. */
  labelledBy: string;
  /** Offers "No feeling" after the five, in these words. */
  none?: string;
}

/**
 * The five feelings as a row of toggle buttons in a labelled group, the chosen one pressed: the
 * choice in the popup, the pause window and the journal. Words carry the meaning, not colours or
 * icons, and every chosen word looks the same (assets/base.css): no feeling is better than another.
 */
export function FeelingChoices({ value, onChoose, labelledBy, none }: FeelingChoicesProps) {
  const t = useFeelingsT();
  const choices: readonly (Feeling | null)[] = none === undefined ? FEELINGS : [...FEELINGS, null];
  return (
    <div class="feeling-choices" role="group" aria-labelledby={labelledBy}>
      {choices.map((feeling) => (
        // A button, never a submit: the popup's choice sits inside the answer form.
        <button key={feeling ?? 'none'} type="button" aria-pressed={value === feeling} onClick={() => onChoose(feeling)}>
          {feeling ? feelingWord(feeling, t) : none}
        </button>
      ))}
    </div>
  );
}
