import { readFile } from 'node:fs/promises';
import { beforeEach, describe, expect, it } from 'vitest';
import { getSuggestedSet } from '@shared/domain/user-types';
import type { DosDeskApi } from '@shared/ipc/api';
import { DEFAULT_SETTINGS } from '@shared/models/settings';
import type { Operator } from '@shared/models/operator';
import type { DosDeskDb } from '../../../renderer/src/db/database';
import { verifyAuditChain } from '../../../renderer/src/db/audit';
import { InputError } from '../../../renderer/src/db/guards';
import { createOperator } from '../../../renderer/src/features/operators/data/operators';
import {
  approveRequest,
  changeRegion,
  createRequest,
  importRequests,
  markValidated,
  previewRequestsCsv,
  lastQueuePage,
  queueCounts,
  queueRows,
  rejectRequest,
  resendActivation,
} from '../../../renderer/src/features/requests/data/requests';
import { freshDb, PRIYA, realApi } from '../helpers';

const REGIONS = DEFAULT_SETTINGS.regions;
let db: DosDeskDb;
let api: DosDeskApi;
let london: Operator; // approveUser: London, South East
let midlands: Operator; // approveUser: Midlands

const request = (change: Record<string, unknown> = {}) => ({
  fullName: 'Jo Bloggs',
  email: 'jo.bloggs@nhs.net',
  phone: '',
  organisation: 'Riverside UTC',
  jobTitle: 'Clinical Lead',
  region: 'London',
  userType: 'clinical-lead',
  reason: 'Reviews clinical profiles for the UTC',
  servicesNeeded: 'Riverside UTC',
  registeredOn: '2026-11-01',
  emailValidatedOn: null,
  ...change,
});

const sender = (operatorId: string) => ({ db, api, operatorId, delivery: 'mail-client' as const });

beforeEach(async () => {
  db = freshDb();
  await db.open();
  api = realApi().api;
  london = await createOperator(db, { ...PRIYA, regions: ['London', 'South East'], approveUserRegions: ['London', 'South East'] }, REGIONS);
  midlands = await createOperator(
    db,
    { ...PRIYA, fullName: 'Mo Khan', email: 'mo.khan@nhs.net', regions: ['Midlands'], approveUserRegions: ['Midlands'] },
    REGIONS,
  );
});

