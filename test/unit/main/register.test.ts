import { describe, expect, it, vi } from 'vitest';
import { isTrustedSender, originOf, registerIpc, type SenderEvent } from '../../../electron/main/ipc/register';
import { INVOKE_CHANNEL } from '../../../shared/ipc/transport';

const APP = 'app://dos-desk';
const frame = (url: string, parent: unknown = null): SenderEvent => ({ senderFrame: { url, parent } });

function wire() {
  let listener: ((event: SenderEvent, ...args: unknown[]) => unknown) | undefined;
  const dispatch = vi.fn(async () => ({ ok: true as const, data: 'done' }));
  registerIpc({ handle: (channel, fn) => channel === INVOKE_CHANNEL && (listener = fn) }, dispatch, [APP]);
  return { dispatch, call: (event: SenderEvent, ...args: unknown[]) => listener!(event, ...args) };
}

describe('IPC sender check', () => {
  it('reads the origin of the custom app: scheme', () => {
    expect(originOf('app://dos-desk/index.html#/settings')).toBe(APP);
    expect(originOf('not a url')).toBeNull();
  });

  it('passes calls from the app main frame to the dispatcher', async () => {
    const { dispatch, call } = wire();
    expect(await call(frame(`${APP}/index.html`), 'settings:get', undefined)).toEqual({ ok: true, data: 'done' });
    expect(dispatch).toHaveBeenCalledWith('settings:get', undefined);
  });

  it.each([
    ['a sub-frame of the app', frame(`${APP}/index.html`, { url: APP })],
    ['another origin', frame('https://evil.example/index.html')],
    ['a file: page', frame('file:///tmp/index.html')],
    ['a look-alike host', frame('app://dos-desk.evil/index.html')],
    ['no frame at all', { senderFrame: null }],
  ])('refuses calls from %s without running anything', async (_label, event) => {
    const { dispatch, call } = wire();
    expect(await call(event, 'settings:set', { regions: ['London'] })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(dispatch).not.toHaveBeenCalled();
    expect(isTrustedSender(event, [APP])).toBe(false);
  });
});
