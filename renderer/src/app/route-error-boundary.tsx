import type { ErrorInfo, ReactNode } from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import { PageHeading } from '../components/page-heading';
import { href, paths } from '../navigation/paths';

/** Written to the console (the desktop app's developer tools and log) when a page fails to render. */
export function logPageError(route: string, error: unknown, info: ErrorInfo): void {
  console.error(`DoS Desk: the page at #${route} failed to render.`, error, info.componentStack ?? '');
}

/** What a page that failed to render shows instead of a blank window (GUIDE §6). */
export function PageErrorPage() {
  return (
    <>
      <PageHeading>Something went wrong on this page</PageHeading>
      <p>Something went wrong on this page. Your records are safe.</p>
      <p>Reload the page to try again, or go to the home page. If it keeps happening, tell your DoS lead what you were doing.</p>
      <button type="button" className="nhsuk-button" onClick={() => window.location.reload()}>
        Reload
      </button>
      <p>
        <a href={href(paths.home())}>Go to the home page</a>
      </p>
    </>
  );
}

/**
 * Keeps a render error inside one page: the error is logged and the page shows `PageErrorPage`;
 * the rest of the window (header, menu) stays, and moving to another address starts afresh.
 */
export function RouteErrorBoundary({ route, children }: { route: string; children: ReactNode }) {
  return (
    <ErrorBoundary FallbackComponent={PageErrorPage} onError={(error, info) => logPageError(route, error, info)} resetKeys={[route]}>
      {children}
    </ErrorBoundary>
  );
}
