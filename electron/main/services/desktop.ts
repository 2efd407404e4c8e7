import type { SecureStorage } from './email/secrets';

/**
 * What main needs from the desktop it runs on. Electron provides all of it; the browser-preview
 * host has no desktop (no mail program to open, no clipboard, no key store), and says so.
 */
export interface Desktop {
  /** Opens a file with its default program: '' on success, else the reason. Null without a desktop. */
  openPath: ((file: string) => Promise<string>) | null;
  /** Writes text to the system clipboard; false where main cannot reach one. */
  writeClipboard(text: string): boolean;
  /** Shows a system notification; false where there is no desktop to show it on. */
  notify(title: string, body: string): boolean;
  secureStorage: SecureStorage | null;
}

export const NO_DESKTOP: Desktop = {
  openPath: null,
  writeClipboard: () => false,
  notify: () => false,
  secureStorage: null,
};
