import { useId } from 'preact/hooks';
import { FeelingChoices } from './FeelingChoices';
import { useLookingBackT } from '@/utils/i18n/looking-back';
import type { Feeling } from '@/utils/model/records';

interface FeelingPickerProps {
  /** The feeling chosen; undefined until the person picks one. */
  value: Feeling | undefined;
  onChange: (feeling: Feeling | undefined) => void;
}

/**
 * "How do you feel?" in the popup and the pause window: five words, one tap, none chosen to begin
 * with and none required. Pressing the chosen one again clears it.
 */
export function FeelingPicker({ value, onChange }: FeelingPickerProps) {
  const t = useLookingBackT();
  const labelId = `${useId()}-feelings`;
  return (
    <div class="feeling-picker">
      <p id={labelId} class="feeling-picker-label">
        {t.feelingsLabel}
      </p>
      <FeelingChoices
        value={value}
        labelledBy={labelId}
        onChoose={(feeling) => onChange(feeling === value ? undefined : (feeling ?? undefined))}
      />
    </div>
  );
}
