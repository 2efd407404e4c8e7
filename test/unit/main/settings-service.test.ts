import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createSettingsService } from '../../../electron/main/services/settings';
import { DEFAULT_SETTINGS, type SettingsPatch } from '../../../shared/models/settings';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dosdesk-settings-'));
});

describe('settings service', () => {
  it('starts with the defaults when there is no file', async () => {
    expect(await createSettingsService(dir).get()).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps a change across restarts, written as JSON with no temp file left behind', async () => {
    await createSettingsService(dir).set({ regions: ['London', 'South West'] });
    expect(await createSettingsService(dir).get()).toEqual({ ...DEFAULT_SETTINGS, regions: ['London', 'South West'] });
    expect(await readdir(dir)).toEqual(['settings.json']);
    expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'))).toEqual({
      ...DEFAULT_SETTINGS,
      regions: ['London', 'South West'],
    });
  });

  it('refuses an invalid change with the field named and leaves the file as it was', async () => {
    const service = createSettingsService(dir);
    await service.set({ regions: ['London'] });
    const before = await readFile(join(dir, 'settings.json'), 'utf8');
    await expect(service.set({ regions: ['London\nSouth'] })).rejects.toThrow(/regions\.0: .*line breaks/);
    await expect(service.set({ regions: 'London' } as unknown as SettingsPatch)).rejects.toThrow(/regions/);
    expect(await readFile(join(dir, 'settings.json'), 'utf8')).toBe(before);
    expect((await service.get()).regions).toEqual(['London']);
  });

  it('sets an unreadable file aside instead of deleting it, and starts from the defaults', async () => {
    await writeFile(join(dir, 'settings.json'), '{ not json');
    const service = createSettingsService(dir, () => new Date('2026-01-02T03:04:05Z'));
    expect(await service.get()).toEqual(DEFAULT_SETTINGS);
    const files = await readdir(dir);
    expect(files).toContain('settings.json.unreadable-2026-01-02T03-04-05-000Z');
    expect(await readFile(join(dir, 'settings.json.unreadable-2026-01-02T03-04-05-000Z'), 'utf8')).toBe('{ not json');
  });

  it('applies quick successive saves in order', async () => {
    const service = createSettingsService(dir);
    await Promise.all([service.set({ regions: ['A'] }), service.set({ regions: ['B'] }), service.set({ regions: ['C'] })]);
    expect((await createSettingsService(dir).get()).regions).toEqual(['C']);
  });
});

describe('email settings', () => {
  it('default to handing emails to the mail program, with no SMTP server', async () => {
    expect((await createSettingsService(dir).get()).email).toEqual({ defaultDelivery: 'mail-client', smtp: null });
  });

  it('keep an SMTP server and refuse a bad one, naming the field', async () => {
    const service = createSettingsService(dir);
    const smtp = { host: 'smtp.example.nhs.uk', port: 587, security: 'starttls' as const, user: 'priya.shah@nhs.net' };
    await service.set({ email: { defaultDelivery: 'smtp', smtp } });
    expect((await createSettingsService(dir).get()).email.smtp).toEqual(smtp);
    await expect(service.set({ email: { defaultDelivery: 'smtp', smtp: { ...smtp, port: 70000 } } })).rejects.toThrow(/email\.smtp\.port/);
    await expect(service.set({ email: { defaultDelivery: 'smtp', smtp: { ...smtp, host: 'smtp.nhs.uk\r\nRCPT TO:x' } } })).rejects.toThrow(
      /email\.smtp\.host/,
    );
    await expect(service.set({ email: { defaultDelivery: 'smtp', smtp: { ...smtp, password: 'x' } as never } })).rejects.toThrow(
      /email\.smtp/,
    );
    expect((await createSettingsService(dir).get()).email.smtp).toEqual(smtp);
  });
});

