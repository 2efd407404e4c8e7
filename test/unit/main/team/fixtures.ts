import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SyncDoc } from '../../../../shared/sync/doc';

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
