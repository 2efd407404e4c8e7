import Dexie from 'dexie';
import type { DosDeskApi } from '@shared/ipc/api';
import type { AnchorLog } from '@shared/domain/audit-witness';
import type { AuditEntry } from '@shared/models/audit';
import { Settings } from '@shared/models/settings';
import { appendAudit, verifyEntries } from './audit';
import { BackupError, ok, tableCounts, type ParsedBackup, type Progress } from './backup-file';
import { LOCAL_TABLES } from './sync-tables';
import { DosDeskDb } from './database';
import { LATEST_VERSION, SCHEMA_VERSIONS } from './schema';

// Restoring the records from a checked backup (backup-file.ts): the trail kept, older backups brought
// up to date, the outbox and settings put back.

export interface RestoreOptions {
  /** Main: the witness to check the backup's trail against, the outbox to put back, the settings. Null in tests. */
  api: Pick<DosDeskApi, 'getAuditAnchors' | 'recordAuditRestore' | 'restoreOutbox' | 'getSettings' | 'setSettings'> | null;
  /** Which backup, in words ("the backup from 1 Dec 2026, 09:00"). */
  label: string;
  /** Who is restoring; null from the recovery screen, where nobody is signed in. */
  operatorId: string | null;
  /** Also bring back the settings saved in the backup (the operator's choice). */
  bringBackSettings?: boolean;
  progress?: Progress;
}

export interface RestoreOutcome {
  /** Records per table after the restore. */
  counts: Record<string, number>;
  /** Per table, how many records there were before and after. */
  changes: Record<string, { before: number; after: number }>;
  /** The trail on this desk was kept (and the restore added to it), or came back from the backup (it was empty). */
  trail: 'kept' | 'from-backup';
  /** Witnessed entries written after the backup that are gone because the records had been lost. */
  lost: { from: number; to: number } | null;
  outbox: { added: number; kept: number } | null;
  settings: 'kept' | 'brought-back';
}

const SETTINGS_KEY = 'settings';
/** Kept as they are on this desk by a restore: the trail is appended to, the change log notes the restore's writes. */
const NOT_HISTORY = new Set(['audit', 'settingsCache', ...LOCAL_TABLES]);

/** The backup's own copy of the settings, if it holds one. */
export function settingsInBackup(backup: ParsedBackup): Settings | null {
  const row = (backup.tables.settingsCache ?? []).find((r) => (r as { key?: unknown }).key === SETTINGS_KEY) as
    { value?: unknown } | undefined;
  const parsed = Settings.safeParse(row?.value);
  return parsed.success ? parsed.data : null;
}

/**
 * Puts the records back as they were in a backup, in one transaction, without erasing history:
 * the audit trail on this desk is kept whole and the restore is appended to it (which backup, by
 * whom, and the counts per record type before and after). Only when the trail here is empty (the
 * records were lost) does the backup's trail come back, and main's witness then records which
 * witnessed entries are gone for good. The backup's own trail is checked first, against its hashes
 * and against this desk's witness; an altered one is refused and nothing changes. Emails in the
 * backup that main no longer holds are put back, never sent again.
 */
