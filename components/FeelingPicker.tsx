import { useId } from 'preact/hooks';
import { useLookingBackT, type LookingBackMessages } from '@/utils/i18n/looking-back';
import type { Feeling } from '@/utils/model/records';
import { FEELINGS } from '@/utils/model/values';

/** Each feeling's word in the page's language. */
function feelingWords(t: LookingBackMessages): Readonly<Record<Feeling, string>> {
  return { heavy: t.pickHeavy, tense: t.pickTense, okay: t.pickOkay, calm: t.pickCalm, light: t.pickLight };
}

interface FeelingPickerProps {
  /** The feeling chosen; undefined until the person picks one. */
  value: Feeling | undefined;
  onChange: (feeling: Feeling | undefined) => void;
}

/**
 * "How do you feel?": five words, one tap, none chosen to begin with and none required. Pressing
 * the chosen one again clears it. Words carry the meaning, not colours or icons, and every chosen
 * word looks the same: no feeling is better than another.
 */
export function FeelingPicker({ value, onChange }: FeelingPickerProps) {
  const t = useLookingBackT();
  const words = feelingWords(t);
  const labelId = `${useId()}-feelings`;
  return (
    <div class="feeling-picker" role="group" aria-labelledby={labelId}>
      <p id={labelId} class="feeling-picker-label">
        {t.feelingsLabel}
      </p>
      <div class="feeling-picker-words">
        {FEELINGS.map((feeling) => (
          <button
            key={feeling}
            type="button"
            class="feeling-word"
            aria-pressed={value === feeling}
            onClick={() => onChange(value === feeling ? undefined : feeling)}
          >
            {words[feeling]}
          </button>
        ))}
      </div>
    </div>
  );
}
