import { describe, expect, it, vi } from 'vitest';
import { httpInvoke, takePreviewToken } from '../../../renderer/src/platform/bridge';
import { httpEvents } from '@shared/ipc/event-stream';
import { EVENTS_PATH, TOKEN_HEADER } from '@shared/ipc/transport';

describe('browser-preview bridge', () => {
  it('takes the token from the address, keeps it for the tab and removes it from the address bar', () => {
    window.history.replaceState(null, '', '/#token=abc_DEF-123');
    sessionStorage.clear();
    expect(takePreviewToken(window.location, sessionStorage, window.history)).toBe('abc_DEF-123');
    expect(window.location.hash).toBe('#/');
    expect(takePreviewToken(window.location, sessionStorage, window.history)).toBe('abc_DEF-123');
  });

  it('sends the token and the channel as JSON', async () => {
    const fetchImpl = vi.fn(async () => new Response(JSON.stringify({ ok: true, data: { regions: [] } })));
    const result = await httpInvoke('tok', fetchImpl as unknown as typeof fetch)('settings:get', undefined);
    expect(result).toEqual({ ok: true, data: { regions: [] } });
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/invoke');
    expect((init.headers as Record<string, string>)[TOKEN_HEADER]).toBe('tok');
    expect(JSON.parse(String(init.body))).toEqual({ channel: 'settings:get' });
  });

  it('says what to do when the host has gone away', async () => {
    const result = await httpInvoke('tok', (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch)('settings:get', undefined);
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringMatching(/npm run start:web/) } });
  });
});

describe('browser-preview events', () => {
  /** A stream the test writes to, as the host would. */
  function fakeHost() {
    let push!: (text: string) => void;
    let signal: AbortSignal | undefined;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        push = (text) => controller.enqueue(new TextEncoder().encode(text));
      },
    });
    const fetchImpl = vi.fn(async (_url: string, init: RequestInit) => {
      signal = init.signal ?? undefined;
      return new Response(body, { headers: { 'Content-Type': 'text/event-stream' } });
    });
    return { fetchImpl, push: (text: string) => push(text), signal: () => signal };
  }

  it('opens one stream with the token, hands each event to its listeners, and skips what it does not know', async () => {
    const host = fakeHost();
    const got: unknown[] = [];
    const stop = httpEvents('tok', host.fetchImpl as unknown as typeof fetch)('outbox:changed', (p) => got.push(p));
    await vi.waitFor(() => expect(host.fetchImpl).toHaveBeenCalledTimes(1));
    const [url, init] = host.fetchImpl.mock.calls[0]!;
    expect(url).toBe(EVENTS_PATH);
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>)[TOKEN_HEADER]).toBe('tok');
    host.push(': open\n\nevent: shell:run\ndata: {"x":1}\n\nevent: outbox:changed\ndata: not json\n\n');
    // One event split across two chunks, with CRLF line ends.
    host.push('event: outbox:changed\r\ndata: {"change":"added","id":"m1",');
    host.push('"status":"queued"}\r\n\r\n');
    await vi.waitFor(() => expect(got).toEqual([{ change: 'added', id: 'm1', status: 'queued' }]));
    stop();
    expect(host.signal()?.aborted).toBe(true);
  });
});
