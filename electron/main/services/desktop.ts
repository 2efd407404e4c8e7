import { COPY_TEXT_MAX_CHARS, NOTIFY_BODY_MAX_CHARS, NOTIFY_TITLE_MAX_CHARS } from '../../../shared/ipc/contract';
import type { SecureStorage } from './email/secrets';
import { UserFacingError } from './user-error';

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

/**
 * The desktop with its sizes enforced, whoever calls it: the IPC schema already refuses more, and
 * this keeps any other caller from handing the clipboard or the notification centre a flood.
 */
export function boundedDesktop(desktop: Desktop): Desktop {
  return {
    ...desktop,
    writeClipboard(text) {
      if (text.length > COPY_TEXT_MAX_CHARS)
        throw new UserFacingError(
          `The text is too long to copy (over ${COPY_TEXT_MAX_CHARS.toLocaleString('en-GB')} characters). Nothing was copied.`,
        );
      return desktop.writeClipboard(text);
    },
    notify(title, body) {
      if (!title || title.length > NOTIFY_TITLE_MAX_CHARS || body.length > NOTIFY_BODY_MAX_CHARS)
        throw new UserFacingError(
          `A notification must have a title of up to ${NOTIFY_TITLE_MAX_CHARS} characters and a message of up to ${NOTIFY_BODY_MAX_CHARS}. It was not shown.`,
        );
      return desktop.notify(title, body);
    },
  };
}
