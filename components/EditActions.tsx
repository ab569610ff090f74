import type { JournalMessages } from '@/utils/i18n/journal';

interface EditActionsProps {
  t: JournalMessages;
  onSave: () => void;
  onCancel: () => void;
}

/** "Save changes" and "Cancel" under anything edited in place. */
export function EditActions({ t, onSave, onCancel }: EditActionsProps) {
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
