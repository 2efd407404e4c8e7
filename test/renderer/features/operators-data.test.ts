import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@shared/models/settings';
import type { DosDeskDb } from '../../../renderer/src/db/database';
import { NoOperatorError } from '../../../renderer/src/db/audit';
import { InputError } from '../../../renderer/src/db/guards';
import {
  createOperator,
  loadCurrentOperatorId,
  switchOperator,
  updateOperator,
} from '../../../renderer/src/features/operators/data/operators';
import { saveSettings } from '../../../renderer/src/features/settings/data/settings';
import { freshDb, PRIYA, realApi } from '../helpers';

const REGIONS = DEFAULT_SETTINGS.regions;
let db: DosDeskDb;
beforeEach(async () => {
  db = freshDb();
  await db.open();
});

async function counts() {
  return { operators: await db.operators.count(), audit: await db.audit.count() };
}

describe('operators', () => {
  it('creates an operator, makes them current and audits it in the same transaction', async () => {
    const op = await createOperator(db, { ...PRIYA, email: 'Priya.Shah@NHS.net' }, REGIONS, new Date('2026-11-21T10:00:00Z'));
    expect(op.email).toBe('priya.shah@nhs.net');
    expect(await db.operators.get(op.id)).toEqual(op);
    expect(await loadCurrentOperatorId(db)).toBe(op.id);
    const [entry] = await db.audit.toArray();
    expect(entry).toMatchObject({
      operatorId: op.id,
      action: 'operator.create',
      entity: 'operator',
      entityId: op.id,
      before: null,
      at: '2026-11-21T10:00:00.000Z',
    });
    expect(entry!.after).toEqual(op);
  });

  it('first run: creates the first operator on an empty desk as their own change, named in words and in the change log', async () => {
    expect(await db.operators.count()).toBe(0);
    const op = await createOperator(db, PRIYA, REGIONS, new Date('2026-11-21T10:00:00Z'));
    const [entry] = await db.audit.toArray();
    expect(entry).toMatchObject({ operatorId: op.id, action: 'operator.create', subject: 'operator Priya Shah' });
    const changes = await db.changes.toArray();
    expect(changes.map((c) => [c.table, c.op, c.keys])).toEqual([['operators', 'put', [op.id]]]);
    const sam = await createOperator(db, { ...PRIYA, fullName: 'Sam Okoro', email: 'sam.okoro@nhs.net' }, REGIONS);
    await switchOperator(db, op.id);
    await updateOperator(db, op.id, sam.id, { ...PRIYA, fullName: 'Sam Okoro', email: 'sam.okoro@nhs.net', jobRole: 'Lead' }, REGIONS);
    expect((await db.audit.toArray()).map((e) => [e.action, e.operatorId, e.subject])).toEqual([
      ['operator.create', op.id, 'operator Priya Shah'],
      ['operator.create', sam.id, 'operator Sam Okoro'],
      ['operator.switch', op.id, 'the operator at this desk'],
      ['operator.update', op.id, 'operator Sam Okoro'],
    ]);
  });

  it.each([
    ['CR/LF in the name', { fullName: 'Priya\r\nShah' }, 'fullName'],
    ['<script> in the job role', { jobRole: '<script>alert(1)</script>' }, 'jobRole'],
    ['a 100 kB name', { fullName: 'x'.repeat(100_000) }, 'fullName'],
    ['a personal email', { email: 'priya@gmail.com' }, 'email'],
    ['no regions', { regions: [], approveUserRegions: [] }, 'regions'],
    ['a region this desk does not have', { regions: ['Atlantis'], approveUserRegions: [] }, 'regions'],
    ['a wrong type', { regions: 'London' }, 'regions'],
  ])('refuses %s, names the field and writes nothing', async (_label, change, field) => {
    const error = await createOperator(db, { ...PRIYA, ...change }, REGIONS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).field).toBe(field);
    expect(await counts()).toEqual({ operators: 0, audit: 0 });
    expect(await loadCurrentOperatorId(db)).toBeNull();
  });

  it('refuses a second operator with the same email and leaves the first untouched', async () => {
    await createOperator(db, PRIYA, REGIONS);
    await expect(createOperator(db, { ...PRIYA, fullName: 'Someone Else', email: 'PRIYA.SHAH@nhs.net' }, REGIONS)).rejects.toThrow(
      /already exists/,
    );
    expect(await counts()).toEqual({ operators: 1, audit: 1 });
  });

  it('switches operator, remembers the choice and audits who took over', async () => {
    const priya = await createOperator(db, PRIYA, REGIONS);
    const sam = await createOperator(db, { ...PRIYA, fullName: 'Sam Okoro', email: 'sam.okoro@nhs.net', approveUserRegions: [] }, REGIONS);
    expect(await loadCurrentOperatorId(db)).toBe(sam.id);
    await switchOperator(db, priya.id);
    expect(await loadCurrentOperatorId(db)).toBe(priya.id);
    const last = await db.audit.orderBy('id').last();
    expect(last).toMatchObject({ action: 'operator.switch', operatorId: priya.id, before: sam.id, after: priya.id });
    await expect(switchOperator(db, 'no-such-operator')).rejects.toBeInstanceOf(NoOperatorError);
  });

  it('updates a profile with before and after in the audit trail', async () => {
    const priya = await createOperator(db, PRIYA, REGIONS);
    const saved = await updateOperator(db, priya.id, priya.id, { ...PRIYA, jobRole: 'Regional DoS Lead' }, REGIONS);
    expect(saved.jobRole).toBe('Regional DoS Lead');
    const last = await db.audit.orderBy('id').last();
    expect(last).toMatchObject({
      action: 'operator.update',
      before: { jobRole: 'Local DoS Lead' },
      after: { jobRole: 'Regional DoS Lead' },
    });
  });

  it('writes nothing without an operator', async () => {
    const priya = await createOperator(db, PRIYA, REGIONS);
    await expect(updateOperator(db, null, priya.id, { ...PRIYA, jobRole: 'X' }, REGIONS)).rejects.toBeInstanceOf(NoOperatorError);
    await expect(updateOperator(db, 'ghost', priya.id, { ...PRIYA, jobRole: 'X' }, REGIONS)).rejects.toBeInstanceOf(NoOperatorError);
    expect((await db.operators.get(priya.id))!.jobRole).toBe('Local DoS Lead');
    const { api, dataDir } = realApi();
    await expect(saveSettings(db, api, null, { regions: ['London'] })).rejects.toBeInstanceOf(NoOperatorError);
    expect((await api.getSettings()).ok && (await api.getSettings())).toMatchObject({ data: DEFAULT_SETTINGS });
    expect(dataDir).toBeTruthy();
    expect(await counts()).toEqual({ operators: 1, audit: 1 });
  });
});

