import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@shared/models/settings';
import type { DosDeskApi } from '@shared/ipc/api';
import type { AuditEntry } from '@shared/models/audit';
import { hashEntry } from '@shared/domain/audit-chain';
import { AuditAppendOnlyError, connectWitness, type WitnessConnection } from '../../../renderer/src/db/audit-witness';
import { backupNow, BackupError, parseBackup, readBackup, restoreInto, tableCounts } from '../../../renderer/src/db/backup';
import type { DosDeskDb } from '../../../renderer/src/db/database';
import { createAccount, amendAccount } from '../../../renderer/src/features/accounts/data/accounts';
import { createOperator } from '../../../renderer/src/features/operators/data/operators';
import { verifyTrail } from '../../../renderer/src/features/audit/data/audit';
import { saveSettings } from '../../../renderer/src/features/settings/data/settings';
import { freshDb, PRIYA, rawAudit, realApi } from '../helpers';

let db: DosDeskDb;
let api: DosDeskApi;
let witness: WitnessConnection;
let leadId: string;

const account = (n: number) => ({
  fullName: `Person ${n}`,
  email: `person.${n}@nhs.net`,
  phone: '',
  organisation: 'Riverside',
  jobTitle: 'Nurse',
  userType: 'clinical-lead',
  regions: ['London'],
  roles: ['viewClinical'],
  serviceIds: [],
});

async function verify() {
  await witness.flush();
  return verifyTrail(db, api);
}

/** Rewrites entries from `fromId` on so the chain checks out against itself again (a careful forger). */
async function rehashFrom(entries: AuditEntry[], fromId: number, edit: (e: AuditEntry) => AuditEntry): Promise<AuditEntry[]> {
  let prevHash = entries.find((e) => e.id === fromId - 1)?.hash ?? '';
  return entries
    .filter((e) => e.id! >= fromId)
    .map((original) => {
      const { hash: _h, prevHash: _p, ...fields } = original.id === fromId ? edit(original) : original;
      const hash = hashEntry(fields as AuditEntry, prevHash);
      const linked = { ...fields, prevHash, hash } as AuditEntry;
      prevHash = hash;
      return linked;
    });
}

beforeEach(async () => {
  db = freshDb();
  await db.open();
  api = realApi().api;
  witness = connectWitness(db, api);
  leadId = (await createOperator(db, PRIYA, DEFAULT_SETTINGS.regions)).id;
  for (let i = 0; i < 3; i++) await createAccount(db, leadId, account(i));
});

describe('the audit trail is append-only in the data layer', () => {
  it('refuses to change, delete, replace or clear entries, and changes nothing', async () => {
    const before = await db.audit.toArray();
    const first = before[0]!;
    await expect(db.audit.update(first.id!, { action: 'nothing.happened' })).rejects.toThrow(AuditAppendOnlyError);
    await expect(db.audit.delete(first.id!)).rejects.toThrow(/cannot be changed or removed/);
    await expect(db.audit.put({ ...first, action: 'x' })).rejects.toThrow(/cannot be changed or removed/);
    await expect(db.audit.bulkPut([{ ...first, action: 'x' }])).rejects.toThrow(/cannot be changed or removed/);
    await expect(db.audit.clear()).rejects.toThrow(/cannot be changed or removed/);
    await expect(db.audit.where('id').below(3).modify({ action: 'x' })).rejects.toThrow();
    expect(await db.audit.toArray()).toEqual(before);
  });
});

describe('Verify checks the trail against main’s witness', () => {
  it('a trail left alone is witnessed to its newest entry', async () => {
    const report = await verify();
    const last = (await db.audit.orderBy(':id').last())!.id!;
    expect(report.problem).toBeNull();
    expect(report.witness).toMatchObject({ problem: null, witnessedUpTo: last, unwitnessed: null });
  });

  it('catches the newest entries deleted, naming the first one missing', async () => {
    const last = (await db.audit.orderBy(':id').last())!.id!;
    await verify();
    await rawAudit(db.name, (store) => store.delete(IDBKeyRange.lowerBound(last - 1)));
    const report = await verify();
    // The trail alone still looks whole: only the witness knows.
    expect(report.problem).toBeNull();
    expect(report.witness?.problem).toEqual({ id: last - 1, reason: expect.stringMatching(/are missing: the trail has been cut short/) });
  });

  it('catches the audit store cleared', async () => {
    await verify();
    await rawAudit(db.name, (store) => store.clear());
    const report = await verify();
    expect(report.checked).toBe(0);
    expect(report.problem).toBeNull();
    expect(report.witness?.problem?.reason).toMatch(/the audit trail is empty, but this desk witnessed \d+ entries: it has been cleared/);
  });

  it('catches an entry edited with every later hash recomputed, naming the first entry affected', async () => {
    await verify();
    const entries = await db.audit.orderBy(':id').toArray();
    const target = entries.find((e) => e.action === 'account.create')!;
    const forged = await rehashFrom(entries, target.id!, (e) => ({ ...e, after: { ...(e.after as object), roles: ['approveUser'] } }));
    await rawAudit(db.name, (store) => forged.forEach((e) => store.put(e)));
    const report = await verify();
    expect(report.problem).toBeNull();
    expect(report.witness?.problem).toEqual({ id: target.id, reason: expect.stringMatching(/has been changed or replaced/) });
  });

  it('reports entries written after the last witness as not yet witnessed, never as tampered or fine', async () => {
    await verify();
    const witnessed = (await db.audit.orderBy(':id').last())!.id!;
    // A crash between the commit and main writing the head down: the entry is there, the anchor is not.
    db.onAuditHead = null;
    await createAccount(db, leadId, account(9));
    const report = await verifyTrail(db, api);
    expect(report.problem).toBeNull();
    expect(report.witness).toMatchObject({
      problem: null,
      witnessedUpTo: witnessed,
      unwitnessed: { from: witnessed + 1, to: witnessed + 1 },
    });
  });

  it('main refuses a head that does not follow on from the one it witnessed', async () => {
    await verify();
    const last = (await db.audit.orderBy(':id').last())!;
    const back = await api.anchorAudit({ id: last.id! - 1, hash: last.hash! });
    expect(back).toMatchObject({ ok: false, error: { message: expect.stringMatching(/no longer follows on from entry/) } });
    const swapped = await api.anchorAudit({ id: last.id!, hash: 'f'.repeat(64) });
    expect(swapped.ok).toBe(false);
  });
});

