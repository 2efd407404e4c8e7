/**
 * Where the IPC contract travels, written once for main, the preload, the preview host and the
 * renderer's preview bridge. No imports: the sandboxed preload bundles this file.
 */

/** Electron: the single invoke channel every call travels on; the logical channel is its first argument. */
export const INVOKE_CHANNEL = 'dos-desk:invoke';
/** Electron: main → window events (shared/ipc/events.ts), sent as `(name, payload)`. */
export const EVENT_CHANNEL = 'dos-desk:event';
/** Electron: main → window, back up now because DoS Desk is closing (desktop app only). */
export const QUIT_REQUESTED_CHANNEL = 'dos-desk:quit-requested';

/** Browser preview: the per-run token every API request carries (never in the address sent to the host). */
export const TOKEN_HEADER = 'x-dos-desk-token';
/** Browser preview: POST `{ channel, args }` here for one call. */
export const INVOKE_PATH = '/api/invoke';
/** Browser preview: POST here to hold open a `text/event-stream` of main → page events. */
export const EVENTS_PATH = '/api/events';
