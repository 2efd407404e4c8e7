import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { ATTESTATIONS } from '@shared/domain/connecting-care';
import type { DosDeskApi } from '@shared/ipc/api';
import { DEFAULT_SETTINGS } from '@shared/models/settings';
import type { DosDeskDb } from '../../../renderer/src/db/database';
import { CcRequestPage } from '../../../renderer/src/features/connecting-care/components/cc-request-page';
import { fileCcRequest, saveOrganisation } from '../../../renderer/src/features/connecting-care/data/cc';
import { createOperator } from '../../../renderer/src/features/operators/data/operators';
import { useSession } from '../../../renderer/src/session/store';
import { emailRefusingApi, freshDb, PRIYA, realApi } from '../helpers';
import { AtDesk } from '../at-desk';

let db: DosDeskDb;
let api: DosDeskApi;
let main: { refusing: boolean };

beforeEach(async () => {
  db = freshDb();
  await db.open();
  const real = realApi().api;
  ({ api, main } = emailRefusingApi(real));
  const lead = await createOperator(db, PRIYA, DEFAULT_SETTINGS.regions);
  useSession.setState({ currentOperatorId: lead.id, notice: null });
});

describe('a Connecting Care request whose email is not queued', () => {
  it('says so, does not offer tracking, and "Queue the email again" puts it in the outbox', async () => {
    const lead = useSession.getState().currentOperatorId;
    const org = await saveOrganisation(
      db,
      lead,
      {
        name: 'Riverside Trust',
        serviceDeskEmail: 'servicedesk@riverside.nhs.uk',
        allocationPerYear: 5,
        authorisers: [{ name: 'Priya Shah', email: 'priya.shah@nhs.net' }],
        roles: ['Clinician'],
      },
      null,
    );
    const request = await fileCcRequest(
      { db, api, operatorId: lead, delivery: 'mail-client' },
      {
        type: 'new-user',
        organisationId: org.id,
        purpose: 'direct-care',
        fullName: 'Ann Lee',
        jobTitle: 'Nurse',
        workEmail: 'ann.lee@nhs.net',
        role: 'Clinician',
        startDate: '2026-12-01',
        attestations: ATTESTATIONS.map((a) => a.id),
      },
      DEFAULT_SETTINGS,
    );
    const user = userEvent.setup();
    render(
      <AtDesk db={db} api={api} operator={(await db.operators.get(lead!))!}>
        <CcRequestPage id={request.id} />
      </AtDesk>,
    );
    expect(await screen.findByTestId('cc-email-not-queued')).toHaveTextContent('The email is not queued');
    expect(screen.queryByRole('button', { name: 'Record receipt' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Open it in the outbox' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Queue the email again' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/could not be queued: Main refused/);

    main.refusing = false;
    await user.click(screen.getByRole('button', { name: 'Queue the email again' }));
    expect(await screen.findByRole('button', { name: 'Record receipt' })).toBeInTheDocument();
    expect(screen.queryByTestId('cc-email-not-queued')).toBeNull();
    const outboxId = (await db.ccRequests.get(request.id))!.sent.outboxId;
    expect(screen.getByRole('link', { name: 'Open it in the outbox' })).toHaveAttribute('href', `#/outbox/${outboxId}`);
    const list = await api.listOutbox();
    expect(list.ok && list.data.map((e) => e.id)).toEqual([outboxId]);
  });
});
