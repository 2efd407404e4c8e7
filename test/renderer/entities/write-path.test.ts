import { beforeEach, describe, expect, it } from 'vitest';
import type { DosDeskApi } from '@shared/ipc/api';
import type { Operator } from '@shared/models/operator';
import { DEFAULT_SETTINGS } from '@shared/models/settings';
import { verifyAuditChain } from '../../../renderer/src/db/audit';
import type { DosDeskDb } from '../../../renderer/src/db/database';
import { change } from '../../../renderer/src/entities/desk/change';
import { EmailNotQueuedError, EmailQueuedNotNotedError } from '../../../renderer/src/entities/email/change-then-email';
import { createOperator } from '../../../renderer/src/features/operators/data/operators';
import {
  approveRequest,
  createRequest,
  emailsNotQueued,
  markValidated,
  queueEmailsNotQueued,
  rejectRequest,
} from '../../../renderer/src/features/requests/data/requests';
import { emailRefusingApi, freshDb, PRIYA, realApi } from '../helpers';

let db: DosDeskDb;
let api: DosDeskApi;
let lead: Operator;

const request = {
  fullName: 'Jo Bloggs',
  email: 'jo.bloggs@nhs.net',
  phone: '',
  organisation: 'Riverside UTC',
  jobTitle: 'Clinical Lead',
  region: 'London',
  userType: 'clinical-lead',
  reason: 'Reviews clinical profiles for the UTC',
  servicesNeeded: '',
  registeredOn: '2026-11-01',
  emailValidatedOn: null,
};

const outbox = async (a: DosDeskApi) => {
  const list = await a.listOutbox();
  return list.ok ? list.data : [];
};

beforeEach(async () => {
  db = freshDb();
  await db.open();
  api = realApi().api;
  lead = await createOperator(db, { ...PRIYA, regions: ['London'], approveUserRegions: ['London'] }, DEFAULT_SETTINGS.regions);
});

describe('change(): the one way a change is made', () => {
  it('writes nothing at all (record, audit entry, change log) without an operator', async () => {
    const before = { audit: await db.audit.count(), changes: await db.changes.count() };
    await expect(createRequest(db, null, request)).rejects.toThrow(/Choose who you are/);
    await expect(createRequest(db, 'nobody-by-this-id', request)).rejects.toThrow(/Choose who you are/);
    expect(await db.requests.count()).toBe(0);
    expect({ audit: await db.audit.count(), changes: await db.changes.count() }).toEqual(before);
  });

  it('commits the record, its audit entry (naming the record in words) and its change-log row together', async () => {
    const created = await createRequest(db, lead.id, request);
    const entry = (await db.audit.orderBy(':id').last())!;
    expect(entry).toMatchObject({
      action: 'request.create',
      operatorId: lead.id,
      subject: 'request from Jo Bloggs (London)',
      at: created.createdAt,
    });
    const logged = (await db.changes.orderBy('seq').last())!;
    expect(logged).toMatchObject({ table: 'requests', op: 'put', keys: [created.id] });
    expect((await verifyAuditChain(db)).problem).toBeNull();
  });

  it('rolls back everything a change wrote when a later step fails', async () => {
    const counts = async () => [await db.requests.count(), await db.audit.count(), await db.changes.count()];
    const before = await counts();
    await expect(
      change({ db, operatorId: lead.id }, [db.requests], async (ctx) => {
        await db.requests.add({
          id: 'half',
          email: 'half@nhs.net',
          status: 'outstanding',
          region: 'London',
          registeredAt: ctx.at,
        } as never);
        await ctx.audit({
          entity: 'request',
          entityId: 'half',
          subject: 'half a change',
          action: 'request.create',
          before: null,
          after: null,
        });
        throw new Error('the second record failed its check');
      }),
    ).rejects.toThrow('the second record failed its check');
    expect(await counts()).toEqual(before);
  });
});

