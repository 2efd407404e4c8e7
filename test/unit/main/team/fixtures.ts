import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SyncDoc } from '../../../../shared/sync/doc';
import { createTeamService, type TeamOptions, type TeamService } from '../../../../electron/main/services/team/team-service';
import type { SecureStorage } from '../../../../electron/main/services/email/secrets';
import type { TeamStatus } from '../../../../shared/sync/team';

/** Few PBKDF2 iterations, so tests do not spend seconds on each passphrase. */
export const TEST_ITERATIONS = 1000;
export const PASSPHRASE = 'correct horse battery staple';

export const tempDir = (label: string) => mkdtemp(join(tmpdir(), `dosdesk-team-${label}-`));

const hex32 = (text: string) => createHash('md5').update(text).digest('hex');

/** `count` valid sync documents, made by `desk`, each an account with a little data. */
export function docs(count: number, desk: string = randomUUID(), prefix = 'a'): SyncDoc[] {
  return Array.from({ length: count }, (_, i) => {
    const hash = hex32(`${prefix}${i}`);
    return {
      _id: `accounts:${prefix}${i}`,
      _rev: `1-${hash}`,
      _revisions: { start: 1, ids: [hash] },
      t: 'accounts' as const,
      k: `${prefix}${i}`,
      v: { id: `${prefix}${i}`, name: `Person ${i}`, email: `person${i}@nhs.net`, notes: 'x'.repeat(200) },
      desk,
      by: { id: 'op1', name: 'Sam Jones' },
    };
  });
}

/** A stand-in for Electron's safeStorage: reversible, and never the plain text on disk. */
export const fakeSafeStorage = (): SecureStorage => ({
  isEncryptionAvailable: () => true,
  encryptString: (plain) => Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a)),
  decryptString: (data) => Buffer.from(data.map((b) => b ^ 0x5a)).toString('utf8'),
});

export interface TestDesk {
  dataDir: string;
  service: TeamService;
  changes: number;
}

export async function newDesk(options: Partial<TeamOptions> & { dataDir?: string } = {}): Promise<TestDesk> {
  const dataDir = options.dataDir ?? (await tempDir('data'));
  const desk: TestDesk = { dataDir, changes: 0, service: null as never };
  desk.service = createTeamService({
    secureStorage: null,
    kdfIterations: TEST_ITERATIONS,
    pollMs: 60_000,
    log: () => undefined,
    ...options,
    dataDir,
    onChange: () => {
      desk.changes++;
    },
  });
  await desk.service.start();
  return desk;
}

export type Member = Extract<TeamStatus, { state: 'member' }>;
export function member(status: TeamStatus): Member {
  if (status.state !== 'member') throw new Error('expected a member status');
  return status;
}