describe('the queue', () => {
  it('reads one page at a time across the regions, oldest first or newest first, with counts per region', async () => {
    const day = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    for (let i = 0; i < 120; i++) {
      const region = i % 3 === 0 ? 'South East' : 'London';
      await createRequest(db, london.id, request({ email: `person${i}@nhs.net`, fullName: `Person ${i}`, region, registeredOn: day(i) }));
    }
    await createRequest(db, midlands.id, request({ email: 'mid@nhs.net', region: 'Midlands', registeredOn: day(0) }));
    const counts = await queueCounts(db, london);
    expect(counts.total).toBe(120);
    expect(counts.perRegion).toEqual([
      { region: 'London', count: 80 },
      { region: 'South East', count: 40 },
    ]);
    expect((await queueRows(db, london)).map((r) => r.fullName)).toEqual(Array.from({ length: 50 }, (_, i) => `Person ${i}`));
    const last = await queueRows(db, london, { page: lastQueuePage(counts.total) });
    expect(last.map((r) => r.fullName)).toEqual(Array.from({ length: 20 }, (_, i) => `Person ${100 + i}`));
    const newest = await queueRows(db, london, { oldestFirst: false });
    expect(newest[0]!.fullName).toBe('Person 119');
    expect(newest[49]!.fullName).toBe('Person 70');
    // A page past the end is empty (the screen goes back to the last page there is).
    expect(await queueRows(db, london, { page: 3 })).toEqual([]);
    expect([0, 1, 50, 51, 120].map((n) => lastQueuePage(n))).toEqual([0, 0, 0, 1, 2]);
  });

  it('shows only outstanding requests for regions where the operator holds approveUser', async () => {
    const a = await createRequest(db, london.id, request());
    const b = await createRequest(db, midlands.id, request({ email: 'b@nhs.net', region: 'Midlands' }));
    expect((await queueRows(db, london)).map((r) => r.id)).toEqual([a.id]);
    expect((await queueRows(db, midlands)).map((r) => r.id)).toEqual([b.id]);
  });

  it('refuses a request for a region the operator does not cover, a duplicate, and bad fields', async () => {
    await expect(createRequest(db, london.id, request({ region: 'Midlands' }))).rejects.toThrow(InputError);
    await createRequest(db, london.id, request());
    await expect(createRequest(db, london.id, request({ fullName: 'Again' }))).rejects.toThrow(/already an outstanding request/);
    const bad = await createRequest(db, london.id, request({ email: 'not-an-email' })).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(InputError);
    expect((bad as InputError).field).toBe('email');
    expect(await db.requests.count()).toBe(1);
  });

  it('moving a request to another region moves it between queues, with a note', async () => {
    const r = await createRequest(db, london.id, request());
    await changeRegion(
      sender(london.id),
      r.id,
      { region: 'Midlands', note: 'Works for a Midlands provider', notifyTeam: 'midlands.dos@nhs.net' },
      REGIONS,
    );
    expect(await queueRows(db, london)).toEqual([]);
    const moved = await queueRows(db, midlands);
    expect(moved.map((x) => x.id)).toEqual([r.id]);
    expect(moved[0]!.regionHistory[0]).toMatchObject({ from: 'London', to: 'Midlands', note: 'Works for a Midlands provider' });
    expect((await api.listOutbox()).ok && (await api.listOutbox())).toMatchObject({
      data: [{ subject: 'DoS access request moved to Midlands: Jo Bloggs', to: [{ address: 'midlands.dos@nhs.net' }] }],
    });
    // The London lead can no longer act on it.
    await expect(changeRegion(sender(london.id), r.id, { region: 'London', note: '', notifyTeam: null }, REGIONS)).rejects.toThrow(
      InputError,
    );
  });
});

describe('the email-validation gate', () => {
  it('refuses to approve an unvalidated request in the data layer, writing nothing', async () => {
    const r = await createRequest(db, london.id, request());
    const accountsBefore = await db.accounts.count();
    const input = { ...request(), regions: ['London'], roles: ['viewClinical', 'compareService'], serviceIds: [] };
    const { registeredOn: _r, emailValidatedOn: _e, reason: _x, servicesNeeded: _s, region: _g, ...account } = input;
    await expect(approveRequest(sender(london.id), r.id, account)).rejects.toThrow(
      'Unvalidated email. Email address must be validated by the user before this account can be approved',
    );
    expect(await db.accounts.count()).toBe(accountsBefore);
    expect((await db.requests.get(r.id))!.status).toBe('outstanding');
  });

  it('resends the activation email as rich text through the outbox and counts the resends', async () => {
    const r = await createRequest(db, london.id, request());
    const first = await resendActivation(sender(london.id), r.id, 'rich');
    await resendActivation(sender(london.id), r.id, 'plain');
    const stored = (await db.requests.get(r.id))!;
    expect(stored.activationResends.map((x) => x.format)).toEqual(['rich', 'plain']);
    expect(first.status).toBe('handed-to-mail-client');
    const eml = await readFile(first.emlPath, 'utf8');
    expect(eml).toContain('Subject: Validate your email address to activate your DoS account');
    expect(eml).toMatch(/multipart\/alternative/);
  });

  it('records validation, then approves with the suggested set in one go and queues the approval email', async () => {
    const r = await createRequest(db, london.id, request());
    await expect(markValidated(db, london.id, r.id, '2026-10-01')).rejects.toThrow(/before the date they registered/);
    await markValidated(db, london.id, r.id, '2026-11-03');
    const roles = [...getSuggestedSet('clinical-lead').roles!];
    const result = await approveRequest(sender(london.id), r.id, {
      fullName: 'Jo Bloggs',
      email: 'jo.bloggs@nhs.net',
      phone: '',
      organisation: 'Riverside UTC',
      jobTitle: 'Clinical Lead',
      userType: 'clinical-lead',
      regions: ['London'],
      roles,
      serviceIds: [],
    });
    expect(result.account.roles).toEqual(['compareService', 'viewClinical']);
    expect(result.email?.subject).toBe('Your DoS account has been approved');
    expect((await db.requests.get(r.id))!).toMatchObject({ status: 'approved', approvedAccountId: result.account.id });
    expect(await queueRows(db, london)).toEqual([]);
    const actions = (await db.audit.toArray()).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'request.create',
        'request.email-validated',
        'account.create-from-request',
        'request.approve',
        'email.queue',
      ]),
    );
    expect((await verifyAuditChain(db)).problem).toBeNull();
  });

  it('leaves nothing half-approved when the account cannot be created', async () => {
    const r = await createRequest(db, london.id, request({ emailValidatedOn: '2026-11-02' }));
    const account = {
      fullName: 'Jo Bloggs',
      email: 'jo.bloggs@nhs.net',
      phone: '',
      organisation: 'R',
      jobTitle: 'J',
      userType: 'clinical-lead',
      regions: ['London'],
      roles: ['viewClinical'],
      serviceIds: ['missing-service'],
    };
    await expect(approveRequest(sender(london.id), r.id, account)).rejects.toThrow(/no longer exists/);
    expect(await db.accounts.count()).toBe(0);
    expect((await db.requests.get(r.id))!.status).toBe('outstanding');
  });
});

