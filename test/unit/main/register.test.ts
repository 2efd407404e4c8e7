import { describe, expect, it, vi } from 'vitest';
import { forwardEvents, isTrustedSender, originOf, registerIpc, type SenderEvent } from '../../../electron/main/ipc/register';
import { createEventHub } from '../../../electron/main/services/events';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../../shared/ipc/transport';

const APP = 'app://dos-desk';
const frame = (url: string, parent: unknown = null): SenderEvent => ({ senderFrame: { url, parent } });

function wire() {
  let listener: ((event: SenderEvent, ...args: unknown[]) => unknown) | undefined;
  const dispatch = vi.fn(async () => ({ ok: true as const, data: 'done' }));
  const warned: string[] = [];
  registerIpc({ handle: (channel, fn) => channel === INVOKE_CHANNEL && (listener = fn) }, dispatch, [APP], (m) => warned.push(m));
  return { dispatch, warned, call: (event: SenderEvent, ...args: unknown[]) => listener!(event, ...args) };
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

describe('IPC refusals are logged', () => {
  it('a call from another page: the channel and why, not its argument', async () => {
    const { call, warned } = wire();
    await call(frame('https://evil.example/'), 'email:set-smtp-password', { password: 'hunter2' });
    expect(warned).toEqual(['[ipc] refused "email:set-smtp-password": not sent by the DoS Desk window']);
    expect(warned.join()).not.toContain('hunter2');
  });
});

describe('main → window events', () => {
  it('sends each event to the window on the event channel, and nothing when there is no window or it is closed', () => {
    const hub = createEventHub();
    const sent: unknown[][] = [];
    const open: { window?: { isDestroyed(): boolean; webContents: { send(...a: unknown[]): void } } } = {};
    let destroyed = false;
    forwardEvents(hub.subscribe, () => open.window);
    hub.emit('outbox:changed', { change: 'reloaded' });
    open.window = { isDestroyed: () => destroyed, webContents: { send: (...a) => void sent.push(a) } };
    hub.emit('outbox:changed', { change: 'added', id: 'm1', status: 'queued' });
    destroyed = true;
    hub.emit('outbox:changed', { change: 'updated', id: 'm1', status: 'sent' });
    expect(sent).toEqual([[EVENT_CHANNEL, 'outbox:changed', { change: 'added', id: 'm1', status: 'queued' }]]);
  });

  it('a window that fails to take an event never fails the change that raised it', () => {
    const logged: unknown[] = [];
    const hub = createEventHub((_m, e) => logged.push(e));
    const got: unknown[] = [];
    forwardEvents(hub.subscribe, () => ({
      isDestroyed: () => false,
      webContents: {
        send: () => {
          throw new Error('Render frame was disposed');
        },
      },
    }));
    hub.on('outbox:changed', (p) => got.push(p));
    expect(() => hub.emit('outbox:changed', { change: 'reloaded' })).not.toThrow();
    expect(got).toEqual([{ change: 'reloaded' }]);
    expect(logged).toHaveLength(1);
  });
});
