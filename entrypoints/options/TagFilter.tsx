import { useState } from 'preact/hooks';
import { useLocale } from '@/utils/i18n/context';
import { formatNumber } from '@/utils/i18n/format';
import { useLookingBackJournalT } from '@/utils/i18n/looking-back-journal';
import type { TagCount } from '@/utils/search/tag-tally';

/** Tags shown before "More tags": the most used, enough for a glance. */
const FIRST_TAGS = 12;

interface TagFilterProps {
  /** Every tag with its count, most used first (tagCounts). */
  tags: readonly TagCount[];
  /** The key of the tag filtered by, if any. */
  active: string | undefined;
  /** Filters by a tag's key, or by none. */
  onChange: (tag: string | undefined) => void;
}

/**
 * The `#tags` written in answers, most used first, each a toggle that filters the journal by it
 * (with the search and the other filters). A long list shows its first tags and "More tags"; the
 * tag filtered by always shows, pressed, so it can be seen and cleared.
 */
export function TagFilter({ tags, active, onChange }: TagFilterProps) {
  const t = useLookingBackJournalT();
  const locale = useLocale();
  const [all, setAll] = useState(false);
  const first = all ? tags : tags.slice(0, FIRST_TAGS);
  const activeTag = tags.find((tag) => tag.key === active);
  const shown = activeTag && !first.includes(activeTag) ? [...first, activeTag] : first;

  return (
    <div class="tag-filter" role="group" aria-labelledby="tag-filter-label">
      <span id="tag-filter-label" class="tag-filter-label">
        {t.tagsLabel}
      </span>
      {shown.map((tag) => (
        <button
          key={tag.key}
          type="button"
          class="tag"
          aria-pressed={tag.key === active}
          onClick={() => onChange(tag.key === active ? undefined : tag.key)}
        >
          #{tag.label}{' '}
          <span class="tag-count" aria-hidden="true">
            {formatNumber(tag.count, locale)}
          </span>
          <span class="visually-hidden">{t.noteCount(tag.count)}</span>
        </button>
      ))}
      {tags.length > FIRST_TAGS && (
        <button type="button" class="link-button" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? t.fewerTags : t.moreTags(tags.length - FIRST_TAGS)}
        </button>
      )}
    </div>
  );
}
