import { beforeEach, describe, expect, it } from 'vitest';
import type { DosDeskApi } from '@shared/ipc/api';
import { PROFILE_MANAGER_SERVICE_TYPES } from '@shared/domain/pharmacy';
import type { Account } from '@shared/models/account';
import type { Operator } from '@shared/models/operator';
import { DEFAULT_SETTINGS } from '@shared/models/settings';
import type { DosDeskDb } from '../../../renderer/src/db/database';
import { verifyAuditChain } from '../../../renderer/src/db/audit';
import type { Desk } from '../../../renderer/src/entities/desk/change';
import { EmailNotQueuedError } from '../../../renderer/src/entities/email/change-then-email';
import { createAccount } from '../../../renderer/src/features/accounts/data/accounts';
import { createOperator } from '../../../renderer/src/features/operators/data/operators';
import {
  handoffsWithEmailsNotQueued,
  openFollowUps,
  queueHandoffEmailsNotQueued,
  sendServiceDeskFollowUp,
} from '../../../renderer/src/features/pharmacy/data/follow-up';
import { recordOnCallChange } from '../../../renderer/src/features/pharmacy/data/handoff';
import { handoffEmailsNotQueued } from '../../../renderer/src/features/pharmacy/data/handoff-emails';
import { createProfile } from '../../../renderer/src/features/pharmacy/data/profiles';
import {
  logEmergencyChange,
  queueReportAgain,
  reportNotQueued,
  sendEmergencyReport,
} from '../../../renderer/src/features/registers/data/emergency';
import { createService } from '../../../renderer/src/features/services/data/services';
import { emailRefusingApi, freshDb, PRIYA, realApi } from '../helpers';

/**
 * Actions that email write their record first and queue the email after (issue 16): when main
 * refuses the email, the record stands, shows its email as not queued, nothing is in the outbox,
 * and queueing it again later puts it there with its outbox id on the record. When the write is
 * refused, nothing is emailed.
 */

const REGIONS = DEFAULT_SETTINGS.regions;
const TEAMS = [{ region: 'London', localEmail: 'london.dos@nhs.net', regionalEmail: 'london.regional.dos@nhs.net' }];
const HOLIDAYS = new Set<string>();
const SATURDAY_NIGHT = new Date('2026-11-21T21:30:00Z');

let db: DosDeskDb;
let api: DosDeskApi;
/** Main, which refuses every email while `main.refusing`. */
let main: { refusing: boolean };
let lead: Operator;
let alex: Account;
let desk: Desk;

beforeEach(async () => {
  db = freshDb();
  await db.open();
  const real = realApi().api;
  ({ api, main } = emailRefusingApi(real));
  main.refusing = false;
  lead = await createOperator(db, PRIYA, REGIONS);
  desk = { db, api, operatorId: lead.id, delivery: 'mail-client' };
  alex = await createAccount(db, lead.id, {
    fullName: 'Alex Jones',
    email: 'alex.jones@nhs.net',
    phone: '',
    organisation: 'On-call DoS support',
    jobTitle: 'Director on Call',
    userType: 'emergency-changes',
    regions: ['London'],
    roles: ['editCapacity', 'editDemographic'],
    serviceIds: [],
  });
});

async function outbox() {
  const list = await api.listOutbox();
  if (!list.ok) throw new Error('outbox');
  return list.data;
}

const auditActions = async () => (await db.audit.orderBy(':id').toArray()).map((e) => e.action);

