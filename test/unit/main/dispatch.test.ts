import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatch } from '../../../electron/main/ipc/dispatch';
import { createHandlers } from '../../../electron/main/ipc/handlers';
import { createServices } from '../../../electron/main/services';
import { NO_DESKTOP } from '../../../electron/main/services/desktop';
import { COPY_TEXT_MAX_CHARS, NOTIFY_BODY_MAX_CHARS, NOTIFY_TITLE_MAX_CHARS } from '../../../shared/ipc/contract';

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
  dispatch = createDispatcher(createHandlers(services), silent, silent);
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

  it('turns an unexpected failure into a message saying what to do, in words, without the channel id', async () => {
    const logged: unknown[] = [];
    const failing = createDispatcher(
      { ...createHandlers(services), 'app:get-info': () => Promise.reject(new TypeError('x is undefined at foo (bar.js:1:2)')) },
      (_m, e) => logged.push(e),
    );
    const result = await failing('app:get-info', undefined);
    expect(result).toEqual({
      ok: false,
      error: { code: 'failed', message: expect.stringMatching(/^DoS Desk could not finish reading its own details\. .*Try again/) },
    });
    if (!result.ok) expect(result.error.message).not.toMatch(/app:get-info|TypeError|undefined|bar\.js/);
    expect(logged).toHaveLength(1);
  });

  it('names the work in words when arguments are refused, not the channel id', async () => {
    const result = await dispatch('settings:set', { regions: 'London' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toMatch(/^Saving the settings was refused\./);
    expect(result.error.message).not.toMatch(/settings:set/);
  });
});

describe('refused calls are logged: channel and reason, never the argument values', () => {
  function logging() {
    const warned: string[] = [];
    const run = createDispatcher(createHandlers(services), silent, (m) => warned.push(m));
    return { run, warned };
  }

  it('a schema refusal names the channel, the field and the problem, not the password it was given', async () => {
    const { run, warned } = logging();
    const secret = 'hunter2-Correct-Horse\r\nBcc: thief@example.com';
    expect(await run('email:set-smtp-password', { password: secret })).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    expect(warned).toEqual(['[ipc] refused email:set-smtp-password: invalid arguments (password custom)']);
    expect(warned.join('\n')).not.toMatch(/hunter2|Horse|thief/);
  });

  it('an unknown channel, a forbidden key and an unknown field: each logged once, with no values', async () => {
    const { run, warned } = logging();
    await run('shell:run', { command: 'rm -rf /home/priya' });
    await run('settings:set', JSON.parse('{"regions":["Secret Region"],"__proto__":{"isAdmin":"yes-please"}}'));
    await run('settings:set', { regions: ['London'], note: 'Patient NHS number 943 476 5919' });
    expect(warned).toEqual([
      '[ipc] refused "shell:run": unknown channel',
      '[ipc] refused settings:set: it contains a field named "__proto__", which DoS Desk never accepts',
      '[ipc] refused settings:set: invalid arguments ((argument) unrecognized_keys)',
    ]);
    expect(warned.join('\n')).not.toMatch(/rm -rf|priya|Secret Region|yes-please|943 476|Patient/);
  });

  it('an accepted call logs nothing', async () => {
    const { run, warned } = logging();
    expect(await run('settings:set', { regions: ['London'] })).toMatchObject({ ok: true });
    expect(warned).toEqual([]);
  });
});

