import { join } from 'node:path';
import type { ReadBatch } from '../../../../shared/sync/doc';
import type { TeamProblem, TeamStatus } from '../../../../shared/sync/team';
import type { SecureStorage } from '../email/secrets';
import { createSerial } from '../serial';
import { plainReason, UserFacingError } from '../user-error';
import { openBatch, peekHeader, sealBatch, TeamFault, type BatchContent } from './batch-file';
import {
  BATCH_FILE_MAX,
  listTeamFolder,
  NotAFileError,
  PLACEHOLDER_HINT,
  readBounded,
  SMALL_FILE_MAX,
  unreachableReason,
  type HeaderCache,
} from './folder-listing';
import { batchName, DESK_FOLDER, removalName } from './folder-names';
import { FileExistsError, writeFolderFile, writeNextBatch } from './folder-write';
import { DEFAULT_KDF_ITERATIONS, type DataKey } from './team-crypto';
import {
  checkKeyList,
  lowestIterations,
  openTeamFile,
  parseDeskFile,
  parseTeamFile,
  rewrapTeamFile,
  signRemoval,
  TAMPERED_KEYS,
  type TeamFile,
} from './team-files';
import { createTeamState, type Membership } from './team-state';
import { createTeamFolder, joinTeamFolder } from './team-setup';
import { applyListing, SavedListingSchema, teamDesks, type DeskView } from './team-view';

/**
 * The team folder service (issue 17): main's side of team sync. It holds the membership and keys,
 * lists the team folder on an interval and on demand, writes this desk's batches, and reads,
 * verifies and decrypts one batch at a time for the renderer's PouchDB engine. Folder faults
 * (unreachable, half-written, placeholder, conflict copy, bad signature, …) become TeamProblems in
 * plain words; a folder that cannot be read is never read as empty.
 */
export interface TeamService {
  start(): Promise<void>;
  stop(): Promise<void>;
  status(): Promise<TeamStatus>;
  create(args: { folder: string; teamName: string; deskName: string; passphrase: string }): Promise<TeamStatus>;
  join(args: { folder: string; deskName: string; passphrase: string }): Promise<TeamStatus>;
  unlock(passphrase: string): Promise<TeamStatus>;
  leave(): Promise<TeamStatus>;
  removeDesk(deskId: string): Promise<TeamStatus>;
  changePassphrase(current: string, next: string): Promise<TeamStatus>;
  /** Lists the folder now; emits `onChange` when the listing or reachability changed. */
  check(): Promise<TeamStatus>;
  writeBatch(content: BatchContent): Promise<{ seq: number }>;
  readBatch(deskId: string, seq: number): Promise<ReadBatch>;
  sealBatch(content: BatchContent): Promise<{ fileName: string; content: string }>;
  openBatch(content: string): Promise<ReadBatch>;
}

export interface TeamOptions {
  dataDir: string;
  secureStorage: SecureStorage | null;
  /** Called when a check finds the listing, reachability or problems changed (main emits `team:changed`). */
  onChange?: () => void;
  /** How often the folder is listed (network shares report changes late). */
  pollMs?: number;
  /** PBKDF2 iterations for a new team or passphrase; fewer only in tests. */
  kdfIterations?: number;
  now?: () => Date;
  log?: (message: string, error: unknown) => void;
}

export const DEFAULT_TEAM_POLL_MS = 30_000;
/** The Team page lists at most this many problems, then says how many more there are. */
export const MAX_PROBLEMS_SHOWN = 50;

function capped(problems: TeamProblem[]): TeamProblem[] {
  if (problems.length <= MAX_PROBLEMS_SHOWN) return problems;
  const more = problems.length - MAX_PROBLEMS_SHOWN;
  return [
    ...problems.slice(0, MAX_PROBLEMS_SHOWN),
    {
      file: '',
      kind: 'unknown-file',
      message: `…and ${more} more ${more === 1 ? 'problem' : 'problems'} in the team folder, not listed here. Deal with the ones above first; the rest are listed as those go.`,
    },
  ];
}

interface View {
  reachable: boolean;
  reason: string | null;
  checkedAt: string | null;
  desks: Map<string, DeskView>;
  problems: TeamProblem[];
}

const emptyView = (): View => ({ reachable: false, reason: null, checkedAt: null, desks: new Map(), problems: [] });

