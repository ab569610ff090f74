import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';

interface VirtualListProps<T> {
  items: readonly T[];
  getKey: (item: T) => string;
  /** A guess for items not yet measured; measured heights replace it. */
  estimateHeight: (item: T) => number;
  renderItem: (item: T) => ComponentChildren;
  /** Told which items are rendered, so the owner can fetch what they need or load more. */
  onRangeChange?: (start: number, end: number) => void;
  /** Pixels rendered beyond the window above and below, so scrolling and Tab find content ready. */
  overscan?: number;
  class?: string;
}

/** The first index whose offset is above `y` (binary search over ascending offsets). */
function indexAt(offsets: readonly number[], y: number): number {
  let low = 0;
  let high = offsets.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((offsets[mid] ?? 0) <= y) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * A list that renders only the items near the window, however long it is: the journal holds
 * tens of thousands of notes but keeps a few hundred DOM nodes. The page itself scrolls; spacers
 * above and below stand in for the items not rendered, sized from measured (or estimated) heights.
 */
export function VirtualList<T>({
  items,
  getKey,
  estimateHeight,
  renderItem,
  onRangeChange,
  overscan = 1000,
  class: className,
}: VirtualListProps<T>) {
  const container = useRef<HTMLDivElement>(null);
  /** Heights measured so far, by key; a new map when any changes, so the layout follows. */
  const [heights, setHeights] = useState<ReadonlyMap<string, number>>(() => new Map());
  const latestHeights = useRef(heights);
  latestHeights.current = heights;
  const [viewport, setViewport] = useState({ top: 0, bottom: 2000 });
  // The callbacks are read at the time of use: a parent passes new arrow functions every render,
  // and re-laying out or re-reporting the range for each of them would be work for nothing.
  const callbacks = useRef({ getKey, estimateHeight, onRangeChange });
  callbacks.current = { getKey, estimateHeight, onRangeChange };

  // offsets[i] is where item i starts; offsets[items.length] is the total height.
  const offsets = useMemo(() => {
    const result = new Array<number>(items.length + 1);
    let y = 0;
    items.forEach((item, i) => {
      result[i] = y;
      y += heights.get(callbacks.current.getKey(item)) ?? callbacks.current.estimateHeight(item);
    });
    result[items.length] = y;
    return result;
  }, [items, heights]);

  useEffect(() => {
    let frame = 0;
    const update = () => {
      frame = 0;
      const rect = container.current?.getBoundingClientRect();
      if (!rect) return;
      setViewport({ top: -rect.top - overscan, bottom: -rect.top + window.innerHeight + overscan });
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    update();
    addEventListener('scroll', schedule, { passive: true });
    addEventListener('resize', schedule);
    return () => {
      removeEventListener('scroll', schedule);
      removeEventListener('resize', schedule);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [overscan]);

  const total = offsets[items.length] ?? 0;
  const start = items.length === 0 ? 0 : indexAt(offsets, Math.max(0, viewport.top));
  const end = items.length === 0 ? 0 : Math.min(items.length, indexAt(offsets, Math.max(0, viewport.bottom)) + 1);

  useEffect(() => {
    callbacks.current.onRangeChange?.(start, end);
  }, [start, end, items]);

  // Measure what was rendered; a changed height re-lays out once per frame.
  useLayoutEffect(() => {
    const root = container.current;
    if (!root) return;
    let frame = 0;
    const pending = new Map<string, number>();
    const observer = new ResizeObserver((entries) => {
      for (const entry of entries) {
        const element = entry.target as HTMLElement;
        const key = element.dataset.key;
        const height = element.offsetHeight;
        if (key !== undefined && latestHeights.current.get(key) !== height) pending.set(key, height);
      }
      if (pending.size > 0 && !frame) {
        frame = requestAnimationFrame(() => {
          frame = 0;
          const changes = [...pending];
          pending.clear();
          setHeights((before) => new Map([...before, ...changes]));
        });
      }
    });
    for (const child of Array.from(root.children)) observer.observe(child);
    return () => {
      observer.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  });

  const visible = items.slice(start, end);
  return (
    <div
      ref={container}
      class={className}
      style={{ paddingTop: `${offsets[start] ?? 0}px`, paddingBottom: `${total - (offsets[end] ?? total)}px` }}
    >
      {visible.map((item) => {
        const key = getKey(item);
        return (
          <div key={key} data-key={key} class="vlist-item">
            {renderItem(item)}
          </div>
        );
      })}
    </div>
  );
}