/** No errno code, system call or channel id; says what to do ("…, then try again."). */
function expectPlainWords(message: string) {
  expect(message).not.toMatch(/\bE[A-Z]{3,}\b|settings:set|backup:[a-z-]+|\bat .*:\d+:\d+|errno|syscall|rename|open '/);
  expect(message).toMatch(/then try again|Try again/);
}

describe('errors a person sees from real faults', () => {
  it('a settings file replaced by a folder (the rename over it fails): says which place and what to do', async () => {
    expect(await dispatch('settings:set', { regions: ['North'] })).toMatchObject({ ok: true });
    await rm(settingsFile());
    await mkdir(join(settingsFile(), 'inside'), { recursive: true });
    const result = await dispatch('settings:set', { regions: ['London'] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toMatch(/^DoS Desk could not finish saving the settings\. /);
    expect(result.error.message).toContain(settingsFile());
    expect(result.error.message).toMatch(/found a folder in its place\. Move that folder somewhere else/);
    expectPlainWords(result.error.message);
  });

  it('a data folder that is really a file: says so in words', async () => {
    const file = join(dir, 'not-a-folder');
    await writeFile(file, 'x');
    const inFile = createServices({ dataDir: file, desktop: NO_DESKTOP, appInfo: services.appInfo });
    const result = await createDispatcher(createHandlers(inFile), silent)('settings:set', { regions: ['London'] });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message).toMatch(/saving the settings\. DoS Desk expected a folder/);
      expectPlainWords(result.error.message);
    }
  });

  const root = process.getuid?.() === 0;
  it.skipIf(root || process.platform === 'win32')('a data folder DoS Desk may not write to: names the folder and what to do', async () => {
    await chmod(dir, 0o500);
    try {
      const result = await dispatch('settings:set', { regions: ['London'] });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.message).toMatch(new RegExp(`not allowed to change files in ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
      expect(result.error.message).toMatch(/Ask your IT team/);
      expectPlainWords(result.error.message);
    } finally {
      await chmod(dir, 0o700);
    }
  });

  it('a full disk part-way through a backup: says the disk is full and to free space, with no ENOSPC', async () => {
    const full = createServices({
      dataDir: dir,
      desktop: NO_DESKTOP,
      appInfo: services.appInfo,
      backups: {
        freeBytes: async () => 10 * 1024 ** 3,
        beforeWrite: () => {
          throw Object.assign(new Error("ENOSPC: no space left on device, write '/x/.backup-1.tmp'"), { code: 'ENOSPC', syscall: 'write' });
        },
      },
    });
    const run = createDispatcher(createHandlers(full), silent);
    const begun = await run('backup:begin', { reason: 'manual', schemaVersion: 1, counts: {}, expectedBytes: 10 });
    expect(begun.ok).toBe(true);
    if (!begun.ok) return;
    const { token } = begun.data as { token: string };
    const result = await run('backup:write-chunk', { token, index: 0, base64: Buffer.from('{}').toString('base64') });
    expect(result).toMatchObject({ ok: false, error: { code: 'failed' } });
    if (result.ok) return;
    expect(result.error.message).toBe(
      'The backup could not be written, so it was abandoned. The disk that holds DoS Desk’s data folder is full. Free some space, then try again. Earlier backups are unchanged.',
    );
    expectPlainWords(result.error.message);
  });
});

describe('keys that reach a prototype', () => {
  it.each([
    ['__proto__ at the top (as JSON.parse makes it)', JSON.parse('{"regions":["London"],"__proto__":{"polluted":true}}'), '__proto__'],
    ['constructor inside a nested object', { email: { smtp: { constructor: { prototype: { x: 1 } } } } }, 'email.smtp.constructor'],
    ['prototype inside an array item', { regions: [{ prototype: 1 }] }, 'regions.0.prototype'],
  ])('refuses %s with a clear error, and changes nothing', async (_label, args, path) => {
    const result = await dispatch('settings:set', args);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-args', fields: [{ path }] } });
    if (result.ok) return;
    expect(result.error.message).toMatch(
      /^Saving the settings was refused: it contains a field named ".+", which DoS Desk never accepts\. Nothing was changed\.$/,
    );
    expect(existsSync(settingsFile())).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses an argument nested past any real one (a cyclic clone stops here too)', async () => {
    const cyclic: Record<string, unknown> = { regions: ['London'] };
    cyclic.self = cyclic;
    const result = await dispatch('settings:set', cyclic);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid-args', message: expect.stringMatching(/nested too deeply\. Nothing was changed/) },
    });
    expect(existsSync(settingsFile())).toBe(false);
  });
});

describe('bounded desktop calls', () => {
  const recorded: string[] = [];
  const desktop = {
    ...NO_DESKTOP,
    writeClipboard: (text: string) => (recorded.push(text), true),
    notify: (title: string, body: string) => (recorded.push(title + body), true),
  };

  it('copies up to 200,000 characters and refuses one more with a clear message', async () => {
    const run = createDispatcher(createHandlers(createServices({ dataDir: dir, desktop, appInfo: services.appInfo })), silent);
    expect(await run('desktop:copy-text', { text: 'x'.repeat(COPY_TEXT_MAX_CHARS) })).toEqual({ ok: true, data: { copied: true } });
    const over = await run('desktop:copy-text', { text: 'x'.repeat(COPY_TEXT_MAX_CHARS + 1) });
    expect(over).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    if (!over.ok)
      expect(over.error.message).toMatch(/^Copying the text was refused\. text: The text is too long to copy \(over 200,000 characters\)/);
    expect(recorded.map((t) => t.length)).toEqual([COPY_TEXT_MAX_CHARS]);
  });

  it('refuses a notification title or message one character too long', async () => {
    recorded.length = 0;
    const run = createDispatcher(createHandlers(createServices({ dataDir: dir, desktop, appInfo: services.appInfo })), silent);
    expect(await run('desktop:notify', { title: 't'.repeat(NOTIFY_TITLE_MAX_CHARS), body: 'b'.repeat(NOTIFY_BODY_MAX_CHARS) })).toEqual({
      ok: true,
      data: { shown: true },
    });
    for (const args of [
      { title: 't'.repeat(NOTIFY_TITLE_MAX_CHARS + 1), body: '' },
      { title: 't', body: 'b'.repeat(NOTIFY_BODY_MAX_CHARS + 1) },
    ]) {
      const over = await run('desktop:notify', args);
      expect(over).toMatchObject({
        ok: false,
        error: { code: 'invalid-args', message: expect.stringMatching(/^Showing a notification was refused\..*characters or fewer/) },
      });
    }
    expect(recorded).toHaveLength(1);
  });

  it('the desktop main hands to Electron cannot be given more, whoever calls it', () => {
    recorded.length = 0;
    const bounded = createServices({ dataDir: dir, desktop, appInfo: services.appInfo }).desktop;
    expect(() => bounded.writeClipboard('x'.repeat(COPY_TEXT_MAX_CHARS + 1))).toThrow(/too long to copy.*Nothing was copied/);
    expect(() => bounded.notify('t', 'b'.repeat(NOTIFY_BODY_MAX_CHARS + 1))).toThrow(/It was not shown/);
    expect(recorded).toEqual([]);
  });
});

describe('the audit witness and outbox restore channels refuse bad input, changing nothing', () => {
  const witnessFile = () => join(dir, 'audit-anchors.log');

  it.each([
    ['a head numbered 0', { id: 0, hash: 'a'.repeat(64) }, /number of an audit entry/],
    ['a hash that is not SHA-256', { id: 3, hash: 'not-a-hash' }, /SHA-256 of the audit entry, as 64 hex digits/],
    ['an extra field', { id: 3, hash: 'a'.repeat(64), replaces: 2 }, /replaces/],
  ])('audit:anchor refuses %s', async (_label, args, message) => {
    const result = await dispatch('audit:anchor', args);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-args', message: expect.stringMatching(message) } });
    expect(existsSync(witnessFile())).toBe(false);
  });

  it('audit:record-restore refuses a missing head, and the witness log is not written', async () => {
    const result = await dispatch('audit:record-restore', { keptUpTo: 0, backup: 'x', by: 'y' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-args', message: expect.stringMatching(/Nothing was changed/) } });
    expect(existsSync(witnessFile())).toBe(false);
  });

  it('outbox:restore-entries refuses a message without recipients, and the outbox stays empty', async () => {
    const entry = {
      id: '0b3e6f0e-3d0a-4a8e-9d62-3a0d2b4a1c11',
      messageId: '<0b3e6f0e-3d0a-4a8e-9d62-3a0d2b4a1c11@dos-desk.local>',
      template: 'dos-team-note',
      from: { address: 'sam.okoro@nhs.net' },
      to: [],
      cc: [],
      subject: 'Rota',
      text: 'Hello',
      html: null,
      format: 'plain',
      delivery: 'smtp',
      status: 'sent',
      attempts: 1,
      lastError: null,
      nextAttemptAt: null,
      createdAt: '2026-12-01T09:00:00.000Z',
      updatedAt: '2026-12-01T09:00:00.000Z',
      sentAt: '2026-12-01T09:00:01.000Z',
      emlPath: '/elsewhere/x.eml',
      operatorId: 'op-1',
      relatedTo: null,
    };
    const result = await dispatch('outbox:restore-entries', { entries: [entry] });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-args', message: expect.stringMatching(/recipient/) } });
    expect(await dispatch('outbox:list', undefined)).toEqual({ ok: true, data: [] });
    // The same message with a recipient is put back, at this outbox's own path, never at the one it names.
    const good = await dispatch('outbox:restore-entries', { entries: [{ ...entry, to: [{ address: 'london.dos@nhs.net' }] }] });
    expect(good).toEqual({ ok: true, data: { added: 1, kept: 0 } });
    const listed = await dispatch('outbox:get', { id: entry.id });
    expect(listed).toMatchObject({ ok: true, data: { status: 'sent', emlPath: join(dir, 'outbox', `${entry.id}.eml`) } });
  });
});
