import { beforeEach, describe, expect, it } from 'vitest';
import type { Operator } from '@shared/models/operator';
import type { Service } from '@shared/models/service';
import { DEFAULT_SETTINGS } from '@shared/models/settings';
import type { DosDeskDb } from '../../../renderer/src/db/database';
import { InputError } from '../../../renderer/src/db/guards';
import { createOperator } from '../../../renderer/src/features/operators/data/operators';
import {
  capacityDay,
  closeService,
  reopenService,
  setCapacity,
  suspendService,
} from '../../../renderer/src/features/services/data/service-status';
import { createService } from '../../../renderer/src/features/services/data/services';
import { freshDb, PRIYA } from '../helpers';

const REGIONS = DEFAULT_SETTINGS.regions;
let db: DosDeskDb;
let lead: Operator;
let utc: Service;
let hub: Service;
let pods: Service;
let midlands: Service;

const add = (name: string, region = 'London', parentId: string | null = null) =>
  createService(db, lead.id, { name, serviceType: 'UTC', odsCode: '', region, parentId }, REGIONS);

beforeEach(async () => {
  db = freshDb();
  await db.open();
  lead = await createOperator(db, { ...PRIYA, regions: ['London'] }, REGIONS);
  utc = await add('Riverside UTC');
  hub = await add('Hot Hub', 'London', utc.id);
  pods = await add('Priority Assessment PODS');
  midlands = await add('Midlands UTC', 'Midlands');
});

const actions = async () => (await db.audit.orderBy(':id').toArray()).filter((e) => e.entity === 'service').map((e) => e.action);

describe('service status', () => {
  it('starts active; suspends with reason and dates, re-opens and closes, each audited', async () => {
    expect(utc).toMatchObject({ status: 'active', suspension: null, capacity: null });
    const suspended = await suspendService(db, lead.id, hub.id, {
      reason: 'Staff redeployed to CCAS',
      from: '2026-11-21',
      until: '2026-12-05',
    });
    expect(suspended).toMatchObject({
      status: 'suspended',
      suspension: { reason: 'Staff redeployed to CCAS', from: '2026-11-21', until: '2026-12-05' },
    });
    const reopened = await reopenService(db, lead.id, hub.id, { note: 'Staff back' });
    expect(reopened).toMatchObject({ status: 'active', suspension: null });
    await closeService(db, lead.id, pods.id, { reason: 'No longer commissioned', on: '2026-11-21' });
    expect(await actions()).toEqual([
      'service.create',
      'service.create',
      'service.create',
      'service.create',
      'service.suspend',
      'service.reopen',
      'service.close',
    ]);
  });

  it.each([
    ['no reason', { reason: ' ', from: '2026-11-21', until: '' }, /Enter why the service is suspended/],
    ['a re-open date before the start', { reason: 'x', from: '2026-11-21', until: '2026-11-20' }, /on or after the start date/],
    ['a date that does not exist', { reason: 'x', from: '2026-02-30', until: '' }, /Enter the date the suspension starts/],
  ])('refuses a suspension with %s, changing nothing', async (_label, input, message) => {
    await expect(suspendService(db, lead.id, hub.id, input)).rejects.toThrow(message);
    expect((await db.services.get(hub.id))!.status).toBe('active');
    expect(await actions()).not.toContain('service.suspend');
  });

  it('refuses services in regions the operator does not cover, and re-opening an open service', async () => {
    await expect(suspendService(db, lead.id, midlands.id, { reason: 'x', from: '2026-11-21', until: '' })).rejects.toBeInstanceOf(
      InputError,
    );
    await expect(reopenService(db, lead.id, utc.id, { note: 'x' })).rejects.toThrow(/already open/);
  });
});

describe('capacity status and the daily report', () => {
  it('records who set red, amber or green and when, and reports which services reported today', async () => {
    const morning = new Date('2026-11-21T08:15:00Z');
    await setCapacity(db, lead.id, utc.id, { rag: 'amber', note: 'Long waits' }, morning);
    const later = await setCapacity(db, lead.id, utc.id, { rag: 'red', note: 'Full' }, new Date('2026-11-21T14:00:00Z'));
    expect(later.capacity).toMatchObject({ rag: 'red', setBy: 'Priya Shah', at: '2026-11-21T14:00:00.000Z' });
    await suspendService(db, lead.id, hub.id, { reason: 'Redeployed', from: '2026-11-20', until: '' });
    await closeService(db, lead.id, pods.id, { reason: 'Decommissioned', on: '2026-11-01' });
    await add('New Hub');
    const day = await capacityDay(db, 'London', '2026-11-21');
    expect(day.reported.map((r) => [r.service.name, r.report.rag])).toEqual([['Riverside UTC', 'red']]);
    expect(day.notReported.map((s) => s.name)).toEqual(['New Hub']);
    expect(day.suspended.map((s) => s.name)).toEqual(['Hot Hub']);
    // The next day nobody has reported yet.
    expect((await capacityDay(db, 'London', '2026-11-22')).notReported.map((s) => s.name)).toEqual(['New Hub', 'Riverside UTC']);
    await expect(setCapacity(db, lead.id, hub.id, { rag: 'green', note: '' }, new Date('2026-11-21T15:00:00Z'))).rejects.toThrow(
      /suspended. Re-open it/,
    );
    // Once a suspension's end date has passed, the service can report again (and shows in the report).
    const brief = await add('Brief Pause');
    await suspendService(db, lead.id, brief.id, { reason: 'Deep clean', from: '2026-11-20', until: '2026-11-21' });
    await expect(setCapacity(db, lead.id, brief.id, { rag: 'green', note: '' }, new Date('2026-11-21T15:00:00Z'))).rejects.toThrow(
      /Re-open it/,
    );
    await setCapacity(db, lead.id, brief.id, { rag: 'green', note: '' }, new Date('2026-11-22T09:00:00Z'));
    expect((await capacityDay(db, 'London', '2026-11-22')).reported.map((r) => r.service.name)).toEqual(['Brief Pause']);
    await expect(setCapacity(db, lead.id, utc.id, { rag: 'purple', note: '' })).rejects.toBeInstanceOf(InputError);
  });
});