describe('actions that email: the change is written first, the email queued after', () => {
  it('sends no rejection when the rejection cannot be saved', async () => {
    const r = await createRequest(db, lead.id, request);
    await rejectRequest({ db, api, operatorId: lead.id, delivery: 'mail-client' }, r.id, 'Use NHS Service Finder');
    expect(await outbox(api)).toHaveLength(1);
    // A second rejection is refused by the data layer: no second email goes out.
    await expect(rejectRequest({ db, api, operatorId: lead.id, delivery: 'mail-client' }, r.id, 'Again')).rejects.toThrow(
      /already been rejected/,
    );
    expect(await outbox(api)).toHaveLength(1);
  });

  it('keeps the rejection when main cannot queue its email, says so, and queues it later with its outbox id on the request', async () => {
    const { api: flaky, main } = emailRefusingApi(api, 'The outbox folder cannot be written to.');
    const desk = { db, api: flaky, operatorId: lead.id, delivery: 'mail-client' as const };
    const r = await createRequest(db, lead.id, request);
    const error = await rejectRequest(desk, r.id, 'Use NHS Service Finder').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmailNotQueuedError);
    expect((error as Error).message).toMatch(
      /The request was rejected, but the email could not be queued: The outbox folder cannot be written to/,
    );
    const saved = (await db.requests.get(r.id))!;
    expect(saved.status).toBe('rejected');
    expect(saved.rejection).toMatchObject({ reason: 'Use NHS Service Finder', outboxId: null });
    expect(emailsNotQueued(saved)).toEqual(['the rejection email']);
    expect(await outbox(api)).toHaveLength(0);

    await expect(queueEmailsNotQueued(desk, r.id)).rejects.toThrow(/could not be queued/);
    main.refusing = false;
    expect(await queueEmailsNotQueued(desk, r.id)).toBe(1);
    const [email] = await outbox(api);
    expect(email).toMatchObject({ subject: 'Your request for DoS access has been rejected', relatedTo: r.id });
    const after = (await db.requests.get(r.id))!;
    expect(after.rejection!.outboxId).toBe(email!.id);
    expect(emailsNotQueued(after)).toEqual([]);
    const actions = (await db.audit.toArray()).map((e) => e.action);
    expect(actions.filter((a) => a === 'email.queue')).toHaveLength(1);
  });

  it('keeps the approval email’s outbox id on the request', async () => {
    const r = await createRequest(db, lead.id, request);
    await markValidated(db, lead.id, r.id, '2026-11-02');
    const { email } = await approveRequest({ db, api, operatorId: lead.id, delivery: 'mail-client' }, r.id, {
      fullName: 'Jo Bloggs',
      email: 'jo.bloggs@nhs.net',
      phone: '',
      organisation: 'Riverside UTC',
      jobTitle: 'Clinical Lead',
      userType: 'clinical-lead',
      regions: ['London'],
      roles: ['viewClinical'],
      serviceIds: [],
    });
    expect((await db.requests.get(r.id))!.approvalOutboxId).toBe(email!.id);
  });

  it('says the email is in the outbox, and not to queue it again, when noting it on the record fails', async () => {
    const r = await createRequest(db, lead.id, request);
    // The request is removed while main is queueing its email (another window, a restore).
    const racing: DosDeskApi = {
      ...api,
      queueEmail: async (args) => {
        const queued = await api.queueEmail(args);
        await db.transaction('rw', db.requests, () => db.requests.delete(r.id));
        return queued;
      },
    };
    const error = await rejectRequest(
      { db, api: racing, operatorId: lead.id, delivery: 'mail-client' },
      r.id,
      'Use NHS Service Finder',
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmailQueuedNotNotedError);
    expect((error as Error).message).toMatch(/"Your request for DoS access has been rejected" is in the outbox.*Do not queue it again/);
    expect(await outbox(api)).toHaveLength(1);
  });
});
