import type { ReactNode } from 'react';

/**
 * A link out of DoS Desk (a web page or an email address). It opens in the person's browser or
 * email program: the desktop app hands https: and mailto: addresses to the system and never
 * navigates its own window away, and the browser preview opens a new tab.
 */
export function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a href={href} target="_blank" rel="noreferrer noopener">
      {children}
      <span className="nhsuk-u-visually-hidden"> (opens outside DoS Desk)</span>
    </a>
  );
}
