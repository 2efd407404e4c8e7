import type { DeskEvent } from '../../../shared/ipc/events';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../../shared/ipc/transport';
import { fail } from '../../../shared/ipc/result';
import { loggedChannel, type Dispatch, type RefusalLog } from './dispatch';

/** The parts of an Electron `IpcMainInvokeEvent` the sender check reads. */
export interface SenderEvent {
  senderFrame: { url: string; parent: unknown } | null;
}

/** The part of `ipcMain` used here, so the wiring can be tested without Electron. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: SenderEvent, ...args: unknown[]) => unknown): void;
}

/** `scheme://host[:port]`; unlike `URL.origin` this also works for the custom `app:` scheme. */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (!parsed.host) return null;
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

/** True only for the window's top-level frame showing one of the app's own origins. */
export function isTrustedSender(event: SenderEvent, allowedOrigins: readonly string[]): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  const origin = originOf(frame.url);
  return origin !== null && allowedOrigins.includes(origin);
}

/** Registers the single invoke channel; every call is checked for sender before dispatch. */
export function registerIpc(
  ipcMain: IpcMainLike,
  dispatch: Dispatch,
  allowedOrigins: readonly string[],
  warn: RefusalLog = console.warn,
): void {
  ipcMain.handle(INVOKE_CHANNEL, (event, channel, args) => {
    if (!isTrustedSender(event, allowedOrigins)) {
      warn(`[ipc] refused ${loggedChannel(channel)}: not sent by the DoS Desk window`);
      return fail('forbidden', 'This request did not come from the DoS Desk window, so it was refused. Nothing was changed.');
    }
    return dispatch(channel, args);
  });
}

/** The part of a window the event forwarder needs. */
export interface EventWindow {
  isDestroyed(): boolean;
  webContents: { send(channel: string, ...args: unknown[]): void };
}

/**
 * Sends every main event to the window on the single event channel, as `(name, payload)`; the
 * preload hands each to the page's listeners for that name. Nothing is sent before the window
 * exists or after it is closed. Returns the function that stops forwarding.
 */
export function forwardEvents(
  subscribe: (listener: (event: DeskEvent, payload: unknown) => void) => () => void,
  target: () => EventWindow | undefined,
): () => void {
  return subscribe((event, payload) => {
    const window = target();
    if (window && !window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, event, payload);
  });
}
