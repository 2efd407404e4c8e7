import { readFile } from 'node:fs/promises';
import { beforeEach, describe, expect, it } from 'vitest';
import { ATTESTATIONS } from '@shared/domain/connecting-care';
import { londonDate } from '@shared/domain/london-time';
import type { DosDeskApi } from '@shared/ipc/api';
import type { Organisation } from '@shared/models/connecting-care';
import type { Operator } from '@shared/models/operator';
import { DEFAULT_SETTINGS } from '@shared/models/settings';
import type { DosDeskDb } from '../../../renderer/src/db/database';
import { InputError } from '../../../renderer/src/db/guards';
import { EmailNotQueuedError } from '../../../renderer/src/entities/email/change-then-email';
import {
  ccEmailNotQueued,
  fileCcRequest,
  licencesInUse,
  queueCcEmailAgain,
  saveOrganisation,
  targetFor,
  trackCcRequest,
} from '../../../renderer/src/features/connecting-care/data/cc';
import { createOperator } from '../../../renderer/src/features/operators/data/operators';
import { emailRefusingApi, freshDb, PRIYA, realApi } from '../helpers';

let db: DosDeskDb;
let api: DosDeskApi;
let authoriser: Operator;
let stranger: Operator;
let org: Organisation;
const ALL = ATTESTATIONS.map((a) => a.id);
const NOW = new Date('2026-11-20T10:00:00Z');

const starter = (change: Record<string, unknown> = {}) => ({
  type: 'new-user',
  organisationId: org.id,
  purpose: 'direct-care',
  fullName: "Zoë O'Neill-Brontë",
  jobTitle: 'Community Nurse',
  workEmail: 'zoe.oneill@nhs.net',
  role: 'Clinician',
  startDate: '2026-12-01',
  temporary: 'yes',
  finishingDate: '2027-03-31',
  attestations: ALL,
  ...change,
});

const s = () => ({ db, api, operatorId: authoriser.id, delivery: 'mail-client' as const });
async function nothingWritten() {
  expect(await db.ccRequests.count()).toBe(0);
  expect(await db.ccLicences.count()).toBe(0);
  const outbox = await api.listOutbox();
  expect(outbox.ok && outbox.data).toEqual([]);
}

beforeEach(async () => {
  db = freshDb();
  await db.open();
  api = realApi().api;
  authoriser = await createOperator(db, PRIYA, DEFAULT_SETTINGS.regions);
  stranger = await createOperator(db, { ...PRIYA, fullName: 'Not Authoriser', email: 'not.authoriser@nhs.net' }, DEFAULT_SETTINGS.regions);
  org = await saveOrganisation(
    db,
    authoriser.id,
    {
      name: 'Riverside Trust',
      serviceDeskEmail: 'servicedesk@riverside.nhs.uk',
      allocationPerYear: 2,
      authorisers: [{ name: 'Priya Shah', email: 'priya.shah@nhs.net' }],
      roles: ['Clinician', 'Administrator'],
    },
    null,
  );
});

