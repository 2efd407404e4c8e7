import type { DeskEvent, DeskEvents, Listen } from '../../../shared/ipc/events';

/**
 * Main's events (shared/ipc/events.ts) on their way to windows: services `emit`, each transport
 * (the Electron window, every open preview stream) `subscribe`s to all of them.
 */
export interface EventHub {
  emit<E extends DeskEvent>(event: E, payload: DeskEvents[E]): void;
  /** Every event, for a transport; returns the function that stops listening. */
  subscribe(listener: (event: DeskEvent, payload: unknown) => void): () => void;
  /** One event, in process (the tests' API over the real handler table). */
  on: Listen;
}

export function createEventHub(log: (message: string, error: unknown) => void = console.error): EventHub {
  const listeners = new Set<(event: DeskEvent, payload: unknown) => void>();
  const subscribe = (listener: (event: DeskEvent, payload: unknown) => void) => {
    // A wrapper per subscription, so the same function subscribed twice is two subscriptions.
    const own = (event: DeskEvent, payload: unknown) => listener(event, payload);
    listeners.add(own);
    return () => void listeners.delete(own);
  };
  return {
    emit(event, payload) {
      for (const listener of [...listeners]) {
        // A window that has gone, or a stream cut off, must never fail the change that was made.
        try {
          listener(event, payload);
        } catch (error) {
          log(`[events] could not deliver ${event}`, error);
        }
      }
    },
    subscribe,
    on: (event, callback) =>
      subscribe((name, payload) => {
        if (name === event) callback(payload as never);
      }),
  };
}
