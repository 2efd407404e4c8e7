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