describe('reject', () => {
  it('needs a reason, emails it to the requester, and closes the request', async () => {
    const r = await createRequest(db, london.id, request());
    await expect(rejectRequest(sender(london.id), r.id, '   ')).rejects.toThrow(/Enter the reason/);
    const rejected = await rejectRequest(
      sender(london.id),
      r.id,
      'NHS Service Finder is more appropriate: https://digital.nhs.uk/services/nhs-service-finder',
    );
    expect(rejected.status).toBe('rejected');
    expect(await queueRows(db, london)).toEqual([]);
    const outbox = await api.listOutbox();
    expect(outbox.ok && outbox.data[0]).toMatchObject({
      subject: 'Your request for DoS access has been rejected',
      to: [{ address: 'jo.bloggs@nhs.net' }],
    });
    const entry = await api.getOutboxEntry((outbox.ok && outbox.data[0]!.id) as string);
    expect(entry.ok && entry.data.text).toContain('Reason: NHS Service Finder is more appropriate');
    await expect(rejectRequest(sender(london.id), r.id, 'again')).rejects.toThrow(/already been rejected/);
  });
});

describe('CSV import', () => {
  it('previews new, duplicate and invalid rows and imports the new ones', async () => {
    await createRequest(db, london.id, request());
    const csv = [
      'fullName,email,phone,organisation,jobTitle,region,userType,reason,servicesNeeded,registeredOn,emailValidatedOn',
      'Ann Lee,ann.lee@nhs.net,,Trust,Nurse,London,clinical-lead,Needs view,,2026-11-02,',
      'Jo Again,jo.bloggs@nhs.net,,Trust,Nurse,London,clinical-lead,Dup,,2026-11-02,',
      'Bad Type,bad@nhs.net,,Trust,Nurse,London,wizard,Why,,2026-11-02,',
      'Far Away,far@nhs.net,,Trust,Nurse,Midlands,clinical-lead,Why,,2026-11-02,',
      '"Broken, Row",broken,,,,,,,,,',
    ].join('\n');
    const rows = await previewRequestsCsv(db, london, csv);
    expect(rows.map((r) => r.status)).toEqual(['new', 'duplicate', 'invalid', 'invalid', 'invalid']);
    expect(rows[2]!.reason).toMatch(/userType/);
    expect(rows[3]!.reason).toMatch(/do not hold approveUser in Midlands/);
    expect(await importRequests(db, london.id, rows)).toBe(1);
    expect((await queueRows(db, london)).map((r) => r.fullName).sort()).toEqual(['Ann Lee', 'Jo Bloggs']);
  });
});
