import { beforeEach, describe, expect, it } from 'vitest';
import type { DosDeskApi } from '@shared/ipc/api';
import { PROFILE_MANAGER_SERVICE_TYPES } from '@shared/domain/pharmacy';
import type { Account } from '@shared/models/account';
import type { Operator } from '@shared/models/operator';
import { DEFAULT_SETTINGS } from '@shared/models/settings';
import type { DosDeskDb } from '../../../renderer/src/db/database';
import { verifyAuditChain } from '../../../renderer/src/db/audit';
import { InputError } from '../../../renderer/src/db/guards';
import { createAccount } from '../../../renderer/src/features/accounts/data/accounts';
import { createOperator } from '../../../renderer/src/features/operators/data/operators';
import { openFollowUps, sendServiceDeskFollowUp } from '../../../renderer/src/features/pharmacy/data/follow-up';
import { recordInHoursCall, recordOnCallChange } from '../../../renderer/src/features/pharmacy/data/handoff';
import {
  changesOn,
  checksOutstanding,
  createProfile,
  linkedFor,
  recordCheck,
  updateProfile,
} from '../../../renderer/src/features/pharmacy/data/profiles';
import { createService, updateService } from '../../../renderer/src/features/services/data/services';
import { freshDb, PRIYA, realApi } from '../helpers';

const REGIONS = DEFAULT_SETTINGS.regions;
const TEAMS = [{ region: 'London', localEmail: 'london.dos@nhs.net', regionalEmail: 'london.regional.dos@nhs.net' }];
const HOLIDAYS = new Set(['2026-12-25', '2026-12-28']);
const SATURDAY_NIGHT = new Date('2026-11-21T21:30:00Z');
const TUESDAY_MORNING = new Date('2026-11-24T10:00:00Z');

let db: DosDeskDb;
let api: DosDeskApi;
let lead: Operator;
let alex: Account;

const week = { monday: [], tuesday: [], wednesday: [], thursday: [], friday: [], saturday: [], sunday: [] };
const profile = (change: Record<string, unknown> = {}) => ({
  odsCode: 'FA123',
  profileStatus: 'active',
  name: 'Rowlands Pharmacy',
  address: '61 Arundel Avenue\nStockport',
  postcode: 'SK7 5LD',
  website: 'https://www.rowlandspharmacy.co.uk',
  phone: '0161 496 0000',
  region: 'London',
  standardTimes: { ...week, monday: [{ opens: '09:00', closes: '17:30' }] },
  specifiedTimes: [],
  ...change,
});

beforeEach(async () => {
  db = freshDb();
  await db.open();
  api = realApi().api;
  lead = await createOperator(db, { ...PRIYA, regions: ['London', 'South East'] }, REGIONS);
  alex = await createAccount(db, lead.id, {
    fullName: 'Alex Jones',
    email: 'alex.jones@nhs.net',
    phone: '',
    organisation: 'On-call DoS support',
    jobTitle: 'On-call DoS support',
    userType: 'emergency-changes',
    regions: ['London'],
    roles: ['editCapacity', 'editDemographic'],
    serviceIds: [],
  });
});

async function pharmacyEntries() {
  const entries = [];
  for (const [i, serviceType] of PROFILE_MANAGER_SERVICE_TYPES.entries())
    entries.push(
      await createService(
        db,
        lead.id,
        {
          name: `Rowlands ${serviceType}`,
          serviceType,
          odsCode: i ? `FA123${i}` : 'FA123',
          region: 'London',
          parentId: null,
          reducedHours: i === 3 ? 'Clinical assessment 09:00 to 13:00 only' : '',
        },
        REGIONS,
      ),
    );
  const gp = await createService(
    db,
    lead.id,
    { name: 'Arundel GP', serviceType: 'GP', odsCode: 'FA123', region: 'London', parentId: null },
    REGIONS,
  );
  const other = await createService(
    db,
    lead.id,
    { name: 'Other Pharmacy', serviceType: 'Pharmacy', odsCode: 'FB999', region: 'London', parentId: null },
    REGIONS,
  );
  return { entries, gp, other };
}

