import { useJournalT } from '@/utils/i18n/context';

interface EditActionsProps {
  onSave: () => void;
  onCancel: () => void;
}

/** "Save changes" and "Cancel" under anything edited in place. */
export function EditActions({ onSave, onCancel }: EditActionsProps) {
  const t = useJournalT();
  return (
    <div class="actions">
      <button type="button" class="primary small" onClick={onSave}>
        {t.saveEdit}
      </button>
      <button type="button" class="secondary small" onClick={onCancel}>
        {t.cancelEdit}
      </button>
    </div>
  );
}
