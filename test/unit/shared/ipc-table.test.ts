import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import type { Handlers } from '../../../electron/main/ipc/dispatch';
import { createApi, type DosDeskApi } from '../../../shared/ipc/api';
import { channels, type Channel, type ChannelResult } from '../../../shared/ipc/contract';
import type { OutboxChange } from '../../../shared/ipc/events';
import type { IpcError } from '../../../shared/ipc/result';
import type { OutboxStatus, OutboxSummary } from '../../../shared/models/email';

const root = join(import.meta.dirname, '../../..');

describe('the IPC table', () => {
  it('names a distinct method and the work in words for every channel', () => {
    const methods = Object.values(channels).map((c) => c.method);
    expect(new Set(methods).size).toBe(methods.length);
    for (const [name, spec] of Object.entries(channels)) {
      expect(name).toMatch(/^[a-z]+:[a-z]+(-[a-z]+)*$/);
      expect(spec.action, name).toMatch(/^[a-z][^:]+$/);
    }
  });

  it('builds one method per channel, each sending its channel with the argument the entry makes', async () => {
    const invoke = vi.fn(async () => ({ ok: true as const, data: null }));
    const api = createApi(invoke as never);
    expect(Object.keys(api).sort()).toEqual([...Object.values(channels).map((c) => c.method), 'on'].sort());
    await api.notify('Backup done', 'All records saved');
    await api.writeBackupChunk('a'.repeat(24), 3, 'AAAA');
    await api.listOutbox();
    await api.listOutbox('sent');
    await api.setSettings({ regions: ['London'] });
    expect(invoke.mock.calls).toEqual([
      ['desktop:notify', { title: 'Backup done', body: 'All records saved' }],
      ['backup:write-chunk', { token: 'a'.repeat(24), index: 3, base64: 'AAAA' }],
      ['outbox:list', undefined],
      ['outbox:list', { status: 'sent' }],
      ['settings:set', { regions: ['London'] }],
    ]);
  });

  it('sends no argument on a channel that takes none, even when its method is handed one (an onClick event)', async () => {
    const invoke = vi.fn(async () => ({ ok: true as const, data: null }));
    const api = createApi(invoke as never);
    await (api.testSmtp as (event: unknown) => Promise<unknown>)({ type: 'click' });
    expect(invoke).toHaveBeenCalledWith('email:test-smtp', undefined);
  });

  it('subscribes to known events only', () => {
    const listen = vi.fn(() => () => undefined);
    const api = createApi(vi.fn() as never, listen);
    const stop = api.on('outbox:changed', () => undefined);
    expect(listen).toHaveBeenCalledWith('outbox:changed', expect.any(Function));
    expect(typeof stop).toBe('function');
    expect(() => api.on('shell:run' as never, () => undefined)).toThrow(/no event named "shell:run"/);
    expect(listen).toHaveBeenCalledTimes(1);
  });

  it('derives the client API and main’s handler table from the table’s types', () => {
    expectTypeOf<Parameters<DosDeskApi['notify']>>().toEqualTypeOf<[title: string, body: string]>();
    expectTypeOf<Parameters<DosDeskApi['listOutbox']>>().toEqualTypeOf<[status?: OutboxStatus]>();
    expectTypeOf<Parameters<DosDeskApi['getAppInfo']>>().toEqualTypeOf<[]>();
    expectTypeOf<ChannelResult<'outbox:retry'>>().toEqualTypeOf<OutboxSummary>();
    expectTypeOf<Awaited<ReturnType<DosDeskApi['retryEmail']>>>().toEqualTypeOf<
      { ok: true; data: OutboxSummary } | { ok: false; error: IpcError }
    >();
    expectTypeOf<Parameters<Parameters<DosDeskApi['on']>[1]>[0]>().toEqualTypeOf<OutboxChange>();
    // A handler table missing one channel does not typecheck.
    const partial = {} as Omit<Handlers, 'desktop:notify'>;
    // @ts-expect-error -- 'desktop:notify' is missing
    const handlers: Handlers = partial;
    expect(handlers).toBeDefined();
    expectTypeOf<keyof Handlers>().toEqualTypeOf<Channel>();
  });

  it('keeps api.ts and contract.ts out of each other’s way: the table never imports the API', () => {
    const contract = readFileSync(join(root, 'shared/ipc/contract.ts'), 'utf8');
    expect(contract).not.toMatch(/from '\.\/api'/);
    // The transport constants are written once, in shared/ipc/transport.ts.
    for (const file of [
      'electron/preview/host.ts',
      'renderer/src/platform/bridge.ts',
      'electron/main/lifecycle.ts',
      'electron/preload/index.ts',
    ]) {
      expect(readFileSync(join(root, file), 'utf8'), file).not.toMatch(
        /'x-dos-desk-token'|'\/api\/(invoke|events)'|'dos-desk:(invoke|event|quit-requested)'/,
      );
    }
  });
});
