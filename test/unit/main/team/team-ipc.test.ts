import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatch } from '../../../../electron/main/ipc/dispatch';
import { createHandlers } from '../../../../electron/main/ipc/handlers';
import { createServices, type Services } from '../../../../electron/main/services';
import { NO_DESKTOP } from '../../../../electron/main/services/desktop';
import { docs, PASSPHRASE, tempDir, TEST_ITERATIONS } from './fixtures';

let services: Services;
let dispatch: Dispatch;
let dataDir: string;
const silent = () => undefined;

beforeEach(async () => {
  dataDir = await tempDir('ipc');
  services = createServices({
    dataDir,
    desktop: NO_DESKTOP,
    appInfo: () => ({ name: 'DoS Desk', version: '1.0.0', dataFolder: dataDir, platform: 'linux', shell: 'electron' }),
    team: { kdfIterations: TEST_ITERATIONS, log: silent },
  });
  await services.start();
  dispatch = createDispatcher(createHandlers(services), silent, silent);
});
afterEach(() => services.stop());

describe('team:* over IPC', () => {
  it('creates a team, writes and reads a batch, and emits team:changed when the folder changes', async () => {
    const folder = await tempDir('folder');
    expect(await dispatch('team:get-status', undefined)).toEqual({ ok: true, data: { state: 'none' } });
    const created = await dispatch('team:create', { folder, teamName: 'North East DoS', deskName: 'Laptop', passphrase: PASSPHRASE });
    expect(created).toMatchObject({ ok: true, data: { state: 'member', team: { name: 'North East DoS' } } });
    const deskId = created.ok ? (created.data as { desk: { id: string } }).desk.id : '';
    expect(await dispatch('team:write-batch', { docs: docs(2, deskId) })).toEqual({ ok: true, data: { seq: 1 } });
    expect(await dispatch('team:read-batch', { deskId, seq: 1 })).toMatchObject({
      ok: true,
      data: { deskId, seq: 1, docs: docs(2, deskId) },
    });
    const seen: unknown[] = [];
    const stop = services.events.on('team:changed', (payload) => seen.push(payload));
    await dispatch('team:write-batch', { docs: docs(1, deskId) });
    await new Promise((r) => setTimeout(r, 5));
    // The desk's own write is known at once, so a check finds nothing new to say...
    await dispatch('team:check', undefined);
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(folder, 'desks', deskId, 'b-00000009.dsb'), '');
    // ...but a new file in the folder (here a placeholder) is.
    expect(await dispatch('team:check', undefined)).toMatchObject({ ok: true, data: { problems: [{ kind: 'placeholder' }] } });
    expect(seen).toEqual([{ change: 'reloaded' }]);
    stop();
    const sealed = await dispatch('team:seal-batch', { docs: docs(1, deskId) });
    const content = sealed.ok ? (sealed.data as { content: string }).content : '';
    expect(await dispatch('team:open-batch', { content })).toMatchObject({ ok: true, data: { deskId, seq: 0 } });
  });

  it.each([
    ['team:create', { folder: '', teamName: 'T', deskName: 'D', passphrase: PASSPHRASE }, 'folder'],
    ['team:create', { folder: '/x', teamName: 'T', deskName: 'D', passphrase: 'short' }, 'passphrase'],
    ['team:create', { folder: '/x', teamName: 'T\r\nX', deskName: 'D', passphrase: PASSPHRASE }, 'teamName'],
    ['team:join', { folder: '/x', deskName: 'D', passphrase: PASSPHRASE, extra: 1 }, '(argument)'],
    ['team:change-passphrase', { current: PASSPHRASE, next: PASSPHRASE }, 'next'],
    ['team:remove-desk', { deskId: 'not-a-uuid' }, 'deskId'],
    ['team:read-batch', { deskId: '6f1c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f', seq: 0 }, 'seq'],
    ['team:write-batch', { docs: [] }, 'docs'],
    ['team:write-batch', { docs: [{ _id: 'accounts:1' }] }, 'docs.0._rev'],
    ['team:open-batch', { content: '' }, 'content'],
    ['team:leave', { now: true }, '(argument)'],
  ])('refuses %s with bad arguments, naming the field, and changes nothing', async (channel, args, path) => {
    const result = await dispatch(channel, args);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-args', message: expect.stringMatching(/Nothing was changed/) } });
    if (!result.ok) expect(result.error.fields?.map((f) => f.path)).toContain(path);
    expect(await dispatch('team:get-status', undefined)).toEqual({ ok: true, data: { state: 'none' } });
    expect(await readdir(dataDir)).not.toContain('team');
  });

  it('a batch too big for one file is refused before main reads it', async () => {
    const result = await dispatch('team:write-batch', { docs: docs(2001) });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-args', fields: [{ path: 'docs' }] } });
  });

  it('operations that need a team say so in plain words when there is none', async () => {
    const result = await dispatch('team:write-batch', { docs: docs(1) });
    expect(result).toEqual({ ok: false, error: { code: 'failed', message: expect.stringMatching(/not in a team/) } });
    expect(await dispatch('team:check', undefined)).toEqual({ ok: true, data: { state: 'none' } });
  });
});
