import { INVOKE_CHANNEL } from '../../../shared/ipc/api';
import { fail } from '../../../shared/ipc/result';
import type { Dispatch } from './dispatch';

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
export function registerIpc(ipcMain: IpcMainLike, dispatch: Dispatch, allowedOrigins: readonly string[]): void {
  ipcMain.handle(INVOKE_CHANNEL, (event, channel, args) => {
    if (!isTrustedSender(event, allowedOrigins)) {
      return fail('forbidden', 'This request did not come from the DoS Desk window, so it was refused. Nothing was changed.');
    }
    return dispatch(channel, args);
  });
}