describe('a damaged settings file (issue 15 §3)', () => {
  const AT = new Date('2026-01-02T03:04:05Z');
  const setAside = () => join(dir, 'settings.json.unreadable-2026-01-02T03-04-05-000Z');
  const ALL_GROUPS = [
    'your regions (the regions operators can cover)',
    'how emails are sent by default',
    'the SMTP server (name, port, security and user name)',
    'the DoS team email addresses',
    'the Connecting Care settings (licence warning level, 5-day target and allocation year)',
  ];

  it('that is not JSON: keeps the copy and says every setting went back to its default, until dismissed', async () => {
    await writeFile(join(dir, 'settings.json'), '{"regions": ["London"], "email": {"smtp": {"host": "smtp.nhs');
    const service = createSettingsService(dir, () => AT);
    expect(await service.get()).toEqual(DEFAULT_SETTINGS);
    expect(await readFile(setAside(), 'utf8')).toBe('{"regions": ["London"], "email": {"smtp": {"host": "smtp.nhs');
    const expected = { setAsidePath: setAside(), at: '2026-01-02T03:04:05.000Z', allReset: true, reset: ALL_GROUPS };
    expect(await service.problems()).toEqual([expected]);

    // A restart: a new service on the same folder still tells, and does not set anything else aside.
    const restarted = createSettingsService(dir, () => new Date('2026-01-03T00:00:00Z'));
    expect(await restarted.problems()).toEqual([expected]);
    expect((await readdir(dir)).filter((f) => f.startsWith('settings.json.unreadable-'))).toHaveLength(1);

    expect(await restarted.dismissProblem(setAside())).toEqual([]);
    expect(await restarted.problems()).toEqual([]);
    expect(await createSettingsService(dir).problems()).toEqual([]);
    // Dismissing hides the notice; the damaged copy stays for the operator to read.
    expect(await readFile(setAside(), 'utf8')).toContain('smtp.nhs');
  });

  it('that is JSON with one invalid field: sets it all aside and names only what it had set', async () => {
    const smtp = { host: 'smtp.example.nhs.uk', port: 70000, security: 'starttls', user: 'priya.shah@nhs.net' };
    const teams = [{ region: 'London', localEmail: 'london.dos@nhs.net', regionalEmail: 'england.dos@nhs.net' }];
    await writeFile(
      join(dir, 'settings.json'),
      JSON.stringify({
        regions: ['London', 'South West'],
        email: { defaultDelivery: 'mail-client', smtp },
        dosTeams: teams,
        connectingCare: DEFAULT_SETTINGS.connectingCare,
      }),
    );
    const service = createSettingsService(dir, () => AT);
    expect(await service.get()).toEqual(DEFAULT_SETTINGS);
    expect(await service.problems()).toEqual([
      {
        setAsidePath: setAside(),
        at: '2026-01-02T03:04:05.000Z',
        allReset: false,
        // The default delivery and Connecting Care were the defaults already, so nothing was lost there.
        reset: [
          'your regions (the regions operators can cover)',
          'the SMTP server (name, port, security and user name)',
          'the DoS team email addresses',
        ],
      },
    ]);
    expect(JSON.parse(await readFile(setAside(), 'utf8')).email.smtp).toEqual(smtp);
    expect(await createSettingsService(dir).problems()).toHaveLength(1);
  });

  it('reads the settings first, so asking for problems before settings still finds a damaged file', async () => {
    await writeFile(join(dir, 'settings.json'), 'garbage');
    const service = createSettingsService(dir, () => AT);
    const [problems, settings] = await Promise.all([service.problems(), service.get(), service.get()]);
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(problems.map((p) => p.setAsidePath)).toEqual([setAside()]);
  });

  it('keeps a second damaged file as its own notice, newest first, and dismisses them one at a time', async () => {
    await writeFile(join(dir, 'settings.json'), 'first');
    await createSettingsService(dir, () => AT).get();
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ regions: [] }));
    const service = createSettingsService(dir, () => new Date('2026-02-03T04:05:06.007Z'));
    const problems = await service.problems();
    expect(problems.map((p) => [p.at, p.reset])).toEqual([
      ['2026-02-03T04:05:06.007Z', ['your regions (the regions operators can cover)']],
      ['2026-01-02T03:04:05.000Z', ALL_GROUPS],
    ]);
    expect((await service.dismissProblem(problems[0]!.setAsidePath)).map((p) => p.setAsidePath)).toEqual([setAside()]);
    expect((await createSettingsService(dir).problems()).map((p) => p.setAsidePath)).toEqual([setAside()]);
  });

  it('refuses to dismiss a file it has no notice about, in plain words, and shows notices again if the dismissed list is damaged', async () => {
    await writeFile(join(dir, 'settings.json'), 'garbage');
    const service = createSettingsService(dir, () => AT);
    await expect(service.dismissProblem(join(dir, 'settings.json'))).rejects.toThrow(/no notice about that settings file/);
    await service.dismissProblem(setAside());
    expect(await service.dismissProblem(setAside())).toEqual([]);
    await writeFile(join(dir, 'settings-problems-dismissed.json'), '{ broken');
    expect((await service.problems()).map((p) => p.setAsidePath)).toEqual([setAside()]);
  });
});
