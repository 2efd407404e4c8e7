import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DosDeskApi } from '@shared/ipc/api';
import { PROFILE_MANAGER_SERVICE_TYPES } from '@shared/domain/pharmacy';
import type { Account } from '@shared/models/account';
import type { Operator } from '@shared/models/operator';
import type { Service } from '@shared/models/service';
import { DEFAULT_SETTINGS } from '@shared/models/settings';
import type { DosDeskDb } from '../../../renderer/src/db/database';
import { createAccount } from '../../../renderer/src/features/accounts/data/accounts';
import { createOperator } from '../../../renderer/src/features/operators/data/operators';
import { PharmaciesPage } from '../../../renderer/src/features/pharmacy/components/pharmacies-page';
import { recordOnCallChange } from '../../../renderer/src/features/pharmacy/data/handoff';
import { createProfile } from '../../../renderer/src/features/pharmacy/data/profiles';
import { EmergencyPage } from '../../../renderer/src/features/registers/components/emergency-page';
import { logEmergencyChange } from '../../../renderer/src/features/registers/data/emergency';
import { createService } from '../../../renderer/src/features/services/data/services';
import { useSession } from '../../../renderer/src/session/store';
import { emailRefusingApi, freshDb, PRIYA, realApi } from '../helpers';
import { AtDesk } from '../at-desk';

/** "Queue the email again" shows only while a record's email is not in the outbox, and puts it there. */

const REGIONS = DEFAULT_SETTINGS.regions;
const TEAMS = [{ region: 'London', localEmail: 'london.dos@nhs.net', regionalEmail: 'london.regional.dos@nhs.net' }];

let db: DosDeskDb;
let api: DosDeskApi;
/** Main, which refuses every email while `main.refusing`. */
let main: { refusing: boolean };
let lead: Operator;
let alex: Account;

beforeEach(async () => {
  db = freshDb();
  await db.open();
  const real = realApi().api;
  ({ api, main } = emailRefusingApi(real));
  main.refusing = false;
  lead = await createOperator(db, PRIYA, REGIONS);
  useSession.setState({ currentOperatorId: lead.id, notice: null });
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

const outboxCount = async () => {
  const list = await api.listOutbox();
  return list.ok ? list.data.length : -1;
};

function shown(page: React.ReactNode) {
  render(
    <AtDesk db={db} api={api} operator={lead} settings={{ ...DEFAULT_SETTINGS, regions: [...REGIONS], dosTeams: [...TEAMS] }}>
      {page}
    </AtDesk>,
  );
}

describe('Queue the email again', () => {
  it('on the emergency changes page, for a report whose email main refused', async () => {
    const user = userEvent.setup();
    const service: Service = await createService(
      db,
      lead.id,
      { name: 'Riverside UTC', serviceType: 'UTC', odsCode: '', region: 'London', parentId: null },
      REGIONS,
    );
    await logEmergencyChange(db, lead.id, {
      accountId: alex.id,
      madeAt: new Date(Date.now() - 3_600_000).toISOString(),
      serviceId: service.id,
      kinds: ['capacity'],
      details: 'Red',
      why: 'Sickness',
    });
    shown(<EmergencyPage services={[service]} />);
    const waiting = await screen.findByTestId('waiting-reports');
    expect(within(waiting).queryByRole('button', { name: /Queue the email again/ })).toBeNull();

    main.refusing = true;
    await user.click(within(waiting).getByRole('button', { name: /Send report to both DoS teams/ }));
    expect(await within(waiting).findByTestId('report-not-queued')).toHaveTextContent('Email not queued');
    expect(within(waiting).getByRole('alert')).toHaveTextContent(/could not be queued: Main refused/);
    expect(await outboxCount()).toBe(0);

    main.refusing = false;
    await user.click(within(waiting).getByRole('button', { name: /Queue the email again/ }));
    expect(await screen.findByTestId('nothing-waiting')).toBeInTheDocument();
    expect(within(screen.getByTestId('reported-changes')).queryByRole('button', { name: /Queue the email again/ })).toBeNull();
    expect(await outboxCount()).toBe(1);
  });

  it('on the pharmacies page, for an on-call change whose email to the local team main refused', async () => {
    const user = userEvent.setup();
    const saturdayNight = new Date('2026-11-21T21:30:00Z');
    const profile = await createProfile(
      db,
      lead.id,
      {
        odsCode: 'FA123',
        profileStatus: 'active',
        name: 'Rowlands Pharmacy',
        address: '61 Arundel Avenue',
        postcode: 'SK7 5LD',
        website: '',
        phone: '0161 496 0000',
        region: 'London',
        standardTimes: { monday: [], tuesday: [], wednesday: [], thursday: [], friday: [], saturday: [], sunday: [] },
        specifiedTimes: [],
      },
      REGIONS,
    );
    const entry = await createService(
      db,
      lead.id,
      { name: 'Rowlands', serviceType: PROFILE_MANAGER_SERVICE_TYPES[0], odsCode: 'FA123', region: 'London', parentId: null },
      REGIONS,
    );
    main.refusing = true;
    await recordOnCallChange(
      { db, api, operatorId: lead.id, delivery: 'mail-client' },
      {
        profileId: profile.id,
        triedProfileManager: true,
        contractorName: 'Sam Patel',
        kind: 'same-day closure',
        details: 'Closed from 19:00',
        serviceIds: [entry.id],
        accountId: alex.id,
        madeAt: saturdayNight.toISOString(),
        override: 'none',
        overrideReason: '',
      },
      TEAMS,
      new Set(),
      saturdayNight,
    );
    shown(<PharmaciesPage />);
    const section = await screen.findByTestId('handoffs-not-queued');
    expect(await within(section).findByTestId('emails-not-queued')).toHaveTextContent(
      'the email to the London local DoS team is not in the outbox',
    );
    await user.click(within(section).getByRole('button', { name: /Queue the email again/ }));
    expect(await within(section).findByRole('alert')).toHaveTextContent(/Main refused/);

    main.refusing = false;
    await user.click(within(section).getByRole('button', { name: /Queue the email again/ }));
    await waitFor(() => expect(screen.queryByTestId('handoffs-not-queued')).toBeNull());
    expect(screen.getByTestId('follow-ups')).toBeInTheDocument();
    expect(await outboxCount()).toBe(1);
  });
});
