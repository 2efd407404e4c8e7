import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Operator } from '@shared/models/operator';
import { DEFAULT_SETTINGS } from '@shared/models/settings';
import type { DosDeskDb } from '../../../renderer/src/db/database';
import { BackupsPage } from '../../../renderer/src/features/backups/components/backups-page';
import { createOperator } from '../../../renderer/src/features/operators/data/operators';
import { downloadText } from '../../../renderer/src/platform/download';
import { freshDb, PRIYA, realApi } from '../helpers';
import { AtDesk } from '../at-desk';

vi.mock('../../../renderer/src/platform/download', () => ({ downloadText: vi.fn() }));

let db: DosDeskDb;
let lead: Operator;

beforeEach(async () => {
  db = freshDb();
  await db.open();
  lead = await createOperator(db, { ...PRIYA, regions: ['London'], approveUserRegions: ['London'] }, DEFAULT_SETTINGS.regions);
});

afterEach(() => {
  vi.useRealTimers();
  vi.mocked(downloadText).mockClear();
});

describe('the data safety page', () => {
  it("names its downloads with London's date: 23:30 UTC on 1 June is 2 June in London (BST)", async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-06-01T23:30:00Z'));
    render(
      <AtDesk db={db} api={realApi().api} operator={lead}>
        <BackupsPage />
      </AtDesk>,
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Requests report' }));
    await waitFor(() => expect(downloadText).toHaveBeenCalled());
    expect(vi.mocked(downloadText).mock.calls[0]![0]).toBe('requests-report-london-2026-06-02.csv');
  });

  it("points to the Team page for sharing records, instead of merging a team member's export", () => {
    render(
      <AtDesk db={db} api={realApi().api} operator={lead}>
        <BackupsPage />
      </AtDesk>,
    );
    expect(
      screen.getByText(/Share records with your team through a team folder; a desk that cannot reach it can carry a batch file/),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Set it up on the Team page' })).toHaveAttribute('href', '#/team');
    expect(screen.queryByText(/team member.s export/)).toBeNull();
  });
});
