import { originOf } from './ipc/register';

/** Only these schemes may leave the app for the operating system (GUIDE §5). */
const EXTERNAL_SCHEMES = new Set(['https:', 'mailto:']);

export function isAllowedExternalUrl(url: string): boolean {
  try {
    return EXTERNAL_SCHEMES.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** Opens a URL in the desktop's browser or mail program, only when it is on the allow-list. */
export async function openExternalSafely(shell: { openExternal(url: string): Promise<void> }, url: string): Promise<boolean> {
  if (!isAllowedExternalUrl(url)) return false;
  await shell.openExternal(url);
  return true;
}

/** The parts of `WebContents` the guards use. */
export interface GuardedContents {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  on(
    event: 'will-navigate' | 'will-redirect' | 'will-attach-webview',
    listener: (event: { preventDefault(): void }, url?: string) => void,
  ): unknown;
}

/**
 * Every web contents: `window.open` denied (allow-listed links go to the system browser instead),
 * navigation and redirects away from the app's own origins blocked, `<webview>` never attached.
 */
export function guardWebContents(contents: GuardedContents, allowedOrigins: readonly string[], openExternal: (url: string) => void): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) openExternal(url);
    return { action: 'deny' };
  });
  const blockForeign = (event: { preventDefault(): void }, url?: string) => {
    const origin = url ? originOf(url) : null;
    if (!origin || !allowedOrigins.includes(origin)) event.preventDefault();
  };
  contents.on('will-navigate', blockForeign);
  contents.on('will-redirect', blockForeign);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** The parts of `Session` used to refuse every permission (camera, notifications prompts, …). */
export interface PermissionSession {
  setPermissionRequestHandler(handler: (wc: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: () => boolean): void;
}

export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
