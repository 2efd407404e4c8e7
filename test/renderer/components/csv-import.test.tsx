import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CsvImport, type ImportPreviewRow } from '../../../renderer/src/components/csv-import';

const rows: ImportPreviewRow[] = Array.from({ length: 250 }, (_, i) => ({
  line: i + 2,
  status: i % 5 === 4 ? 'invalid' : 'new',
  reason: i % 5 === 4 ? 'email: Enter a valid email address' : null,
  label: `Person ${i}`,
}));

function setUp(preview = vi.fn(async () => rows)) {
  const commit = vi.fn(async (r: readonly ImportPreviewRow[]) => r.filter((x) => x.status === 'new').length);
  const onImported = vi.fn();
  render(
    <CsvImport
      heading="Import accounts"
      columns={['fullName', 'email']}
      noun="accounts"
      preview={preview}
      commit={commit}
      onImported={onImported}
    />,
  );
  return { preview, commit, onImported, user: userEvent.setup() };
}

const bodyRows = () => within(screen.getByRole('table')).getAllByRole('row').slice(1);

describe('CSV import dry run', () => {
  it('says what to do when there is nothing to check, and checks nothing', async () => {
    const { preview, user } = setUp();
    await user.click(screen.getByRole('button', { name: 'Check the file' }));
    expect(screen.getByText('Choose a CSV file or paste the CSV first.')).toBeInTheDocument();
    expect(preview).not.toHaveBeenCalled();
  });

  it('shows a large file a page at a time, filters by result and imports every new row', async () => {
    const { commit, onImported, user } = setUp();
    await user.upload(
      screen.getByLabelText('Choose a CSV file'),
      new File(['fullName,email\nA,a@nhs.net\n'], 'team.csv', { type: 'text/csv' }),
    );
    expect((await screen.findByText(/team\.csv/)).closest('p')).toHaveTextContent('team.csv (1 row after the header)');
    expect(screen.getByLabelText('Or paste the CSV')).toHaveValue('');
    await user.click(screen.getByRole('button', { name: 'Check the file' }));
    expect(await screen.findByRole('status')).toHaveTextContent('200 new, 0 already there, 50 with problems.');
    expect(bodyRows()).toHaveLength(100);
    expect(screen.getByText('Rows 1 to 100 of 250')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Next rows' }));
    await user.click(screen.getByRole('button', { name: 'Next rows' }));
    expect(bodyRows()).toHaveLength(50);
    expect(bodyRows()[0]).toHaveTextContent('Person 200');
    expect(screen.queryByRole('button', { name: 'Next rows' })).toBeNull();
    await user.selectOptions(screen.getByLabelText('Show'), 'invalid');
    expect(bodyRows()).toHaveLength(50);
    for (const row of bodyRows()) expect(row).toHaveTextContent('Problem');
    await user.click(screen.getByRole('button', { name: 'Import 200 new accounts' }));
    expect(commit).toHaveBeenCalledWith(rows);
    expect(onImported).toHaveBeenCalledWith(200);
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('imports once, however often Import is pressed while it writes, and says it is importing', async () => {
    const { commit, onImported, user } = setUp();
    let finish = (_n: number) => {};
    commit.mockImplementation(() => new Promise<number>((resolve) => (finish = resolve)));
    await user.type(screen.getByLabelText('Or paste the CSV'), 'fullName,email');
    await user.click(screen.getByRole('button', { name: 'Check the file' }));
    await user.click(await screen.findByRole('button', { name: 'Import 200 new accounts' }));
    const busy = screen.getByRole('button', { name: 'Importing…' });
    expect(busy).toBeDisabled();
    await user.click(busy);
    expect(commit).toHaveBeenCalledTimes(1);
    await act(async () => finish(200));
    expect(onImported).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('button', { name: 'Importing…' })).toBeNull();
  });

  it('shows why an import failed and lets the user try again', async () => {
    const { commit, onImported, user } = setUp();
    commit.mockRejectedValueOnce(new Error('Priya Shah already has an account with priya.shah@nhs.net. Check the file again.'));
    await user.type(screen.getByLabelText('Or paste the CSV'), 'fullName,email');
    await user.click(screen.getByRole('button', { name: 'Check the file' }));
    await user.click(await screen.findByRole('button', { name: 'Import 200 new accounts' }));
    expect(await screen.findByText(/already has an account/)).toBeInTheDocument();
    expect(onImported).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Import 200 new accounts' })).toBeEnabled();
  });
});
