import { createApi, type DosDeskApi, type Invoke } from '@shared/ipc/api';
import { httpEvents } from '@shared/ipc/event-stream';
import { fail } from '@shared/ipc/result';
import { INVOKE_PATH, TOKEN_HEADER } from '@shared/ipc/transport';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the browser preview. */
    dosDesk?: DosDeskApi;
  }
}

const TOKEN_KEY = 'dos-desk:preview-token';

/**
 * Reads the per-run token the preview host put in the address (`#token=…`), keeps it for this tab
 * and removes it from the address bar so it is not bookmarked or shared.
 */
export function takePreviewToken(location: Location, storage: Storage, history: History): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(location.hash);
  if (match?.[1]) {
    storage.setItem(TOKEN_KEY, match[1]);
    const rest = location.hash.replace(/(^#|&)token=[A-Za-z0-9_-]+/, '$1').replace(/^#&/, '#');
    history.replaceState(null, '', `${location.pathname}${location.search}${rest === '#' ? '#/' : rest}`);
  }
  return storage.getItem(TOKEN_KEY);
}

/** The browser-preview transport: the same calls as Electron IPC, over loopback HTTP. */
export function httpInvoke(token: string | null, fetchImpl: typeof fetch = fetch): Invoke {
  return async (channel, args) => {
    try {
      const response = await fetchImpl(INVOKE_PATH, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token ?? '' },
        body: JSON.stringify({ channel, args }),
      });
      return await response.json();
    } catch {
      return fail('failed', 'DoS Desk cannot reach its preview host. Check that npm run start:web is still running, then try again.');
    }
  };
}

/** `window.dosDesk` in Electron; the loopback host in a browser. */
export function createPlatformApi(): DosDeskApi {
  if (window.dosDesk) return window.dosDesk;
  const token = takePreviewToken(window.location, window.sessionStorage, window.history);
  return createApi(httpInvoke(token), httpEvents(token));
}
