import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, expect, it } from 'vitest';
import type { DosDeskApi } from '@shared/ipc/api';
import type { Operator } from '@shared/models/operator';
import { DEFAULT_SETTINGS } from '@shared/models/settings';
import type { DosDeskDb } from '../../../renderer/src/db/database';
import { createOperator } from '../../../renderer/src/features/operators/data/operators';
import { RequestPage } from '../../../renderer/src/features/requests/components/request-page';
import { createRequest, rejectRequest } from '../../../renderer/src/features/requests/data/requests';
import { useSession } from '../../../renderer/src/session/store';
import { emailRefusingApi, freshDb, PRIYA, realApi } from '../helpers';
import { AtDesk } from '../at-desk';

let db: DosDeskDb;
let lead: Operator;
let api: DosDeskApi;
let main: { refusing: boolean };

beforeEach(async () => {
  db = freshDb();
  await db.open();
  const real = realApi().api;
  ({ api, main } = emailRefusingApi(real, 'The outbox folder is full.'));
  lead = await createOperator(db, { ...PRIYA, regions: ['London'], approveUserRegions: ['London'] }, DEFAULT_SETTINGS.regions);
  useSession.getState().setCurrentOperatorId(lead.id);
});

it('shows a rejection whose email main could not queue as not emailed, and queues it again with one button', async () => {
  const r = await createRequest(db, lead.id, {
    fullName: 'Jo Bloggs',
    email: 'jo.bloggs@nhs.net',
    phone: '',
    organisation: 'Riverside UTC',
    jobTitle: 'Clinical Lead',
    region: 'London',
    userType: 'clinical-lead',
    reason: 'Reviews clinical profiles',
    servicesNeeded: '',
    registeredOn: '2026-11-01',
    emailValidatedOn: null,
  });
  await rejectRequest({ db, api, operatorId: lead.id, delivery: 'mail-client' }, r.id, 'Use NHS Service Finder').catch(() => undefined);
  render(
    <AtDesk db={db} api={api} operator={lead}>
      <RequestPage id={r.id} />
    </AtDesk>,
  );
  const panel = await screen.findByTestId('emails-not-queued');
  expect(panel).toHaveTextContent('the rejection email could not be queued, so nobody has been emailed yet');
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Queue the email again' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('The outbox folder is full.');
  main.refusing = false;
  await user.click(screen.getByRole('button', { name: 'Queue the email again' }));
  await screen.findByText('Rejected because');
  await expect.poll(() => screen.queryByTestId('emails-not-queued')).toBeNull();
  const list = await api.listOutbox();
  expect(list.ok && list.data.map((m) => m.subject)).toEqual(['Your request for DoS access has been rejected']);
  expect((await db.requests.get(r.id))!.rejection!.outboxId).toBe(list.ok && list.data[0]!.id);
});