describe('pharmacy profiles: bad input changes nothing', () => {
  it.each([
    ['an ODS code of the wrong shape', { odsCode: 'FA12-3' }, 'odsCode', /pharmacy ODS code/],
    ['a postcode that is not a UK postcode', { postcode: '75015' }, 'postcode', /real UK postcode/],
    [
      'inverted sessions',
      { standardTimes: { ...week, monday: [{ opens: '18:00', closes: '09:00' }] } },
      'standardTimes',
      /closes at or before it opens/,
    ],
    [
      'overlapping sessions',
      {
        standardTimes: {
          ...week,
          friday: [
            { opens: '09:00', closes: '13:00' },
            { opens: '12:30', closes: '17:00' },
          ],
        },
      },
      'standardTimes',
      /overlap/,
    ],
    [
      'a specified date with no times, not marked closed',
      { specifiedTimes: [{ date: '2026-12-25', closed: false, sessions: [], note: '' }] },
      'specifiedTimes',
      /mark the day closed/,
    ],
  ])('%s', async (_label, change, field, message) => {
    const error = await createProfile(db, lead.id, profile(change), REGIONS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).field).toMatch(new RegExp(`^${field}`));
    expect((error as InputError).message).toMatch(message);
    expect(await db.pharmacyProfiles.count()).toBe(0);
    expect(await db.pharmacyChanges.count()).toBe(0);
    expect(await db.audit.where('entity').equals('pharmacy').count()).toBe(0);
  });

  it('refuses a second profile for the same ODS code, and a region the operator does not cover', async () => {
    await createProfile(db, lead.id, profile(), REGIONS);
    await expect(createProfile(db, lead.id, profile({ name: 'Copy' }), REGIONS)).rejects.toThrow(
      /already a profile for FA123: Rowlands Pharmacy/,
    );
    await expect(createProfile(db, lead.id, profile({ odsCode: 'FC111', region: 'Midlands' }), REGIONS)).rejects.toBeInstanceOf(InputError);
    expect(await db.pharmacyProfiles.count()).toBe(1);
  });
});

describe('pharmacy profiles', () => {
  it('records changes for the daily report, naming what changed, and audits them', async () => {
    const now = new Date('2026-11-20T10:00:00Z');
    const p = await createProfile(db, lead.id, profile(), REGIONS, now);
    expect(p.nextCheckDue).toBe('2026-11-20'); // never checked: due at once
    const later = new Date('2026-11-20T15:00:00Z');
    await updateProfile(
      db,
      lead.id,
      p.id,
      profile({ phone: '0161 496 0001', specifiedTimes: [{ date: '2026-12-25', closed: true, sessions: [], note: 'Christmas Day' }] }),
      REGIONS,
      later,
    );
    const changes = await changesOn(db, '2026-11-20', ['London']);
    expect(changes.map((c) => [c.kind, c.summary])).toEqual([
      ['profile-created', 'Added to this desk'],
      ['profile-updated', 'Changed public phone number, specified opening times'],
    ]);
    expect(await changesOn(db, '2026-11-20', ['Midlands'])).toEqual([]);
    expect((await verifyAuditChain(db)).problem).toBeNull();
  });

  it('tracks the quarterly check and lists overdue profiles per region', async () => {
    const now = new Date('2026-11-21T10:00:00Z');
    const a = await createProfile(db, lead.id, profile(), REGIONS, now);
    const b = await createProfile(db, lead.id, profile({ odsCode: 'FB222', name: 'Boots' }), REGIONS, now);
    await createProfile(db, lead.id, profile({ odsCode: 'FC333', name: 'Kent Pharmacy', region: 'South East' }), REGIONS, now);
    const checked = await recordCheck(db, lead.id, a.id, { checkedOn: '2026-08-31' }, now);
    expect(checked.nextCheckDue).toBe('2026-11-30');
    await recordCheck(db, lead.id, b.id, { checkedOn: '2026-11-01' }, now);
    expect((await checksOutstanding(db, 'London', '2026-11-21')).map((p) => p.name)).toEqual([]);
    expect((await checksOutstanding(db, 'London', '2026-11-21', true)).map((p) => p.name)).toEqual(['Rowlands Pharmacy']);
    expect((await checksOutstanding(db, 'London', '2026-12-01')).map((p) => p.name)).toEqual(['Rowlands Pharmacy']);
    expect((await checksOutstanding(db, 'South East', '2026-11-22')).map((p) => p.name)).toEqual(['Kent Pharmacy']);
    await expect(recordCheck(db, lead.id, a.id, { checkedOn: '2026-12-01' }, now)).rejects.toThrow(/cannot be in the future/);
    await expect(recordCheck(db, lead.id, a.id, { checkedOn: '2026-08-01' }, now)).rejects.toThrow(/later check \(31 August 2026\)/);
  });

  it('lists linked DoS entries across the five pharmacy types and warns about reduced hours', async () => {
    const { entries } = await pharmacyEntries();
    const linked = await linkedFor(db, 'FA123');
    expect(linked.map((l) => l.service.id).sort()).toEqual(entries.map((e) => e.id).sort());
    expect(linked.filter((l) => l.atRisk).map((l) => l.service.serviceType)).toEqual([
      'Integrated Urgent Care (IUC) Pharmacy Clinical Assessment',
    ]);
    // Changing the ODS code (one of the guidance's ways out) unlinks the entry.
    const atRisk = linked.find((l) => l.atRisk)!.service;
    await updateService(db, lead.id, atRisk.id, { ...atRisk, odsCode: 'FZ9990' }, REGIONS);
    expect((await linkedFor(db, 'FA123')).some((l) => l.atRisk)).toBe(false);
  });
});