describe('restores never erase history', () => {
  it('puts the records back, keeps every entry made since the backup, and appends who restored which backup and what changed', async () => {
    const manifest = await backupNow(db, api, 'manual');
    const acc = await createAccount(db, leadId, account(7));
    await amendAccount(db, leadId, acc.id, { ...account(7), jobTitle: 'Matron' });
    const trailBefore = await db.audit.orderBy(':id').toArray();
    const outcome = await restoreInto(db, await parseBackup(await readBackup(api, manifest)), {
      api,
      label: 'the backup made by hand',
      operatorId: leadId,
    });
    expect(outcome.trail).toBe('kept');
    expect(await db.accounts.count()).toBe(3);
    const trailAfter = await db.audit.orderBy(':id').toArray();
    expect(trailAfter.slice(0, trailBefore.length)).toEqual(trailBefore);
    const entry = trailAfter.at(-1)!;
    expect(entry).toMatchObject({ action: 'backup.restore', operatorId: leadId });
    expect(entry.after).toMatchObject({
      backup: 'the backup made by hand',
      by: expect.stringContaining('Priya Shah'),
      changes: { accounts: { before: 4, after: 3 } },
    });
    const report = await verify();
    expect(report.problem).toBeNull();
    expect(report.witness).toMatchObject({ problem: null, witnessedUpTo: entry.id, unwitnessed: null });
  });

  it('refuses a backup whose audit rows were edited and re-hashed (and its checksum recomputed), changing nothing', async () => {
    const manifest = await backupNow(db, api, 'manual');
    await witness.flush();
    const text = new TextDecoder().decode(await readBackup(api, manifest));
    const entries = await db.audit.orderBy(':id').toArray();
    const target = entries.find((e) => e.action === 'account.create')!;
    const forged = await rehashFrom(entries, target.id!, (e) => ({ ...e, operatorId: 'someone-else' }));
    const altered = editContent(text, (content) => {
      for (const chunk of content.data.data) {
        if (chunk.tableName !== 'audit') continue;
        chunk.rows = chunk.rows.map((row) => forged.find((f) => f.id === (row as AuditEntry).id) ?? row);
      }
    });
    expect(altered).not.toBe(text);
    const reSigned = await resign(altered);
    const parsed = await parseBackup(reSigned);
    // Without the witness saved with it (a forger would drop that too), only this desk's witness catches it.
    parsed.anchors = null;
    const countsBefore = await tableCounts(db);
    await expect(restoreInto(db, parsed, { api, label: 'x', operatorId: leadId })).rejects.toThrow(
      /does not match what this desk witnessed: .*has been changed or replaced/,
    );
    expect(await tableCounts(db)).toEqual(countsBefore);
  });

  it('refuses a backup file with one changed byte, from anywhere', async () => {
    const manifest = await backupNow(db, api, 'manual');
    const bytes = await readBackup(api, manifest);
    const at = bytes.indexOf('P'.charCodeAt(0), 300);
    bytes[at] = 'Q'.charCodeAt(0);
    await expect(parseBackup(bytes)).rejects.toThrow(BackupError);
    await expect(parseBackup(bytes)).rejects.toThrow(/does not match the SHA-256 checksum it carries/);
  });

  it('refuses a backup whose own summary lies about what it holds, even with its checksum recomputed', async () => {
    const manifest = await backupNow(db, api, 'manual');
    const text = new TextDecoder().decode(await readBackup(api, manifest));
    const lying = await resign(text.replace(/"accounts":3/, '"accounts":30'));
    await expect(parseBackup(lying)).rejects.toThrow(/says 30 accounts records, it holds 3/);
  });

  it('where the records were lost, brings the backup’s trail back and says which witnessed entries are gone', async () => {
    const manifest = await backupNow(db, api, 'manual');
    const inBackup = (await db.audit.orderBy(':id').last())!.id!;
    await createAccount(db, leadId, account(8));
    await createAccount(db, leadId, account(9));
    await witness.flush();
    const witnessedLast = (await db.audit.orderBy(':id').last())!.id!;
    // The database is lost; the data folder (and its witness) is not.
    db.close();
    db = freshDb();
    await db.open();
    witness = connectWitness(db, api);
    const outcome = await restoreInto(db, await parseBackup(await readBackup(api, manifest)), {
      api,
      label: 'the backup made by hand',
      operatorId: null,
    });
    expect(outcome).toMatchObject({ trail: 'from-backup', lost: { from: inBackup + 1, to: witnessedLast } });
    const report = await verify();
    expect(report.problem).toBeNull();
    expect(report.witness?.problem).toBeNull();
    expect(report.witness?.losses).toEqual([
      expect.objectContaining({ lost: { from: inBackup + 1, to: witnessedLast }, backup: 'the backup made by hand' }),
    ]);
    // Work goes on, witnessed as before.
    await createAccount(db, leadId, account(10));
    expect((await verify()).witness).toMatchObject({ problem: null, unwitnessed: null });
  });
});

