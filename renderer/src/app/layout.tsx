import { useEffect, type ReactNode } from 'react';
import type { Operator } from '@shared/models/operator';
import { useSession } from '../session/store';
import { href, paths } from '../navigation/paths';

const NHS_LOGO_PATH =
  'M200 0v80H0V0h200Zm-27.5 5.5c-14.5 0-29 5-29 22 0 10.2 7.7 13.5 14.7 16.3l.7.3c5.4 2 10.1 3.9 10.1 8.4 0 6.5-8.5 7.5-14 7.5s-12.5-1.5-16-3.5L135 70c5.5 2 13.5 3.5 20 3.5 15.5 0 32-4.5 32-22.5 0-19.5-25.5-16.5-25.5-25.5 0-5.5 5.5-6.5 12.5-6.5a35 35 0 0 1 14.5 3l4-13.5c-4.5-2-12-3-20-3Zm-131 2h-22l-14 65H22l9-45h.5l13.5 45h21.5l14-65H64l-9 45h-.5l-13-45Zm63 0h-18l-13 65h17l6-28H117l-5.5 28H129l13.5-65H125L119.5 32h-20l5-24.5Z';

export interface NavItem {
  href: string;
  label: string;
  /** Shown after the label, such as the outbox counts. */
  badge?: ReactNode;
  /** Route prefixes that mark this item as current. */
  matches: (route: string) => boolean;
}

interface LayoutProps {
  route: string;
  operator: Operator | null;
  nav: readonly NavItem[];
  warning?: string | null;
  /** The team sync state, in the header beside the operator (once one is chosen). */
  status?: ReactNode;
  children: ReactNode;
}

/** The NHS app frame: skip link, header with product and operator, navigation, main, footer. */
export function Layout({ route, operator, nav, warning, status, children }: LayoutProps) {
  const notice = useSession((s) => s.notice);
  const announce = useSession((s) => s.announce);
  // A confirmation belongs to the page it was made on: following any link inside the app (menu,
  // back links, links in lists) moves on from it. Saves that change page announce after navigating.
  useEffect(() => {
    const onClick = (e: MouseEvent) => {
      if (e.target instanceof Element && e.target.closest('a[href^="#/"]')) announce(null);
    };
    document.addEventListener('click', onClick, true);
    return () => document.removeEventListener('click', onClick, true);
  }, [announce]);
  return (
    <>
      <a
        className="nhsuk-skip-link"
        href="#maincontent"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('maincontent')?.focus();
        }}
      >
        Skip to main content
      </a>
      <header className="nhsuk-header" role="banner">
        <div className="nhsuk-header__container nhsuk-width-container">
          <div className="nhsuk-header__service">
            <a className="nhsuk-header__service-logo" href={href(paths.home())} aria-label="NHS DoS Desk homepage">
              <svg
                className="nhsuk-header__logo"
                xmlns="http://www.w3.org/2000/svg"
                viewBox="0 0 200 80"
                height="40"
                width="100"
                focusable="false"
                aria-hidden="true"
              >
                <path fill="currentcolor" d={NHS_LOGO_PATH} />
              </svg>
              <span className="nhsuk-header__service-name">DoS Desk</span>
            </a>
          </div>
          {status}
          {operator && (
            <nav className="nhsuk-header__account" aria-label="Operator">
              <ul className="nhsuk-header__account-list">
                <li className="nhsuk-header__account-item" data-testid="current-operator">
                  <span className="nhsuk-u-visually-hidden">Working as </span>
                  {operator.fullName}
                </li>
                <li className="nhsuk-header__account-item">
                  <a className="nhsuk-header__account-link" href={href(paths.operators())}>
                    Switch operator
                  </a>
                </li>
              </ul>
            </nav>
          )}
        </div>
        {nav.length > 0 && (
          <nav className="nhsuk-header__navigation" aria-label="Menu">
            <div className="nhsuk-header__navigation-container nhsuk-width-container">
              <ul className="nhsuk-header__navigation-list">
                {nav.map((item) => {
                  const current = item.matches(route);
                  return (
                    <li
                      key={item.href}
                      className={`nhsuk-header__navigation-item${current ? ' nhsuk-header__navigation-item--current' : ''}`}
                    >
                      <a className="nhsuk-header__navigation-link" href={item.href} aria-current={current ? 'page' : undefined}>
                        {current ? <strong className="nhsuk-header__navigation-item-current-fallback">{item.label}</strong> : item.label}
                        {item.badge}
                      </a>
                    </li>
                  );
                })}
              </ul>
            </div>
          </nav>
        )}
      </header>
      <div className="nhsuk-width-container">
        <main className="nhsuk-main-wrapper app-main" id="maincontent" tabIndex={-1}>
          {warning && (
            <div className="nhsuk-warning-callout">
              <h2 className="nhsuk-warning-callout__label">
                <span role="text">
                  <span className="nhsuk-u-visually-hidden">Important: </span>
                  DoS Desk cannot reach its main process
                </span>
              </h2>
              <p>{warning}</p>
            </div>
          )}
          {notice && (
            <div className="nhsuk-notification-banner nhsuk-notification-banner--success" role="alert" aria-labelledby="notice-title">
              <div className="nhsuk-notification-banner__header">
                <h2 className="nhsuk-notification-banner__title" id="notice-title">
                  Success
                </h2>
              </div>
              <div className="nhsuk-notification-banner__content">
                <p className="nhsuk-notification-banner__heading">{notice}</p>
                <button
                  type="button"
                  className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
                  onClick={() => announce(null)}
                >
                  Dismiss
                </button>
              </div>
            </div>
          )}
          {children}
        </main>
      </div>
      <footer role="contentinfo">
        <div className="nhsuk-footer">
          <div className="nhsuk-width-container">
            <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">
              DoS Desk keeps its records on this computer. Questions about DoS user accounts: your Regional DoS team or england.dos@nhs.net.
            </p>
          </div>
        </div>
      </footer>
    </>
  );
}
