import type { ComponentType } from 'preact';
import { useLoadable } from '@/utils/hooks/loadable';
import { useJournalT } from '@/utils/i18n/context';
import { Status } from './Status';

/**
 * A part of the journal's page whose code loads when it is first shown, so the first screen
 * carries only its own (scripts/sizes.mjs). Nothing shows while it loads (a local file: a moment),
 * and a failed load says so plainly.
 */
export function lazyPart<Props extends object>(load: () => Promise<ComponentType<Props>>): ComponentType<Props> {
  return function LazyPart(props: Props) {
    const t = useJournalT();
    const [loaded] = useLoadable(load);
    return (
      <Status state={loaded} failed={() => t.partLoadFailed}>
        {(Part) => <Part {...props} />}
      </Status>
    );
  };
}