export async function restoreInto(db: DosDeskDb, backup: ParsedBackup, options: RestoreOptions): Promise<RestoreOutcome> {
  const { api, progress } = options;
  const tables = await upToDateTables(backup, progress);
  const backupTrail = (tables.audit ?? []) as AuditEntry[];
  const anchors = api ? ok(await api.getAuditAnchors()) : null;
  const witnesses = [
    { log: backup.anchors, whose: 'the witness saved with it' },
    { log: anchors, whose: 'what this desk witnessed' },
  ].filter((w): w is { log: AnchorLog; whose: string } => w.log !== null);
  const check = verifyEntries(
    backupTrail,
    witnesses.map((w) => w.log),
  );
  if (check.problem)
    throw new BackupError(
      `The audit trail in this backup has been altered: ${check.problem.reason}. It was not used, and nothing was changed.`,
    );
  check.witnessProblems.forEach((problem, i) => {
    if (problem)
      throw new BackupError(
        `The audit trail in this backup does not match ${witnesses[i]!.whose}: ${problem.reason}. The backup has been altered (or was made on another desk), so it was not used. Nothing was changed.`,
      );
  });

  const backupHead = backupTrail.reduce((max, e) => Math.max(max, e.id ?? 0), 0);
  const total = Object.values(tables).reduce((n, rows) => n + rows.length, 0);
  let done = 0;
  const sink = db.onAuditHead;
  db.onAuditHead = null;
  let trail = 'kept' as RestoreOutcome['trail'];
  let head: AuditEntry;
  let by = 'the recovery screen (nobody was signed in)';
  const changes: RestoreOutcome['changes'] = {};
  try {
    head = await db.transaction('rw', db.tables, async () => {
      const operator = options.operatorId ? await db.operators.get(options.operatorId) : undefined;
      if (operator) by = `${operator.fullName} (${operator.email})`;
      for (const t of db.tables)
        if (!NOT_HISTORY.has(t.name)) changes[t.name] = { before: await t.count(), after: (tables[t.name] ?? []).length };
      if ((await db.audit.count()) === 0) {
        trail = 'from-backup';
        for (let i = 0; i < backupTrail.length; i += 5000) await db.audit.bulkAdd(backupTrail.slice(i, i + 5000));
        done += backupTrail.length;
      }
      // The current operator stays who it is; a desk that had none takes the backup's.
      const settingsRows = (tables.settingsCache ?? []) as { key: string }[];
      for (const row of settingsRows)
        if (row.key !== SETTINGS_KEY && !(await db.settingsCache.get(row.key))) await db.settingsCache.put(row as never);
      for (const t of db.tables) {
        if (NOT_HISTORY.has(t.name)) continue;
        await t.clear();
        const rows = tables[t.name] ?? [];
        for (let i = 0; i < rows.length; i += 5000) {
          await t.bulkAdd(rows.slice(i, i + 5000));
          done += Math.min(5000, rows.length - i);
          progress?.({ stage: 'Restoring records', done, total });
        }
      }
      const restoredBy = options.operatorId && (await db.operators.get(options.operatorId)) ? options.operatorId : 'dos-desk';
      return appendAudit(db, {
        operatorId: restoredBy,
        entity: 'backup',
        entityId: backup.header?.createdAt ?? options.label,
        action: 'backup.restore',
        before: null,
        after: {
          backup: options.label,
          madeAt: backup.header?.createdAt ?? null,
          by,
          trail:
            trail === 'kept'
              ? 'The audit trail on this desk was kept; this entry was added to it.'
              : 'The audit trail came back from the backup: the one on this desk was empty.',
          changes,
        },
      });
    });
  } finally {
    db.onAuditHead = sink;
  }

  let lost: RestoreOutcome['lost'] = null;
  if (api) {
    if (trail === 'from-backup') {
      lost = ok(
        await api.recordAuditRestore({ keptUpTo: backupHead, head: { id: head.id!, hash: head.hash! }, backup: options.label, by }),
      ).lost;
    } else {
      sink?.({ id: head.id!, hash: head.hash! });
    }
  }
  const outbox = api && backup.outbox.length ? await restoreOutbox(api, backup.outbox) : null;
  let settings: RestoreOutcome['settings'] = 'kept';
  const saved = settingsInBackup(backup);
  if (api && options.bringBackSettings && saved) {
    ok(await api.setSettings(saved));
    settings = 'brought-back';
  }
  // Screens show the settings in force in main, never the backup's copy.
  if (api) {
    const current = await api.getSettings();
    if (current.ok) await db.settingsCache.put({ key: SETTINGS_KEY, value: current.data });
  }
  return { counts: await tableCounts(db), changes, trail, lost, outbox, settings };
}

/** Sends the backup's emails to main in parts small enough for one call each. */
async function restoreOutbox(api: Pick<DosDeskApi, 'restoreOutbox'>, entries: unknown[]): Promise<{ added: number; kept: number }> {
  let added = 0;
  let kept = 0;
  let batch: unknown[] = [];
  let size = 0;
  const send = async () => {
    if (!batch.length) return;
    const result = ok(await api.restoreOutbox(batch as never));
    added += result.added;
    kept += result.kept;
    batch = [];
    size = 0;
  };
  for (const entry of entries) {
    const bytes = JSON.stringify(entry).length;
    if (batch.length && (size + bytes > 600_000 || batch.length >= 200)) await send();
    batch.push(entry);
    size += bytes;
  }
  await send();
  return { added, kept };
}

/** A backup's rows in today's schema: older backups go through the normal migrations first. */
export async function upToDateTables(backup: ParsedBackup, progress?: Progress): Promise<Record<string, unknown[]>> {
  let tables = backup.tables;
  if (backup.schemaVersion < LATEST_VERSION) {
    progress?.({ stage: 'Bringing the backup up to date', done: 0, total: 1 });
    const scratchName = `dos-desk-restore-${Date.now()}`;
    const old = new Dexie(scratchName);
    for (const step of SCHEMA_VERSIONS.filter((v) => v.version <= backup.schemaVersion)) old.version(step.version).stores(step.stores);
    await old.open();
    await old.transaction('rw', old.tables, async () => {
      for (const [name, rows] of Object.entries(backup.tables)) await old.table(name).bulkAdd(rows);
    });
    old.close();
    const upgraded = new DosDeskDb(scratchName);
    await upgraded.open();
    tables = {};
    for (const t of upgraded.tables) tables[t.name] = await t.toArray();
    upgraded.close();
    await Dexie.delete(scratchName);
  }
  return tables;
}