describe('emergency change report', () => {
  async function logged() {
    const service = await createService(
      db,
      lead.id,
      { name: 'Riverside UTC', serviceType: 'UTC', odsCode: '', region: 'London', parentId: null },
      REGIONS,
    );
    const input = {
      accountId: alex.id,
      madeAt: '2026-11-21T02:10:00Z',
      serviceId: service.id,
      kinds: ['capacity'],
      details: 'Red',
      why: 'Sickness',
    };
    return logEmergencyChange(db, lead.id, input, new Date('2026-11-21T12:00:00Z'));
  }

  it('is marked reported when main refuses the email, shows it not queued, and queues it again later', async () => {
    const change = await logged();
    main.refusing = true;
    const error = await sendEmergencyReport(desk, change.id, TEAMS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmailNotQueuedError);
    expect((error as Error).message).toMatch(/The change was marked reported, but the email could not be queued: Main refused/);
    const saved = (await db.emergencyChanges.get(change.id))!;
    expect(saved.reportedAt).not.toBeNull();
    expect(saved.reportOutboxId).toBeNull();
    expect(reportNotQueued(saved)).toBe(true);
    expect(await outbox()).toEqual([]);
    expect(await auditActions()).not.toContain('email.queue');

    await expect(queueReportAgain(desk, change.id, TEAMS)).rejects.toThrow(/could not be queued: Main refused/);
    main.refusing = false;
    const again = await queueReportAgain(desk, change.id, TEAMS);
    const [entry] = await outbox();
    expect(entry).toMatchObject({ subject: 'Emergency DoS change: Riverside UTC (London)', relatedTo: change.id });
    expect(again.reportOutboxId).toBe(entry!.id);
    expect((await db.emergencyChanges.get(change.id))!.reportOutboxId).toBe(entry!.id);
    expect(reportNotQueued(again)).toBe(false);
    await expect(queueReportAgain(desk, change.id, TEAMS)).rejects.toThrow(/already in the outbox/);
    expect(await outbox()).toHaveLength(1);
    expect((await auditActions()).slice(-2)).toEqual(['emergency.report', 'email.queue']);
    expect((await verifyAuditChain(db)).problem).toBeNull();
  });

  it('sends nothing when the change cannot be marked reported (already reported)', async () => {
    const change = await logged();
    const first = await sendEmergencyReport(desk, change.id, TEAMS);
    expect(first.reportOutboxId).toBe((await outbox())[0]!.id);
    await expect(sendEmergencyReport(desk, change.id, TEAMS)).rejects.toThrow(/already been reported/);
    expect(await outbox()).toHaveLength(1);
  });

  it('names the emergency change in words in the audit trail', async () => {
    const change = await logged();
    await sendEmergencyReport(desk, change.id, TEAMS);
    const entries = await db.audit.where('entity').equals('emergency-change').toArray();
    expect(entries.map((e) => e.subject)).toEqual([
      'emergency change to Riverside UTC (London) by Alex Jones',
      'emergency change to Riverside UTC (London) by Alex Jones',
    ]);
  });
});