describe('Connecting Care requests', () => {
  it('files a starter: the service desk email has the exact title, every field, and the authoriser copied in', async () => {
    const request = await fileCcRequest(s(), starter(), DEFAULT_SETTINGS, NOW);
    expect(request.sent.subject).toBe("Connecting Care (starter) Zoë O'Neill-Brontë");
    expect(request.sent.text).toContain('Work email: zoe.oneill@nhs.net');
    expect(request.sent.text).toContain('Finishing date: 2027-03-31');
    expect(request.sent.text).toContain('Authorised by: Priya Shah (priya.shah@nhs.net)');
    const entry = await api.getOutboxEntry(request.sent.outboxId!);
    expect(entry.ok && entry.data).toMatchObject({
      to: [{ address: 'servicedesk@riverside.nhs.uk' }],
      cc: [{ address: 'priya.shah@nhs.net' }],
    });
    const eml = await readFile(entry.ok ? entry.data.emlPath : '', 'utf8');
    expect(eml).toMatch(/^Subject: =\?UTF-8\?/m); // non-ASCII names are encoded in the header…
    expect(request.sent.subject).toMatch(/Zoë/); // …and read back exactly
    expect(await licencesInUse(db, org.id)).toBe(1);
  });

  it('stops a secondary purpose with the guide’s words, writing and sending nothing', async () => {
    const error = await fileCcRequest(s(), starter({ purpose: 'secondary' }), DEFAULT_SETTINGS, NOW).catch((e: unknown) => e);
    expect((error as InputError).field).toBe('purpose');
    expect((error as Error).message).toMatch(/only for direct care purposes.*do not process their application further/);
    await nothingWritten();
  });

  it.each([
    ['an unconfirmed responsibility', { attestations: ALL.slice(1) }, 'attestations'],
    ['a finishing date before the start date', { finishingDate: '2026-11-01' }, 'finishingDate'],
    ['temporary staff with no finishing date', { finishingDate: '' }, 'finishingDate'],
    ['a role the organisation does not have', { role: 'Researcher' }, 'role'],
  ])('refuses %s, writing and sending nothing', async (_label, change, field) => {
    const error = await fileCcRequest(s(), starter(change), DEFAULT_SETTINGS, NOW).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).field).toBe(field);
    await nothingWritten();
  });

  it('refuses an operator who is not one of the organisation’s authorisers', async () => {
    await expect(fileCcRequest({ ...s(), operatorId: stranger.id }, starter(), DEFAULT_SETTINGS, NOW)).rejects.toThrow(InputError);
    await nothingWritten();
  });

  it('refuses an amendment or deletion for someone with no licence', async () => {
    const base = { organisationId: org.id, purpose: 'direct-care', attestations: ALL, licenceId: 'none' };
    await expect(
      fileCcRequest(s(), { ...base, type: 'amendment', changeKind: 'suspension', changeDetails: 'Suspended' }, DEFAULT_SETTINGS, NOW),
    ).rejects.toThrow(/no current Connecting Care licence/);
    await expect(
      fileCcRequest(s(), { ...base, type: 'deletion', deletionReason: 'leaver', lastWorkingDay: '2026-11-30' }, DEFAULT_SETTINGS, NOW),
    ).rejects.toThrow(/no current Connecting Care licence/);
    await nothingWritten();
  });

  it('refuses an organisation with no service desk email', async () => {
    await db.ccOrganisations.put({ ...org, serviceDeskEmail: '' });
    await expect(fileCcRequest(s(), starter(), DEFAULT_SETTINGS, NOW)).rejects.toThrow(/no local service desk email/);
    await nothingWritten();
  });

  it('counts licences and asks to confirm going over the allocation', async () => {
    await fileCcRequest(s(), starter(), DEFAULT_SETTINGS, NOW);
    await fileCcRequest(s(), starter({ fullName: 'Ann Lee', workEmail: 'ann.lee@nhs.net', temporary: 'no' }), DEFAULT_SETTINGS, NOW);
    const third = starter({ fullName: 'Bo Chan', workEmail: 'bo.chan@nhs.net', temporary: 'no' });
    await expect(fileCcRequest(s(), third, DEFAULT_SETTINGS, NOW)).rejects.toThrow(/has 2 of its 2 licences in use.*confirm/);
    await fileCcRequest(s(), { ...third, overAllocationConfirmed: true }, DEFAULT_SETTINGS, NOW);
    expect(await licencesInUse(db, org.id)).toBe(3);
  });

  it('tracks the 5-day target from receipt by the back office, and a deletion frees a licence when actioned', async () => {
    const filed = await fileCcRequest(s(), starter(), DEFAULT_SETTINGS, NOW);
    await expect(trackCcRequest(db, authoriser.id, filed.id, { actionedOn: '2026-11-20', resolutionNote: '' }, NOW)).rejects.toThrow(
      /received the request first/,
    );
    const received = await trackCcRequest(db, authoriser.id, filed.id, { receivedOn: '2026-11-20' }, NOW);
    expect(targetFor(received, 'working-days', new Set(), '2026-11-27')).toEqual({ due: '2026-11-27', overdue: false });
    expect(targetFor(received, 'working-days', new Set(), '2026-11-30')).toEqual({ due: '2026-11-27', overdue: true });
    await trackCcRequest(db, authoriser.id, filed.id, { actionedOn: '2026-11-20', resolutionNote: 'Resolution email received' }, NOW);
    const licence = (await db.ccLicences.toArray())[0]!;
    expect(licence.status).toBe('active');
    const leaver = await fileCcRequest(
      s(),
      {
        type: 'deletion',
        organisationId: org.id,
        purpose: 'direct-care',
        attestations: ALL,
        licenceId: licence.id,
        deletionReason: 'leaver',
        lastWorkingDay: '2026-11-30',
      },
      DEFAULT_SETTINGS,
      NOW,
    );
    expect(leaver.sent.subject).toBe("Connecting Care (leaver) Zoë O'Neill-Brontë");
    expect(await licencesInUse(db, org.id)).toBe(1);
    await trackCcRequest(db, authoriser.id, leaver.id, { receivedOn: '2026-11-20' }, NOW);
    await trackCcRequest(db, authoriser.id, leaver.id, { actionedOn: '2026-11-20', resolutionNote: '' }, NOW);
    expect(await licencesInUse(db, org.id)).toBe(0);
  });
});