describe('when a contractor cannot use Profile Manager', () => {
  const onCall = (profileId: string, serviceIds: string[], change: Record<string, unknown> = {}) => ({
    profileId,
    triedProfileManager: true,
    contractorName: 'Sam Patel (pharmacist)',
    kind: 'same-day closure',
    details: 'Closed from 19:00 today: no pharmacist available',
    serviceIds,
    accountId: alex.id,
    madeAt: SATURDAY_NIGHT.toISOString(),
    override: 'none',
    overrideReason: '',
    ...change,
  });
  const sender = () => ({ db, api, operatorId: lead.id, delivery: 'mail-client' as const });

  it('in hours, records the caller was sent to the service desk; out of hours it refuses unless overridden', async () => {
    const p = await createProfile(db, lead.id, profile(), REGIONS, TUESDAY_MORNING);
    const call = { profileId: p.id, contractorName: 'Sam Patel', note: '', override: 'none', overrideReason: '' };
    const change = await recordInHoursCall(db, lead.id, call, HOLIDAYS, TUESDAY_MORNING);
    expect(change.summary).toMatch(/directed to the NHS website service desk \(nhswebsite.servicedesk@nhs.net\)/);
    await expect(recordInHoursCall(db, lead.id, call, HOLIDAYS, SATURDAY_NIGHT)).rejects.toThrow(/It is out of hours/);
    await expect(recordInHoursCall(db, lead.id, { ...call, override: 'in-hours' }, HOLIDAYS, SATURDAY_NIGHT)).rejects.toThrow(/Say why/);
    const overridden = await recordInHoursCall(
      db,
      lead.id,
      { ...call, override: 'in-hours', overrideReason: 'Service desk confirmed it is staffed' },
      HOLIDAYS,
      SATURDAY_NIGHT,
    );
    expect(overridden.summary).toMatch(/in hours by override: Service desk confirmed it is staffed/);
  });

  it('out of hours: logs emergency changes, emails the local team, and opens a follow-up that emails the service desk', async () => {
    const p = await createProfile(db, lead.id, profile(), REGIONS, new Date(SATURDAY_NIGHT.getTime() - 3_600_000));
    const { entries } = await pharmacyEntries();
    const chosen = [entries[0]!.id, entries[1]!.id];
    const change = await recordOnCallChange(sender(), onCall(p.id, chosen), TEAMS, HOLIDAYS, SATURDAY_NIGHT);

    const logged = await db.emergencyChanges.bulkGet(change.emergencyChangeIds);
    expect(logged.map((e) => e!.serviceId).sort()).toEqual([...chosen].sort());
    expect(logged.every((e) => e!.reportedAt && e!.reportOutboxId === change.localTeamOutboxId && e!.madeBy === 'Alex Jones')).toBe(true);
    const outbox = await api.listOutbox();
    if (!outbox.ok) throw new Error('outbox');
    const local = outbox.data.find((m) => m.id === change.localTeamOutboxId)!;
    expect(local.subject).toBe('Out-of-hours pharmacy change: Rowlands Pharmacy (FA123)');
    expect(local.to.map((t) => t.address)).toEqual(['london.dos@nhs.net']);
    expect(await openFollowUps(db, ['London'])).toHaveLength(1);

    const done = await sendServiceDeskFollowUp(sender(), change.id, SATURDAY_NIGHT);
    expect(done.followUp).toMatchObject({ status: 'done' });
    const after = await api.listOutbox();
    if (!after.ok) throw new Error('outbox');
    const desk = after.data.find((m) => m.id === done.followUp!.outboxId)!;
    expect(desk.to.map((t) => t.address)).toEqual(['nhswebsite.servicedesk@nhs.net']);
    expect(desk.subject).toBe('Pharmacy change made in DoS out of hours: Rowlands Pharmacy (FA123)');
    expect(await openFollowUps(db, ['London'])).toEqual([]);
    await expect(sendServiceDeskFollowUp(sender(), change.id, SATURDAY_NIGHT)).rejects.toThrow(/already been informed/);
    expect((await changesOn(db, '2026-11-21', ['London'])).map((c) => c.kind)).toEqual(['profile-created', 'on-call-change']);
  });

  it.each([
    ['in hours without an override', { madeAt: TUESDAY_MORNING.toISOString() }, TUESDAY_MORNING, TEAMS, /It is in hours/],
    [
      'no confirmation that Profile Manager was tried first',
      { triedProfileManager: false },
      SATURDAY_NIGHT,
      TEAMS,
      /directed to Profile Manager first/,
    ],
    ['no DoS team addresses for the region', {}, SATURDAY_NIGHT, [], /no DoS team addresses for London/],
    ['an entry not linked to the pharmacy', { serviceIds: ['other'] }, SATURDAY_NIGHT, TEAMS, /is not linked to FA123/],
    ['no entries chosen', { serviceIds: [] }, SATURDAY_NIGHT, TEAMS, /Choose the DoS entries you changed/],
  ])('refuses %s and saves nothing', async (_label, change, now, teams, message) => {
    const p = await createProfile(db, lead.id, profile(), REGIONS, SATURDAY_NIGHT);
    const { entries, other } = await pharmacyEntries();
    const input = onCall(p.id, [entries[0]!.id], change);
    if ((change as { serviceIds?: string[] }).serviceIds?.[0] === 'other') input.serviceIds = [other.id];
    await expect(recordOnCallChange(sender(), input, teams, HOLIDAYS, now)).rejects.toThrow(message);
    expect(await db.emergencyChanges.count()).toBe(0);
    expect(await db.pharmacyChanges.where('kind').equals('on-call-change').count()).toBe(0);
    const outbox = await api.listOutbox();
    expect(outbox.ok && outbox.data).toEqual([]);
  });

  it('treats a bank holiday weekday as out of hours', async () => {
    const christmas = new Date('2026-12-25T11:00:00Z');
    const p = await createProfile(db, lead.id, profile(), REGIONS, christmas);
    const { entries } = await pharmacyEntries();
    const change = await recordOnCallChange(
      sender(),
      onCall(p.id, [entries[0]!.id], { madeAt: christmas.toISOString() }),
      TEAMS,
      HOLIDAYS,
      christmas,
    );
    expect(change.followUp?.status).toBe('open');
  });
});
