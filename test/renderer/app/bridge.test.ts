import { describe, expect, it, vi } from 'vitest';
import { httpInvoke, takePreviewToken } from '../../../renderer/src/platform/bridge';
import { TOKEN_HEADER } from '@shared/ipc/transport';

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