describe('pharmacy handoff emails', () => {
  async function onCallChange() {
    const profile = await createProfile(
      db,
      lead.id,
      {
        odsCode: 'FA123',
        profileStatus: 'active',
        name: 'Rowlands Pharmacy',
        address: '61 Arundel Avenue\nStockport',
        postcode: 'SK7 5LD',
        website: '',
        phone: '0161 496 0000',
        region: 'London',
        standardTimes: { monday: [], tuesday: [], wednesday: [], thursday: [], friday: [], saturday: [], sunday: [] },
        specifiedTimes: [],
      },
      REGIONS,
      new Date(SATURDAY_NIGHT.getTime() - 3_600_000),
    );
    const entry = await createService(
      db,
      lead.id,
      { name: 'Rowlands Pharmacy', serviceType: PROFILE_MANAGER_SERVICE_TYPES[0], odsCode: 'FA123', region: 'London', parentId: null },
      REGIONS,
    );
    const input = {
      profileId: profile.id,
      triedProfileManager: true,
      contractorName: 'Sam Patel (pharmacist)',
      kind: 'same-day closure',
      details: 'Closed from 19:00 today',
      serviceIds: [entry.id],
      accountId: alex.id,
      madeAt: SATURDAY_NIGHT.toISOString(),
      override: 'none',
      overrideReason: '',
    };
    return { profile, entry, input };
  }

  it('keeps the on-call change when main refuses the local team email, and queues it again later', async () => {
    const { input } = await onCallChange();
    main.refusing = true;
    const change = await recordOnCallChange(desk, input, TEAMS, HOLIDAYS, SATURDAY_NIGHT);
    const saved = (await db.pharmacyChanges.get(change.id))!;
    expect(saved).toMatchObject({ kind: 'on-call-change', localTeamOutboxId: null, followUp: { status: 'open' } });
    expect(handoffEmailsNotQueued(saved)).toEqual(['the email to the London local DoS team']);
    expect((await handoffsWithEmailsNotQueued(db, ['London'])).map((c) => c.id)).toEqual([change.id]);
    const logged = (await db.emergencyChanges.bulkGet(saved.emergencyChangeIds)).map((e) => e!);
    expect(logged).toHaveLength(1);
    // The emergency changes are reported by that email, so they wait until it is in the outbox.
    expect(logged.every((e) => e.reportedAt === null && e.reportOutboxId === null)).toBe(true);
    expect(await outbox()).toEqual([]);

    await expect(queueHandoffEmailsNotQueued(desk, change.id, TEAMS)).rejects.toBeInstanceOf(EmailNotQueuedError);
    main.refusing = false;
    expect(await queueHandoffEmailsNotQueued(desk, change.id, TEAMS)).toBe(1);
    const [local] = await outbox();
    expect(local).toMatchObject({ subject: 'Out-of-hours pharmacy change: Rowlands Pharmacy (FA123)', relatedTo: change.id });
    const after = (await db.pharmacyChanges.get(change.id))!;
    expect(after.localTeamOutboxId).toBe(local!.id);
    expect(handoffEmailsNotQueued(after)).toEqual([]);
    const reported = (await db.emergencyChanges.bulkGet(after.emergencyChangeIds)).map((e) => e!);
    expect(reported.every((e) => e.reportedAt && e.reportOutboxId === local!.id)).toBe(true);
    expect(await queueHandoffEmailsNotQueued(desk, change.id, TEAMS)).toBe(0);
    expect(await outbox()).toHaveLength(1);
    expect((await verifyAuditChain(db)).problem).toBeNull();
  });

  it('closes the follow-up when main refuses the service desk email, lists it as not queued, and queues it again later', async () => {
    const { input } = await onCallChange();
    const change = await recordOnCallChange(desk, input, TEAMS, HOLIDAYS, SATURDAY_NIGHT);
    main.refusing = true;
    const error = await sendServiceDeskFollowUp(desk, change.id, SATURDAY_NIGHT).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmailNotQueuedError);
    expect((error as Error).message).toMatch(/The follow-up was recorded, but the email could not be queued: Main refused/);
    const saved = (await db.pharmacyChanges.get(change.id))!;
    expect(saved.followUp).toMatchObject({ status: 'done', outboxId: null });
    expect(handoffEmailsNotQueued(saved)).toEqual(['the email to the NHS website service desk']);
    expect(await openFollowUps(db, ['London'])).toEqual([]);
    expect((await handoffsWithEmailsNotQueued(db, ['London'])).map((c) => c.id)).toEqual([change.id]);
    expect(await handoffsWithEmailsNotQueued(db, ['Midlands'])).toEqual([]);
    expect((await outbox()).map((m) => m.to[0]!.address)).toEqual(['london.dos@nhs.net']);

    main.refusing = false;
    expect(await queueHandoffEmailsNotQueued(desk, change.id, TEAMS)).toBe(1);
    const desks = (await outbox()).filter((m) => m.to[0]!.address === 'nhswebsite.servicedesk@nhs.net');
    expect(desks).toHaveLength(1);
    expect((await db.pharmacyChanges.get(change.id))!.followUp!.outboxId).toBe(desks[0]!.id);
    expect(await handoffsWithEmailsNotQueued(db, ['London'])).toEqual([]);
  });

  it('sends nothing when the write is refused: a follow-up already done, or an on-call change that fails its checks', async () => {
    const { input } = await onCallChange();
    await expect(recordOnCallChange(desk, { ...input, accountId: 'ghost' }, TEAMS, HOLIDAYS, SATURDAY_NIGHT)).rejects.toThrow(
      /individual DoS account/,
    );
    expect(await outbox()).toEqual([]);
    const change = await recordOnCallChange(desk, input, TEAMS, HOLIDAYS, SATURDAY_NIGHT);
    await sendServiceDeskFollowUp(desk, change.id, SATURDAY_NIGHT);
    expect(await outbox()).toHaveLength(2);
    await expect(sendServiceDeskFollowUp(desk, change.id, SATURDAY_NIGHT)).rejects.toThrow(/already been informed/);
    expect(await outbox()).toHaveLength(2);
  });
});
