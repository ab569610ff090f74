import type { ComponentChildren } from 'preact';
import type { Loadable } from '@/utils/hooks/loadable';

interface StatusProps<T> {
  state: Loadable<T>;
  /** Shown while loading; nothing when omitted (for parts that should not flicker). */
  loading?: string;
  /** The plain message for a failure. */
  failed: (error: unknown) => string;
  children: (value: T) => ComponentChildren;
}

/** A page's state as the person sees it: a quiet loading line, a problem said plainly, or the content. */
export function Status<T>({ state, loading, failed, children }: StatusProps<T>) {
  if (state.status === 'ready') return <>{children(state.value)}</>;
  if (state.status === 'failed')
    return (
      <p role="alert" class="problem">
        {failed(state.error)}
      </p>
    );
  return loading ? (
    <p class="muted" role="status">
      {loading}
    </p>
  ) : null;
}
