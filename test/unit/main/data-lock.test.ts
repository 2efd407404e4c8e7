import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lockDataFolder, LOCK_FILE_NAME } from '../../../electron/main/services/data-lock';
import { NO_DESKTOP } from '../../../electron/main/services/desktop';
import { createServices, type Services } from '../../../electron/main/services';
import { TestSmtpServer } from '../../support/smtp-test-server';

const ROOT = resolve(import.meta.dirname, '../../..');
const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

function desk(dataDir: string, shell: 'electron' | 'browser-preview' = 'electron'): Services {
  const services = createServices({
    dataDir,
    desktop: NO_DESKTOP,
    appInfo: () => ({ name: 'DoS Desk', version: '0.0.0-test', dataFolder: dataDir, platform: process.platform, shell }),
    // A failed try waits a minute: only connectionReturned sends again, when the test says so.
    outbox: { backoff: () => 60_000, pollMs: 20 },
  });
  cleanup.push(() => services.stop());
  return services;
}

async function until(check: () => boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolvePort(port));
    });
  });
}

/** Runs a real process to its end and collects what it printed. */
function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the second DoS Desk was still running after 60 s (it should have refused to start)\n${stdout}${stderr}`));
    }, 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

describe('one DoS Desk per data folder', () => {
  it('a second DoS Desk (a real browser-preview process) on the same folder refuses to start, and every email goes once', async () => {
    const dataDir = join(await mkdtemp(join(tmpdir(), 'dosdesk-lock-')), 'data');
    const server = new TestSmtpServer();
    await server.start();
    await server.stop(); // the desk is offline while the emails are queued
    cleanup.push(() => server.stop());

    const first = desk(dataDir);
    await first.start();
    await first.settings.set({
      email: { defaultDelivery: 'smtp', smtp: { host: '127.0.0.1', port: server.port, security: 'none', user: '' } },
    });
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const queued = await first.outbox.queue({
        template: 'dos-team-note',
        data: { subject: `Lock ${i}`, body: `Message ${i}`, senderName: 'Sam Okoro', senderRole: 'Director on Call' },
        from: { address: 'sam.okoro@nhs.net' },
        to: [{ address: 'london.dos@nhs.net' }],
        cc: [],
        format: 'plain',
        delivery: 'smtp',
        operatorId: 'op-1',
        relatedTo: null,
      });
      ids.push(queued.messageId);
    }
    await server.start(); // back online: a second desk that started now would send them all

    const second = await run(['--import', 'tsx', 'electron/preview/cli.ts', '--port', String(await freePort()), '--data-dir', dataDir]);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(
      new RegExp(
        `Another DoS Desk is using this data folder .*: the DoS Desk desktop app \\(process ${process.pid}\\) on this computer, open since \\d\\d:\\d\\d on .*sent nothing`,
      ),
    );
    expect(second.stdout).not.toContain('is running');

    await first.outbox.connectionReturned();
    await until(() => first.outbox.list('sent').length === ids.length);
    await first.outbox.processDue();
    expect(ids.map((id) => server.countsById().get(id))).toEqual(ids.map(() => 1));
    expect(server.received).toHaveLength(ids.length);

    // Stopping lets go of the folder: the next start is welcome.
    await first.stop();
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(false);
    const next = desk(dataDir, 'browser-preview');
    await expect(next.start()).resolves.toBeUndefined();
  }, 120_000);

  it('takes over a lock left by a process that has exited', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'dosdesk-lock-stale-'));
    const gone = await new Promise<number>((done) => {
      const child = spawn(process.execPath, ['-e', '']);
      child.on('exit', () => done(child.pid!));
    });
    const file = join(dataDir, LOCK_FILE_NAME);
    await writeFile(file, JSON.stringify({ pid: gone, hostname: hostname(), startedAt: '2026-03-01T09:00:00.000Z', shell: 'electron' }));
    const services = desk(dataDir, 'browser-preview');
    await services.start();
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ pid: process.pid, hostname: hostname(), shell: 'browser-preview' });
    await services.stop();
    expect(existsSync(file)).toBe(false);
  });

  it('refuses a folder held from another computer (a shared folder), naming that computer', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'dosdesk-lock-remote-'));
    await writeFile(
      join(dataDir, LOCK_FILE_NAME),
      JSON.stringify({ pid: 4242, hostname: 'WARD-7-PC', startedAt: '2026-03-01T09:05:00.000Z', shell: 'electron' }),
    );
    await expect(lockDataFolder(dataDir, 'electron')).rejects.toThrow(
      /the DoS Desk desktop app \(process 4242\) on the computer "WARD-7-PC", open since 09:05 on 1 March 2026/,
    );
  });

  it('takes over a lock file left empty by a crash while it was being written', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'dosdesk-lock-empty-'));
    const file = join(dataDir, LOCK_FILE_NAME);
    await writeFile(file, '');
    const { utimes } = await import('node:fs/promises');
    const old = new Date(Date.now() - 60_000);
    await utimes(file, old, old);
    const lock = await lockDataFolder(dataDir, 'electron');
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ pid: process.pid });
    await lock.release();
  });
});
