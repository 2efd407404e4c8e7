import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Operator } from '@shared/models/operator';
import { DEFAULT_SETTINGS } from '@shared/models/settings';
import type { DosDeskDb } from '../../../renderer/src/db/database';
import { createOperator } from '../../../renderer/src/features/operators/data/operators';
import { RequestsPage } from '../../../renderer/src/features/requests/components/requests-page';
import { createRequest } from '../../../renderer/src/features/requests/data/requests';
import { freshDb, PRIYA, realApi } from '../helpers';
import { AtDesk } from '../at-desk';

let db: DosDeskDb;
let lead: Operator;

beforeEach(async () => {
  db = freshDb();
  await db.open();
  lead = await createOperator(db, { ...PRIYA, regions: ['London'], approveUserRegions: ['London'] }, DEFAULT_SETTINGS.regions);
  const day = (i: number) => new Date(Date.UTC(2026, 8, 1) + i * 86_400_000).toISOString().slice(0, 10);
  for (let i = 0; i < 60; i++)
    await createRequest(db, lead.id, {
      fullName: `Person ${i}`,
      email: `person${i}@nhs.net`,
      phone: '',
      organisation: 'Riverside UTC',
      jobTitle: 'Nurse',
      region: 'London',
      userType: 'clinical-lead',
      reason: 'Reviews clinical profiles',
      servicesNeeded: '',
      registeredOn: day(i),
      emailValidatedOn: null,
    });
});

function show() {
  render(
    <AtDesk db={db} api={realApi().api} operator={lead}>
      <RequestsPage now={new Date('2026-11-22T10:00:00Z')} />
    </AtDesk>,
  );
}

const queue = () => screen.getByTestId('request-queue');
const bodyRows = () => within(queue()).getAllByRole('row').slice(1);
const caption = () => queue().querySelector('caption')?.textContent;

describe('the outstanding requests screen', () => {
  it('shows 50 a page with the counts, and goes back to the last page there is when requests leave the queue', async () => {
    const user = userEvent.setup();
    show();
    await screen.findByText('60 outstanding requests, page 1 of 2');
    expect(screen.getByTestId('region-counts')).toHaveTextContent('London: 60');
    expect(bodyRows()).toHaveLength(50);
    expect(bodyRows()[0]).toHaveTextContent('Person 0');
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await screen.findByText('60 outstanding requests, page 2 of 2');
    expect(bodyRows()).toHaveLength(10);
    expect(bodyRows()[0]).toHaveTextContent('Person 50');
    expect(screen.queryByRole('button', { name: 'Next page' })).toBeNull();

    // Fifteen are dealt with elsewhere: page 2 no longer exists.
    await db.requests
      .where('email')
      .anyOf(Array.from({ length: 15 }, (_, i) => `person${i}@nhs.net`))
      .modify({ status: 'approved' });
    await screen.findByText('45 outstanding requests');
    expect(caption()).toBe('45 outstanding requests');
    expect(bodyRows()).toHaveLength(45);
    expect(bodyRows()[0]).toHaveTextContent('Person 15');
    expect(screen.queryByRole('navigation', { name: 'Pages of requests' })).toBeNull();

    await db.requests.toCollection().modify({ status: 'approved' });
    expect(await screen.findByText('There are no outstanding requests.')).toBeInTheDocument();
    expect(screen.getByTestId('region-counts')).toHaveTextContent('London: 0');
  });
});