describe('backups carry the outbox and restores never send again', () => {
  it('puts back an email a lost data folder no longer holds, waiting for a person, not sent', async () => {
    const queued = await api.queueEmail({
      template: 'dos-team-note',
      data: { subject: 'Rota for December', body: 'Please check the rota.', senderName: 'Priya Shah', senderRole: 'Local DoS Lead' },
      from: { name: 'Priya Shah', address: 'priya.shah@nhs.net' },
      to: [{ address: 'dos.team@nhs.net' }],
      cc: [],
      format: 'plain',
      delivery: 'copy',
      operatorId: leadId,
      relatedTo: null,
    } as never);
    if (!queued.ok) throw new Error(queued.error.message);
    const manifest = await backupNow(db, api, 'manual');
    const parsed = await parseBackup(await readBackup(api, manifest));
    expect(parsed.outbox).toEqual([expect.objectContaining({ id: queued.data.id, status: 'queued' })]);
    // A new data folder: the desk's outbox is empty.
    const other = realApi().api;
    const outcome = await restoreInto(db, parsed, { api: other, label: 'x', operatorId: leadId });
    expect(outcome.outbox).toEqual({ added: 1, kept: 0 });
    const list = await other.listOutbox();
    expect(list.ok && list.data).toEqual([
      expect.objectContaining({ id: queued.data.id, status: 'needs-attention', subject: 'Rota for December' }),
    ]);
    // Restoring again keeps the outbox's own state.
    expect((await restoreInto(db, parsed, { api: other, label: 'x', operatorId: leadId })).outbox).toEqual({ added: 0, kept: 1 });
  });
});

describe('settings after a restore', () => {
  it('screens show the settings in force in main; the backup’s come back only when chosen', async () => {
    await saveSettings(db, api, leadId, { regions: ['London', 'Midlands'] });
    const manifest = await backupNow(db, api, 'manual');
    await saveSettings(db, api, leadId, { regions: ['North West'] });
    const parsed = await parseBackup(await readBackup(api, manifest));
    const kept = await restoreInto(db, parsed, { api, label: 'x', operatorId: leadId });
    expect(kept.settings).toBe('kept');
    const cached = async () => ((await db.settingsCache.get('settings'))?.value as { regions: string[] }).regions;
    expect(await cached()).toEqual(['North West']);
    const main = await api.getSettings();
    expect(main.ok && main.data.regions).toEqual(['North West']);
    const brought = await restoreInto(db, parsed, { api, label: 'x', operatorId: leadId, bringBackSettings: true });
    expect(brought.settings).toBe('brought-back');
    expect(await cached()).toEqual(['London', 'Midlands']);
    const after = await api.getSettings();
    expect(after.ok && after.data.regions).toEqual(['London', 'Midlands']);
  });
});

/** Edits the records section of a backup file's text (the Dexie export between the header and the outbox). */
function editContent(text: string, edit: (content: { data: { data: { tableName: string; rows: unknown[] }[] } }) => void): string {
  const lines = text.split('\n');
  // header, records, outbox, anchors, checksum, '' (the records never hold a raw line break)
  const content = JSON.parse(lines[1]!) as { data: { data: { tableName: string; rows: unknown[] }[] } };
  edit(content);
  lines[1] = JSON.stringify(content);
  return lines.join('\n');
}

/** Recomputes a backup file's checksum line, as a forger who knows the format would. */
async function resign(text: string): Promise<Uint8Array> {
  const body = text.slice(0, text.lastIndexOf('\n', text.length - 2) + 1);
  const bytes = new TextEncoder().encode(body);
  const { createHash } = await import('node:crypto');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return new TextEncoder().encode(`${body}${JSON.stringify({ section: 'checksum', sha256, bytes: bytes.length })}\n`);
}
