import { events, isDeskEvent, type DeskEvent, type DeskEvents, type Listen } from './events';
import { EVENTS_PATH, TOKEN_HEADER } from './transport';

/**
 * Main's events over HTTP, for the browser preview: the host writes them (`formatEvent`) as a
 * `text/event-stream` answer to a POST on `EVENTS_PATH`; the page reads them with `httpEvents`
 * (fetch, because EventSource cannot send the token header). The wire format lives here only.
 */

/** One event as the stream carries it. */
export function formatEvent<E extends DeskEvent>(event: E, payload: DeskEvents[E]): string {
  return `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
}

/** Waits before opening the event stream again after it failed `failures` times in a row: 1 s, 2 s, 4 s … at most 30 s. */
const eventRetryDelay = (failures: number) => Math.min(1000 * 2 ** failures, 30_000);

/**
 * The browser preview's events: one stream from the host (`EVENTS_PATH`, authenticated by the
 * same token header as calls), open while anything listens. When the stream drops (the host
 * restarted, the machine slept) it is opened again after a pause; listeners are then given each
 * event's `resync` payload, since they may have missed changes meanwhile.
 */
export function httpEvents(token: string | null, fetchImpl: typeof fetch = fetch, retryDelay = eventRetryDelay): Listen {
  const listeners = new Map<DeskEvent, Set<(payload: never) => void>>();
  let running: AbortController | null = null;

  const deliver = (event: DeskEvent, payload: unknown) => {
    for (const callback of [...(listeners.get(event) ?? [])]) callback(payload as never);
  };

  async function run(control: AbortController): Promise<void> {
    let failures = 0;
    let missed = false;
    while (!control.signal.aborted) {
      try {
        const response = await fetchImpl(EVENTS_PATH, {
          method: 'POST',
          headers: { [TOKEN_HEADER]: token ?? '', Accept: 'text/event-stream' },
          signal: control.signal,
        });
        if (!response.ok || !response.body) throw new Error(`The preview host answered ${response.status}`);
        failures = 0;
        if (missed) for (const event of listeners.keys()) deliver(event, events[event].resync);
        await readEventStream(response.body, deliver);
      } catch {
        failures++;
      }
      missed = true;
      if (control.signal.aborted) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, retryDelay(failures));
        control.signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
      });
    }
  }

  return (event, callback) => {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    const own = (payload: never) => callback(payload);
    set.add(own);
    if (!running) {
      running = new AbortController();
      void run(running);
    }
    return () => {
      set.delete(own);
      if (!set.size) listeners.delete(event);
      if (!listeners.size && running) {
        running.abort();
        running = null;
      }
    };
  };
}

/** Reads `event:`/`data:` blocks from a text/event-stream until it ends; unknown names and bad data are skipped. */
async function readEventStream(body: ReadableStream<Uint8Array>, deliver: (event: DeskEvent, payload: unknown) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    buffered += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
    let end: number;
    while ((end = buffered.indexOf('\n\n')) >= 0) {
      const block = buffered.slice(0, end);
      buffered = buffered.slice(end + 2);
      let name = '';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) name = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (!isDeskEvent(name) || !data.length) continue;
      let payload: unknown;
      try {
        payload = JSON.parse(data.join('\n'));
      } catch {
        continue; // not JSON: not from this host
      }
      deliver(name, payload);
    }
  }
}
