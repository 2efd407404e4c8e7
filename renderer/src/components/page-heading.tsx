import { useEffect, useRef } from 'react';
import { navigationCount } from '../navigation/router';

/**
 * The page's h1. It takes focus when a navigation opens the page so keyboard and screen-reader users start at
 * the new content, and it sets the window title (focus management on navigation).
 */
export function PageHeading({ children }: { children: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${children} – DoS Desk`;
    // On first load focus stays at the top so the skip link is the first stop.
    if (navigationCount() > 0) ref.current?.focus();
  }, [children]);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
