import { useEffect, useState, type RefObject } from 'react';

export interface RowWindow {
  /** First and one-past-last row index to draw. */
  start: number;
  end: number;
  /** Space standing in for the rows above and below, in pixels. */
  padTop: number;
  padBottom: number;
}

/**
 * The rows of a long, fixed-height list that are inside (or near) a scrolling box. Work is in
 * proportion to the rows shown: changing the row count (a keystroke in a search) costs nothing
 * per row, unlike a general virtualizer that measures every row again.
 */
export function useRowWindow(scrollRef: RefObject<HTMLElement | null>, count: number, rowHeight: number, overscan = 5): RowWindow {
  const [view, setView] = useState({ top: 0, height: 0 });
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    let frame = 0;
    const read = () => {
      frame = 0;
      setView((v) => (v.top === el.scrollTop && v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight }));
    };
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(read);
    };
    read();
    el.addEventListener('scroll', onScroll, { passive: true });
    const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(onScroll);
    resize?.observe(el);
    return () => {
      el.removeEventListener('scroll', onScroll);
      resize?.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [scrollRef]);
  // Before the box has a size (first paint, or a test without layout), draw a screenful.
  const height = view.height || 800;
  const start = Math.min(count, Math.max(0, Math.floor(view.top / rowHeight) - overscan));
  const end = Math.min(count, Math.ceil((view.top + height) / rowHeight) + overscan);
  return { start, end, padTop: start * rowHeight, padBottom: (count - end) * rowHeight };
}
