import type { OutboxStatus } from '../models/email';

// Type-only imports: the sandboxed preload bundles this file.

/** What changed in the outbox, so windows refresh when it changes instead of polling it. */
export type OutboxChange =
  /** A message was put in the outbox (`added`), or its status or details changed (`updated`). */
  | { change: 'added' | 'updated'; id: string; status: OutboxStatus }
  /** Anything may have changed: refresh everything shown (sent after the preview's stream reconnects). */
  | { change: 'reloaded' };

interface EventSpec<T> {
  /** What a listener is given when it may have missed some of these events (a stream that reconnected). */
  readonly resync: T;
}

const event = <T>(resync: T): EventSpec<T> => ({ resync });

/**
 * Every main → renderer event, with what it carries. Electron delivers them with
 * `webContents.send(EVENT_CHANNEL, name, payload)`; the browser preview over the event stream at
 * `EVENTS_PATH`. A window subscribes with `api.on(name, callback)`; unknown names are refused.
 */
export const events = {
  'outbox:changed': event<OutboxChange>({ change: 'reloaded' }),
  /** The team folder changed (new batches, a desk joined or was removed) or became (un)reachable. */
  'team:changed': event<{ change: 'reloaded' }>({ change: 'reloaded' }),
} as const;

export type DeskEvent = keyof typeof events;
export type DeskEvents = { [E in DeskEvent]: (typeof events)[E] extends EventSpec<infer T> ? T : never };

/** Subscribes to one event; returns the function that stops listening. */
export type Listen = <E extends DeskEvent>(event: E, callback: (payload: DeskEvents[E]) => void) => () => void;

export function isDeskEvent(value: unknown): value is DeskEvent {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(events, value);
}
