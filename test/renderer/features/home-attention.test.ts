import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@shared/models/settings';
import type { DosDeskDb } from '../../../renderer/src/db/database';
import { attentionFor } from '../../../renderer/src/features/home/data/attention';
import { createOperator } from '../../../renderer/src/features/operators/data/operators';
import { createProfile } from '../../../renderer/src/features/pharmacy/data/profiles';
import { createRequest } from '../../../renderer/src/features/requests/data/requests';
import { freshDb, PRIYA } from '../helpers';

let db: DosDeskDb;
beforeEach(async () => {
  db = freshDb();
  await db.open();
});

const week = { monday: [], tuesday: [], wednesday: [], thursday: [], friday: [], saturday: [], sunday: [] };

describe('the home page: what is waiting', () => {
  it('counts outstanding requests, unreported emergency changes, open follow-ups and overdue checks in the operator’s regions only', async () => {
    const lead = await createOperator(db, { ...PRIYA, regions: ['London'], approveUserRegions: ['London'] }, DEFAULT_SETTINGS.regions);
    expect(await attentionFor(db, lead, '2026-11-21')).toEqual({ requests: 0, unreportedChanges: 0, followUps: 0, overdueChecks: 0 });
    const request = {
      fullName: 'Jo Bloggs',
      email: 'jo@nhs.net',
      phone: '',
      organisation: 'Riverside',
      jobTitle: 'Nurse',
      region: 'London',
      userType: 'clinical-lead',
      reason: 'Clinical lead',
      servicesNeeded: '',
      registeredOn: '2026-11-01',
      emailValidatedOn: null,
    };
    await createRequest(db, lead.id, request);
    await createProfile(
      db,
      lead.id,
      {
        odsCode: 'FA123',
        profileStatus: 'active',
        name: 'Rowlands',
        address: '1 High St',
        postcode: 'SK7 5LD',
        website: '',
        phone: '0161 496 0000',
        region: 'London',
        standardTimes: week,
        specifiedTimes: [],
      },
      DEFAULT_SETTINGS.regions,
      new Date('2026-11-01T10:00:00Z'),
    );
    const base = {
      accountId: 'a',
      madeBy: 'A',
      madeByEmail: 'a@nhs.net',
      madeAt: 'x',
      serviceId: 's',
      serviceName: 'S',
      kinds: ['capacity'] as ['capacity'],
      details: 'd',
      why: 'w',
      reportOutboxId: null,
      review: null,
      loggedBy: lead.id,
      createdAt: 'x',
      updatedAt: 'x',
    };
    await db.emergencyChanges.bulkAdd([
      { ...base, id: 'e1', region: 'London', reportedAt: null },
      { ...base, id: 'e2', region: 'London', reportedAt: '2026-11-20T10:00:00Z' },
      { ...base, id: 'e3', region: 'Midlands', reportedAt: null },
    ]);
    expect(await attentionFor(db, lead, '2026-11-21')).toEqual({ requests: 1, unreportedChanges: 1, followUps: 0, overdueChecks: 1 });
    // The day the never-checked profile was added, it is due but not yet overdue.
    expect((await attentionFor(db, lead, '2026-11-01')).overdueChecks).toBe(0);
  });
});