describe('settings through main', () => {
  it('saves through the real handlers, caches and audits the change', async () => {
    const priya = await createOperator(db, PRIYA, REGIONS);
    const { api } = realApi();
    await saveSettings(db, api, priya.id, { regions: ['London', 'Midlands'] });
    expect(await api.getSettings()).toMatchObject({ ok: true, data: { regions: ['London', 'Midlands'] } });
    const last = await db.audit.orderBy('id').last();
    expect(last).toMatchObject({ action: 'settings.update', operatorId: priya.id, after: { regions: ['London', 'Midlands'] } });
  });

  it('names the change in words in the audit trail', async () => {
    const priya = await createOperator(db, PRIYA, REGIONS);
    const { api } = realApi();
    await saveSettings(db, api, priya.id, { regions: ['London'] });
    expect(await db.audit.orderBy('id').last()).toMatchObject({ action: 'settings.update', subject: "this desk's settings" });
  });

  it('passes on main refusing bad input, with the field, and records nothing', async () => {
    const priya = await createOperator(db, PRIYA, REGIONS);
    const { api } = realApi();
    await expect(saveSettings(db, api, priya.id, { regions: ['Lon\ndon'] })).rejects.toThrow(/regions\.0/);
    expect(await counts()).toEqual({ operators: 1, audit: 1 });
    expect(await api.getSettings()).toEqual({ ok: true, data: DEFAULT_SETTINGS });
  });
});