describe('a Connecting Care request whose email main cannot queue', () => {
  /** The real API, except that main refuses to queue emails. */
  const refusing = (): DosDeskApi => emailRefusingApi(api).api;
  const outbox = async () => {
    const list = await api.listOutbox();
    return list.ok ? list.data : [];
  };

  it('is written first: the request stands, says its email is not queued, and nothing is emailed', async () => {
    const request = await fileCcRequest({ ...s(), api: refusing() }, starter(), DEFAULT_SETTINGS, NOW);
    expect(request.status).toBe('not-queued');
    expect(request.sent.outboxId).toBeNull();
    expect(ccEmailNotQueued(request)).toBe(true);
    expect(await db.ccRequests.get(request.id)).toEqual(request);
    expect(request.sent.subject).toBe("Connecting Care (starter) Zoë O'Neill-Brontë");
    expect(request.sent.text).toContain('Work email: zoe.oneill@nhs.net');
    expect(await licencesInUse(db, org.id)).toBe(1);
    expect(await outbox()).toEqual([]);
    const actions = (await db.audit.toArray()).map((e) => e.action);
    expect(actions).toContain('cc.request-new-user');
    expect(actions).not.toContain('email.queue');
    // The back office cannot have it yet.
    await expect(trackCcRequest(db, authoriser.id, request.id, { receivedOn: '2026-11-20' }, NOW)).rejects.toThrow(
      /not in the outbox yet.*Queue the email again/,
    );
  });

  it('"Queue the email again" puts it in the outbox once, keeps the outbox id on the request and marks it sent', async () => {
    const filed = await fileCcRequest({ ...s(), api: refusing() }, starter(), DEFAULT_SETTINGS, NOW);
    await expect(queueCcEmailAgain({ ...s(), api: refusing() }, filed.id)).rejects.toThrow(EmailNotQueuedError);
    expect(await outbox()).toEqual([]);
    expect((await db.ccRequests.get(filed.id))!.status).toBe('not-queued');
    await expect(queueCcEmailAgain({ ...s(), operatorId: stranger.id }, filed.id)).rejects.toThrow(InputError);
    expect(await outbox()).toEqual([]);

    const queued = await queueCcEmailAgain(s(), filed.id);
    const [entry] = await outbox();
    expect(entry).toBeTruthy();
    expect(queued).toMatchObject({ status: 'sent', sent: { outboxId: entry!.id } });
    expect(await db.ccRequests.get(filed.id)).toEqual(queued);
    expect(ccEmailNotQueued(queued)).toBe(false);
    const full = await api.getOutboxEntry(entry!.id);
    expect(full.ok && full.data).toMatchObject({
      subject: filed.sent.subject,
      text: filed.sent.text,
      relatedTo: filed.id,
      to: [{ address: 'servicedesk@riverside.nhs.uk' }],
      cc: [{ address: 'priya.shah@nhs.net' }],
    });
    const last = await db.audit.orderBy('id').last();
    expect(last).toMatchObject({ action: 'email.queue', entityId: entry!.id, operatorId: authoriser.id });
    // Asked again, nothing more is queued.
    expect(await queueCcEmailAgain(s(), filed.id)).toEqual(queued);
    expect(await outbox()).toHaveLength(1);
    // It was sent when it was queued, so the back office can have had it since then.
    expect(queued.sentAt).not.toBe(filed.sentAt);
    await trackCcRequest(db, authoriser.id, filed.id, { receivedOn: londonDate(new Date()) });
  });

  it('emails nothing when the write is refused (the old order queued the email first)', async () => {
    db.ccRequests.hook('creating', () => {
      throw new Error('The disk is full');
    });
    await expect(fileCcRequest(s(), starter(), DEFAULT_SETTINGS, NOW)).rejects.toThrow(/disk is full/);
    await nothingWritten();
  });

  it('keeps the outbox id on the request when the email is queued, and names it in words in the audit trail', async () => {
    const request = await fileCcRequest(s(), starter(), DEFAULT_SETTINGS, NOW);
    expect(request.status).toBe('sent');
    expect(request.sentAt).toBe(NOW.toISOString());
    const [entry] = await outbox();
    expect(request.sent.outboxId).toBe(entry!.id);
    const filed = (await db.audit.toArray()).find((e) => e.action === 'cc.request-new-user');
    expect(filed?.subject).toBe("Connecting Care request for Zoë O'Neill-Brontë (Riverside Trust)");
    const created = (await db.audit.toArray()).find((e) => e.action === 'cc.organisation-create');
    expect(created?.subject).toBe('Connecting Care organisation Riverside Trust');
  });
});