export function createTeamService(options: TeamOptions): TeamService {
  const store = createTeamState(options.dataDir, options.secureStorage);
  const now = options.now ?? (() => new Date());
  const log = options.log ?? console.error;
  const iterations = options.kdfIterations ?? DEFAULT_KDF_ITERATIONS;
  const serial = createSerial();

  let membership: Membership | null = null;
  let privateKey: string | null = null;
  let keys = new Map<string, DataKey>();
  let teamFile: TeamFile | null = null;
  let view = emptyView();
  let fingerprint = '';
  /** Why team.json's key list cannot be trusted now (nothing is written meanwhile); null when it can. */
  let tampered: string | null = null;
  const readProblems = new Map<string, TeamProblem>();
  let headers: HeaderCache = new Map();
  let timer: NodeJS.Timeout | null = null;
  let checking: Promise<TeamStatus> | null = null;
  let firstCheck: Promise<unknown> | null = null;

  const member = (): Membership => {
    if (!membership) throw new UserFacingError('This desk is not in a team. Create a team folder or join one first.');
    return membership;
  };
  const removedSelf = () => Boolean(membership?.removedDesks[membership.deskId]);
  const newestKeyId = () => teamFile?.keys.at(-1)?.id ?? null;
  const locked = () => keys.size === 0 || (newestKeyId() !== null && !keys.has(newestKeyId()!));

  function status(): TeamStatus {
    if (!membership) return { state: 'none' };
    return {
      state: 'member',
      team: { id: membership.teamId, name: teamFile?.name ?? membership.teamName, folder: membership.folder },
      desk: { id: membership.deskId, name: membership.deskName },
      locked: locked(),
      removed: removedSelf(),
      reachable: view.reachable,
      unreachableReason: view.reachable ? null : (view.reason ?? 'DoS Desk has not read the team folder yet.'),
      checkedAt: view.checkedAt,
      keysProtected: store.keysProtected(),
      desks: teamDesks(view.desks, membership.deskId),
      problems: capped([...view.problems, ...[...readProblems.values()].filter((p) => !view.problems.some((q) => q.file === p.file))]),
    };
  }

  const fingerprintOf = (s: TeamStatus) => JSON.stringify(s.state === 'member' ? { ...s, checkedAt: null } : s);

  function notifyIfChanged(): void {
    const next = fingerprintOf(status());
    if (next === fingerprint) return;
    fingerprint = next;
    try {
      options.onChange?.();
    } catch (error) {
      log('[team] could not tell the window the team folder changed', error);
    }
  }

  /**
   * Checks team.json's key list against the newest key this desk has seen, and moves that forward
   * when the list is authenticated. False (and `tampered` set) when it cannot be trusted.
   */
  async function vetTeamFile(file: TeamFile): Promise<boolean> {
    const m = membership;
    if (!m) return false;
    const result = checkKeyList(file, keys, m.newestKeyId);
    if (!result.ok) {
      tampered = result.reason;
      return false;
    }
    tampered = null;
    if (result.verified && result.newest !== m.newestKeyId) {
      membership = { ...m, newestKeyId: result.newest };
      await store.saveMembership(membership).catch((error: unknown) => log('[team] could not save the newest team key', error));
    }
    return true;
  }

  /** Lists the folder and folds the result in; never throws (an unreadable folder is "not reachable"). */
  async function refresh(): Promise<void> {
    const m = membership;
    if (!m) return;
    const listing = await listTeamFolder(m.folder, headers).catch((error: unknown) => ({
      reachable: false as const,
      reason: unreachableReason(error, m.folder),
    }));
    if (membership !== m) return; // left or rejoined meanwhile
    const checkedAt = now().toISOString();
    if (!listing.reachable) {
      view = { ...view, reachable: false, reason: listing.reason, checkedAt };
      return;
    }
    if (listing.team.teamId !== m.teamId) {
      view = {
        ...view,
        reachable: false,
        reason: `The folder ${m.folder} now holds another team ("${listing.team.name}"), not this desk's. Check that the right drive is connected.`,
        checkedAt,
      };
      return;
    }
    const trusted = await vetTeamFile(listing.team);
    if (trusted && (!teamFile || JSON.stringify(teamFile) !== JSON.stringify(listing.team))) {
      teamFile = listing.team;
      await store.saveTeamText(listing.teamText).catch((error: unknown) => log('[team] could not keep a copy of team.json', error));
    }
    const applied = await applyListing(listing, membership ?? m, view.desks, now());
    if (tampered) applied.problems.unshift({ file: 'team.json', kind: 'damaged', message: tampered });
    if (applied.membership !== (membership ?? m)) {
      membership = applied.membership;
      await store.saveMembership(applied.membership).catch((error: unknown) => log('[team] could not save the team desks', error));
    }
    // Problems found on reading a file are kept until the file reads well or is gone.
    const present = new Set([...applied.desks.values()].flatMap((d) => d.batches.map((s) => `desks/${d.id}/${batchName(s)}`)));
    for (const file of readProblems.keys()) if (!present.has(file)) readProblems.delete(file);
    const desksBefore = JSON.stringify([...view.desks.values()]);
    view = { reachable: true, reason: null, checkedAt, desks: applied.desks, problems: applied.problems };
    const desksNow = JSON.stringify([...view.desks.values()]);
    if (desksNow !== desksBefore)
      await store
        .saveListing({ desks: [...view.desks.values()] })
        .catch((error: unknown) => log('[team] could not save the listing', error));
  }

  function check(): Promise<TeamStatus> {
    // Checks asked for while one runs share it: a slow network share is listed once at a time.
    checking ??= serial(async () => {
      try {
        await refresh();
      } catch (error) {
        log('[team] listing the team folder failed', error);
      }
      notifyIfChanged();
      return status();
    }).finally(() => {
      checking = null;
    });
    return checking;
  }

  function startPolling(): void {
    stopPolling();
    timer = setInterval(() => {
      if (!checking) check().catch((error: unknown) => log('[team] polling failed', error));
    }, options.pollMs ?? DEFAULT_TEAM_POLL_MS);
    timer.unref?.();
  }
  function stopPolling(): void {
    if (timer) clearInterval(timer);
    timer = null;
  }

  function adopt(next: { membership: Membership; privateKey: string; keys: DataKey[]; teamFile: TeamFile }): void {
    membership = next.membership;
    privateKey = next.privateKey;
    keys = new Map(next.keys.map((k) => [k.id, k]));
    teamFile = next.teamFile;
    tampered = null;
    view = emptyView();
    readProblems.clear();
    headers = new Map();
    startPolling();
  }

  async function notMember(): Promise<void> {
    if (membership)
      throw new UserFacingError(`This desk is already in the team "${teamFile?.name ?? membership.teamName}". Leave that team first.`);
  }

  /** team.json as the folder holds it now, checked to be this desk's team; a UserFacingError when not. */
  async function currentTeamText(m: Membership): Promise<{ text: string; file: TeamFile }> {
    let text: string;
    try {
      text = await readBounded(join(m.folder, 'team.json'), SMALL_FILE_MAX, 'team.json');
    } catch (error) {
      if (error instanceof NotAFileError) throw new UserFacingError(`${error.message} Nothing was written.`, { cause: error });
      throw new UserFacingError(
        (error as NodeJS.ErrnoException).code === 'ENOENT'
          ? `team.json is missing from ${m.folder}: the folder may not be fully synced or mounted. Nothing was written.`
          : `${unreachableReason(error, m.folder)} Nothing was written.`,
        { cause: error },
      );
    }
    if (text.length === 0) throw new UserFacingError(`team.json in ${m.folder} ${PLACEHOLDER_HINT}`);
    const file = parseTeamFile(text);
    if (!file) throw new UserFacingError(`team.json in ${m.folder} cannot be read: it may be half-copied. Try again in a moment.`);
    if (file.teamId !== m.teamId)
      throw new UserFacingError(`The folder ${m.folder} now holds another team ("${file.name}"). Nothing was written.`);
    return { text, file };
  }

  function writable(m: Membership): string {
    if (tampered) throw new UserFacingError(tampered);
    if (removedSelf())
      throw new UserFacingError(
        'Another desk removed this desk from the team: it can still read the team folder but can no longer add to it.',
      );
    if (locked()) throw new UserFacingError('The team is locked on this desk: enter the team passphrase on the Team page first.');
    if (!privateKey)
      throw new UserFacingError(
        "This desk's signing key could not be read (the computer's key store may have changed). Leave the team and join it again.",
      );
    return m.deskId;
  }

  async function rememberKeys(next: DataKey[]): Promise<void> {
    keys = new Map([...keys, ...next.map((k) => [k.id, k] as const)]);
    if (privateKey) await store.saveSecrets(privateKey, [...keys.values()]);
  }

  async function readBatchFile(deskId: string, seq: number): Promise<ReadBatch> {
    const m = member();
    if (keys.size === 0) throw new UserFacingError('The team is locked on this desk: enter the team passphrase on the Team page first.');
    const file = `desks/${deskId}/${batchName(seq)}`;
    const desk = view.desks.get(deskId);
    try {
      // Removals this desk has honoured stick, whether or not the desk is in the current listing.
      const keepUpToSeq = m.removedDesks[deskId]?.keepUpToSeq ?? desk?.keepUpToSeq ?? null;
      const name = desk?.name ?? m.knownDesks[deskId]?.name ?? deskId;
      if (keepUpToSeq !== null && seq > keepUpToSeq)
        throw new TeamFault('removed-desk', `${file} was written by "${name}" after it was removed from the team: it was refused.`);
      if (!desk)
        throw new UserFacingError(
          `${file} belongs to a desk that is not in this desk's listing of the team folder: check the Team page, then try again. Nothing was taken in.`,
        );
      let text: string;
      try {
        text = await readBounded(join(m.folder, file), BATCH_FILE_MAX, file);
      } catch (error) {
        if (error instanceof NotAFileError) throw new TeamFault('damaged', error.message);
        if ((error as NodeJS.ErrnoException).code === 'ENOENT')
          throw new UserFacingError(
            `${file} is not in the team folder now: the folder may not be fully synced or mounted. Nothing was taken in.`,
            {
              cause: error,
            },
          );
        throw new UserFacingError(`${file} cannot be read now. ${plainReason(error)}`, { cause: error });
      }
      const read = await openBatch(text, {
        team: m.teamId,
        desk: deskId,
        seq,
        keyFor: (id) => membership?.knownDesks[id]?.publicKey ?? null,
        keys,
        label: file,
      });
      readProblems.delete(file);
      const { header: _header, ...batch } = read;
      return batch;
    } catch (error) {
      if (error instanceof TeamFault) readProblems.set(file, { file, kind: error.kind, message: error.message });
      throw error;
    }
  }

  async function sealFor(m: Membership, seq: number, content: BatchContent, writtenAt: string): Promise<string> {
    // Never an older key than the newest this desk has seen in an authenticated team.json.
    const key = keys.get(m.newestKeyId ?? newestKeyId() ?? '');
    if (!key) throw new UserFacingError('The team is locked on this desk: enter the team passphrase on the Team page first.');
    return sealBatch({ team: m.teamId, desk: m.deskId, seq, writtenAt, key, privateKey: privateKey!, content });
  }

  return {
    async start() {
      const loaded = await store.load().catch((error: unknown) => {
        log('[team] could not read the team state; this desk works alone until it can', error);
        return null;
      });
      if (!loaded) return;
      if (!loaded.membership) return;
      membership = loaded.membership;
      privateKey = loaded.privateKey;
      keys = new Map(loaded.keys.map((k) => [k.id, k]));
      teamFile = loaded.teamText ? parseTeamFile(loaded.teamText) : null;
      const saved = SavedListingSchema.safeParse(loaded.listing);
      if (saved.success) view.desks = new Map(saved.data.desks.map((d) => [d.id, d]));
      startPolling();
      firstCheck = check();
    },
    async stop() {
      stopPolling();
      await checking?.catch(() => undefined);
      await serial(async () => undefined);
    },
    async status() {
      // Just after start, wait a little for the first listing rather than say "not read yet".
      if (firstCheck) await Promise.race([firstCheck, new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
      firstCheck = null;
      return status();
    },
    check,
    create: (args) =>
      serial(async () => {
        await notMember();
        adopt(await createTeamFolder(args, { store, iterations, now }));
        await refresh();
        notifyIfChanged();
        return status();
      }),
    join: (args) =>
      serial(async () => {
        await notMember();
        adopt(await joinTeamFolder(args, { store, iterations, now }));
        await refresh();
        notifyIfChanged();
        return status();
      }),
    unlock: (passphrase) =>
      serial(async () => {
        const m = member();
        // The folder's team.json when it can be read (it may hold a newer key); else the copy kept here.
        let file = await currentTeamText(m)
          .then((t) => t.file)
          .catch(() => null);
        const fromFolder = file !== null;
        file ??= teamFile;
        if (!file)
          throw new UserFacingError(
            `The team folder cannot be reached now and this desk has no copy of its team.json. Try again when ${m.folder} is reachable.`,
          );
        if (m.newestKeyId && !file.keys.some((k) => k.id === m.newestKeyId)) {
          tampered = TAMPERED_KEYS;
          notifyIfChanged();
          throw new UserFacingError(TAMPERED_KEYS);
        }
        await rememberKeys(await openTeamFile(file, passphrase, lowestIterations(iterations)));
        if (fromFolder) teamFile = file;
        await vetTeamFile(file);
        notifyIfChanged();
        return status();
      }),
    leave: () =>
      serial(async () => {
        member();
        tampered = null;
        stopPolling();
        await store.clear();
        membership = null;
        privateKey = null;
        keys = new Map();
        teamFile = null;
        view = emptyView();
        readProblems.clear();
        headers = new Map();
        notifyIfChanged();
        return status();
      }),
    removeDesk: (deskId) =>
      serial(async () => {
        const m = member();
        if (deskId === m.deskId) throw new UserFacingError('A desk cannot remove itself from the team: use "Leave the team" instead.');
        await refresh();
        if (!view.reachable) throw new UserFacingError(`${view.reason ?? 'The team folder cannot be reached now.'} Nothing was written.`);
        if (removedSelf()) throw new UserFacingError('Another desk removed this desk from the team: it can no longer remove desks.');
        if (!privateKey)
          throw new UserFacingError(
            "This desk's signing key could not be read (the computer's key store may have changed). Leave the team and join it again.",
          );
        const target = view.desks.get(deskId);
        if (!target) throw new UserFacingError('There is no such desk in the team folder. Nothing was written.');
        if (target.keepUpToSeq !== null) throw new UserFacingError(`"${target.name}" has already been removed from the team.`);
        const notice = await signRemoval(
          {
            team: m.teamId,
            remover: m.deskId,
            deskId,
            keepUpToSeq: Math.max(target.highestName, ...target.batches, 0),
            removedAt: now().toISOString(),
          },
          privateKey!,
        );
        try {
          await writeFolderFile(join(m.folder, 'desks', m.deskId, removalName(deskId)), JSON.stringify(notice, null, 2));
        } catch (error) {
          if (error instanceof FileExistsError) throw new UserFacingError(`This desk has already removed "${target.name}".`);
          throw new UserFacingError(`DoS Desk could not write the removal notice. ${plainReason(error)}`, { cause: error });
        }
        await refresh();
        notifyIfChanged();
        return status();
      }),
    changePassphrase: (current, next) =>
      serial(async () => {
        const m = member();
        if (removedSelf())
          throw new UserFacingError('Another desk removed this desk from the team: it can no longer change the passphrase.');
        const before = await currentTeamText(m);
        if (!(await vetTeamFile(before.file))) throw new UserFacingError(tampered ?? TAMPERED_KEYS);
        const changed = await rewrapTeamFile(before.file, current, next, iterations);
        const again = await currentTeamText(m);
        if (again.text !== before.text)
          throw new UserFacingError(
            'team.json changed while the new passphrase was being set (perhaps another desk changed it too). Nothing was changed: try again.',
          );
        const text = JSON.stringify(changed.file, null, 2);
        try {
          await writeFolderFile(join(m.folder, 'team.json'), text, { overwrite: true });
        } catch (error) {
          throw new UserFacingError(`DoS Desk could not write the new team.json. The passphrase is unchanged. ${plainReason(error)}`, {
            cause: error,
          });
        }
        teamFile = changed.file;
        await rememberKeys(changed.keys);
        await vetTeamFile(changed.file);
        await store.saveTeamText(text);
        await refresh();
        notifyIfChanged();
        return status();
      }),
    writeBatch: (content) =>
      serial(async () => {
        const m = member();
        writable(m);
        const { file } = await currentTeamText(m);
        if (!(await vetTeamFile(file))) {
          notifyIfChanged();
          throw new UserFacingError(tampered ?? TAMPERED_KEYS);
        }
        if (JSON.stringify(file) !== JSON.stringify(teamFile)) {
          teamFile = file;
          if (locked()) {
            notifyIfChanged();
            throw new UserFacingError(
              'The team passphrase was changed on another desk: enter the new passphrase on the Team page first. Nothing was written.',
            );
          }
        }
        const own = join(m.folder, 'desks', m.deskId);
        const deskFile = await readBounded(join(own, 'desk.json'), SMALL_FILE_MAX, 'desk.json').catch(() => null);
        if (deskFile === null || parseDeskFile(deskFile)?.publicKey !== m.publicKey)
          throw new UserFacingError(
            `This desk's own folder (desks/${m.deskId}) is missing from the team folder or holds another desk.json: it may not be fully synced. Nothing was written.`,
          );
        let seq: number;
        const writtenAt = now().toISOString();
        try {
          const sealer = membership ?? m;
          seq = await writeNextBatch(own, m.lastSeq, (n) => sealFor(sealer, n, content, writtenAt));
        } catch (error) {
          throw new UserFacingError(`DoS Desk could not write to the team folder. ${plainReason(error)} The changes wait on this desk.`, {
            cause: error,
          });
        }
        membership = { ...(membership ?? m), lastSeq: seq };
        await store.saveMembership(membership);
        // The listing knows this batch at once, so reading it back needs no new listing.
        const desk = view.desks.get(m.deskId);
        if (desk && !desk.batches.includes(seq)) {
          view.desks.set(m.deskId, {
            ...desk,
            batches: [...desk.batches, seq],
            snapshots: content.snapshot ? [...desk.snapshots, seq] : desk.snapshots,
            lastSeenAt: writtenAt,
            highestName: Math.max(desk.highestName, seq),
          });
          // The renderer made this write: the next check has nothing new to tell it about it.
          fingerprint = fingerprintOf(status());
        }
        return { seq };
      }),
    readBatch: readBatchFile,
    sealBatch: (content) =>
      serial(async () => {
        const m = member();
        writable(m);
        const stamp = now().toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
        const name =
          m.deskName
            .replace(/[^A-Za-z0-9]+/g, '-')
            .replace(/^-|-$/g, '')
            .slice(0, 40) || 'desk';
        return { fileName: `dos-desk-${name}-${stamp}.dsb`, content: await sealFor(m, 0, content, now().toISOString()) };
      }),
    async openBatch(content) {
      const m = member();
      if (keys.size === 0) throw new UserFacingError('The team is locked on this desk: enter the team passphrase on the Team page first.');
      if (content.length > BATCH_FILE_MAX)
        throw new UserFacingError('The batch file is far bigger than DoS Desk writes (at most 64 MB): it was not read.');
      const header = peekHeader(content.slice(0, 4096));
      const deskId = header?.desk ?? null;
      if (deskId && DESK_FOLDER.test(deskId) && !m.knownDesks[deskId]) await learnDesk(m, deskId);
      const desk = deskId ? view.desks.get(deskId) : undefined;
      const keepUpToSeq = deskId ? (membership?.removedDesks[deskId]?.keepUpToSeq ?? desk?.keepUpToSeq ?? null) : null;
      if (keepUpToSeq !== null && (header!.seq === 0 || header!.seq > keepUpToSeq))
        throw new TeamFault(
          'removed-desk',
          `The batch file was made by "${desk?.name ?? membership?.knownDesks[deskId!]?.name ?? deskId}" after it was removed from the team: it was refused.`,
        );
      const { header: _header, ...batch } = await openBatch(content, {
        team: m.teamId,
        desk: null,
        seq: null,
        keyFor: (id) => membership?.knownDesks[id]?.publicKey ?? null,
        keys,
        label: 'The batch file',
      });
      return batch;
    },
  };

  /** A desk first met in a batch carried by hand: trusted only if its desk.json is in the team folder. */
  async function learnDesk(m: Membership, deskId: string): Promise<void> {
    const text = await readBounded(join(m.folder, 'desks', deskId, 'desk.json'), SMALL_FILE_MAX, 'desk.json').catch(() => null);
    const desk = text ? parseDeskFile(text) : null;
    if (!desk || desk.deskId !== deskId || membership !== m) return;
    membership = {
      ...m,
      knownDesks: { ...m.knownDesks, [deskId]: { publicKey: desk.publicKey, name: desk.name, firstSeenAt: now().toISOString() } },
    };
    await store.saveMembership(membership);
  }
}
