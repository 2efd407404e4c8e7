import { beforeEach, describe, expect, it } from 'vitest';
import type { DosDeskApi } from '@shared/ipc/api';
import type { Operator } from '@shared/models/operator';
import { DEFAULT_SETTINGS } from '@shared/models/settings';
import { NoOperatorError } from '../../../renderer/src/db/audit';
import type { DosDeskDb } from '../../../renderer/src/db/database';
import { InputError } from '../../../renderer/src/db/guards';
import { queueEmailAudited } from '../../../renderer/src/entities/email/outbox-audit';
import { changeEmail, queueEmail } from '../../../renderer/src/features/outbox/data/outbox';
import { createOperator } from '../../../renderer/src/features/operators/data/operators';
import { freshDb, PRIYA, realApi } from '../helpers';

let db: DosDeskDb;
let api: DosDeskApi;
let lead: Operator;

const note = {
  template: 'dos-team-note' as const,
  data: { subject: 'Rota', body: 'The rota changes on Monday.', senderName: 'Priya Shah', senderRole: 'Local DoS Lead' },
  from: { name: 'Priya Shah', address: 'priya.shah@nhs.net' },
  to: [{ address: 'london.dos@nhs.net' }],
  cc: [],
  format: 'plain' as const,
  delivery: 'mail-client' as const,
  relatedTo: null,
};
const outbox = async () => {
  const list = await api.listOutbox();
  return list.ok ? list.data : [];
};

beforeEach(async () => {
  db = freshDb();
  await db.open();
  api = realApi().api;
  lead = await createOperator(db, PRIYA, DEFAULT_SETTINGS.regions);
});

describe('outbox changes, audited through change()', () => {
  it('a composed note is queued, then audited by name with who it went to', async () => {
    const entry = await queueEmail(db, api, lead.id, note);
    expect(await outbox()).toHaveLength(1);
    expect(await db.audit.orderBy('id').last()).toMatchObject({
      action: 'email.queue',
      entity: 'email',
      entityId: entry.id,
      operatorId: lead.id,
      subject: 'email "Rota" to london.dos@nhs.net',
    });
  });

  it('nothing is queued or audited without an operator, and main refusing is passed on with its fields', async () => {
    await expect(queueEmailAudited(db, api, null, note)).rejects.toBeInstanceOf(NoOperatorError);
    const refusing: DosDeskApi = {
      ...api,
      queueEmail: () =>
        Promise.resolve({
          ok: false,
          error: { code: 'invalid-args' as const, message: 'Main refused', fields: [{ path: 'to', message: 'Bad' }] },
        }),
    };
    const error = await queueEmailAudited(db, refusing, lead.id, note).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).field).toBe('to');
    expect(await outbox()).toEqual([]);
    expect((await db.audit.toArray()).map((e) => e.action)).toEqual(['operator.create']);
  });

  it('marking a message copied is audited as email.mark-copied, with its subject in words', async () => {
    const entry = await queueEmail(db, api, lead.id, { ...note, delivery: 'copy' });
    const copied = await changeEmail(db, api, lead.id, entry.id, 'mark-copied');
    expect(copied.status).toBe('copied');
    expect(await db.audit.orderBy('id').last()).toMatchObject({
      action: 'email.mark-copied',
      entityId: entry.id,
      subject: 'email "Rota" to london.dos@nhs.net',
    });
    await expect(changeEmail(db, api, null, entry.id, 'cancel')).rejects.toBeInstanceOf(NoOperatorError);
  });
});
