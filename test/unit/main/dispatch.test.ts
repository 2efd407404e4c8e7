import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatch } from '../../../electron/main/ipc/dispatch';
import { createHandlers } from '../../../electron/main/ipc/handlers';
import { createServices } from '../../../electron/main/services';
import { NO_DESKTOP } from '../../../electron/main/services/desktop';

let dir: string;
let dispatch: Dispatch;
let services: ReturnType<typeof createServices>;
const silent = () => undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dosdesk-ipc-'));
  services = createServices({
    dataDir: dir,
    desktop: NO_DESKTOP,
    appInfo: () => ({ name: 'DoS Desk', version: '1.2.3', dataFolder: dir, platform: 'linux', shell: 'electron' }),
  });
  dispatch = createDispatcher(createHandlers(services), silent);
});

const settingsFile = () => join(dir, 'settings.json');

describe('IPC dispatch', () => {
  it('answers app:get-info with version, data folder and platform', async () => {
    expect(await dispatch('app:get-info', undefined)).toEqual({
      ok: true,
      data: { name: 'DoS Desk', version: '1.2.3', dataFolder: dir, platform: 'linux', shell: 'electron' },
    });
  });

  it('round-trips settings:set and settings:get', async () => {
    expect(await dispatch('settings:set', { regions: ['London'] })).toMatchObject({ ok: true, data: { regions: ['London'] } });
    expect(await dispatch('settings:get', undefined)).toMatchObject({ ok: true, data: { regions: ['London'] } });
  });

  it('lists a damaged settings file through settings:get-problems and dismisses it only with a checked path', async () => {
    await writeFile(settingsFile(), 'not json');
    const listed = await dispatch('settings:get-problems', undefined);
    expect(listed).toMatchObject({ ok: true, data: [{ allReset: true }] });
    const path = listed.ok ? (listed.data as { setAsidePath: string }[])[0]!.setAsidePath : '';
    expect(await dispatch('settings:dismiss-problem', { setAsidePath: 42 })).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    expect(await dispatch('settings:dismiss-problem', { setAsidePath: path, also: 1 })).toMatchObject({ ok: false });
    expect(await dispatch('settings:dismiss-problem', { setAsidePath: settingsFile() })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/no notice about that settings file/) },
    });
    expect(await dispatch('settings:get-problems', undefined)).toMatchObject({ ok: true, data: [{ setAsidePath: path }] });
    expect(await dispatch('settings:dismiss-problem', { setAsidePath: path })).toEqual({ ok: true, data: [] });
  });

  it.each([['settings:delete'], ['__proto__'], ['constructor'], [42], [null]])('refuses the unknown channel %s', async (channel) => {
    const result = await dispatch(channel, undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    if (!result.ok) expect(result.error.message).toMatch(/does not know the request.*Nothing was changed/);
  });

  it.each([
    ['CR/LF', { regions: ['London\r\nX-Evil: 1'] }, 'regions.0'],
    ['<script>', { regions: ['<script>alert(1)</script>'] }, 'regions.0'],
    ['a 100 kB string', { regions: ['x'.repeat(100_000)] }, 'regions.0'],
    ['a wrong type', { regions: 'London' }, 'regions'],
    ['an unknown key', { regions: ['London'], evil: true }, '(argument)'],
    ['a string instead of an object', 'regions', '(argument)'],
  ])('refuses settings:set with %s, names the field and writes nothing', async (_label, args, path) => {
    const result = await dispatch('settings:set', args);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-args');
    expect(result.error.fields?.map((f) => f.path)).toContain(path);
    expect(result.error.message).toMatch(/Nothing was changed/);
    expect(existsSync(settingsFile())).toBe(false);
  });

  it('refuses an argument on a channel that takes none', async () => {
    const result = await dispatch('settings:get', { sneaky: 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
  });

  it('turns an unexpected failure into a message saying what to do', async () => {
    const failing = createDispatcher(
      { ...createHandlers(services), 'app:get-info': () => Promise.reject(new Error('disk unplugged')) },
      silent,
    );
    const result = await failing('app:get-info', undefined);
    expect(result).toEqual({
      ok: false,
      error: { code: 'failed', message: expect.stringMatching(/could not complete app:get-info: disk unplugged\. Try again/) },
    });
  });
});
