/**
 * What a name in a team folder is (issue 17). Only exact names are read: anything that looks like
 * one of ours with something added (`b-00000003-DESKTOP-1.dsb`, `b-00000003 (1).dsb`,
 * `desk-LAPTOP.json`, `b-00000003.sync-conflict-….dsb`) is a copy a sync client made, skipped and
 * reported, never read in place of the real file (GUIDE §9).
 */

export type DeskEntry =
  | { kind: 'batch'; seq: number }
  | { kind: 'desk-file' }
  | { kind: 'removal'; deskId: string }
  | { kind: 'temp' }
  | { kind: 'conflict-copy' }
  | { kind: 'ignored' }
  | { kind: 'unknown' };

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const BATCH = /^b-(\d{8})\.dsb$/;
const REMOVAL = new RegExp(`^removed-(${UUID})\\.json$`);
export const DESK_FOLDER = new RegExp(`^${UUID}$`);
const DESK_FOLDER_COPY = new RegExp(`^${UUID}.+$`);
/** Files the operating system or a sync client leaves everywhere; never ours, never worth a word. */
const OS_FILES = /^(\.DS_Store|desktop\.ini|Thumbs\.db|\._.*|\.stfolder|\.stignore|\.stversions|\.dropbox.*|Icon\r?|~\$.*)$/i;

export const TEMP_PREFIX = '.tmp-';
export const batchName = (seq: number): string => `b-${String(seq).padStart(8, '0')}.dsb`;
export const removalName = (deskId: string): string => `removed-${deskId}.json`;

/** A name in `desks/<deskId>/`. */
export function classifyDeskEntry(name: string): DeskEntry {
  if (name.startsWith(TEMP_PREFIX)) return { kind: 'temp' };
  const batch = BATCH.exec(name);
  if (batch) {
    const seq = Number(batch[1]);
    return seq >= 1 ? { kind: 'batch', seq } : { kind: 'unknown' };
  }
  if (name === 'desk.json') return { kind: 'desk-file' };
  const removal = REMOVAL.exec(name);
  if (removal) return { kind: 'removal', deskId: removal[1]! };
  if (OS_FILES.test(name)) return { kind: 'ignored' };
  if (/^b-\d{8}.*\.dsb$/i.test(name) || /^desk\b.*\.json$/i.test(name) || /^removed-.*\.json$/i.test(name))
    return { kind: 'conflict-copy' };
  return { kind: 'unknown' };
}

/** A name in `desks/`: a desk's folder, a sync client's copy of one, or something else. */
export function classifyDesksEntry(name: string): 'desk' | 'conflict-copy' | 'ignored' | 'unknown' {
  if (DESK_FOLDER.test(name)) return 'desk';
  if (DESK_FOLDER_COPY.test(name)) return 'conflict-copy';
  if (OS_FILES.test(name) || name.startsWith(TEMP_PREFIX)) return 'ignored';
  return 'unknown';
}

/** A name at the top of the team folder that is worth reporting: a copy of team.json or a temp file. */
export function classifyRootEntry(name: string): 'team-file' | 'temp' | 'conflict-copy' | 'other' {
  if (name === 'team.json') return 'team-file';
  if (name.startsWith(TEMP_PREFIX)) return 'temp';
  if (/^team\b.*\.json$/i.test(name)) return 'conflict-copy';
  return 'other';
}

/** A seq a name in a desk's own folder uses or may have used (temps and copies too), so it is never reused. */
export function seqInName(name: string): number | null {
  const match = /^(?:\.tmp-)?b-(\d{8})/.exec(name);
  return match ? Number(match[1]) : null;
}
