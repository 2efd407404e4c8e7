import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { CsvImport } from '../../../renderer/src/components/csv-import';
import { InputError } from '../../../renderer/src/db/guards';
import { plainErrorMessage } from '../../../renderer/src/platform/plain-error';

/** A real Dexie database on fake-indexeddb, to raise the errors IndexedDB really raises. */
let db: Dexie;
afterEach(async () => {
  db?.close();
  if (db) await Dexie.delete(db.name);
});

async function realError(work: (table: Dexie.Table<{ id: string }, string>) => Promise<unknown>): Promise<unknown> {
  db = new Dexie(`plain-error-${Math.random()}`);
  db.version(1).stores({ things: 'id' });
  const table = db.table<{ id: string }, string>('things');
  await table.add({ id: 'a' });
  return work(table).then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e,
  );
}

const technical = /ConstraintError|Key already exists|Dexie|DOMException/;

describe('plain words for browser and Dexie errors', () => {
  it('a record added twice (a real ConstraintError): already saved, nothing changed', async () => {
    const error = await realError((t) => t.add({ id: 'a' }));
    expect((error as Error).name).toBe('ConstraintError');
    const text = plainErrorMessage(error);
    expect(text).toMatch(/^This would save a record a second time: one with the same details is already saved\. Nothing was changed\./);
    expect(text).not.toMatch(technical);
  });

  it('the database closed underneath (a real DatabaseClosedError): close and reopen DoS Desk', async () => {
    const error = await realError(async (t) => {
      db.close();
      await t.put({ id: 'b' });
    });
    expect((error as Error).name).toBe('DatabaseClosedError');
    expect(plainErrorMessage(error)).toMatch(/records were closed.*Nothing was changed\. Close and reopen DoS Desk, then try again\.$/);
  });

  it('a full disk (Chromium aborts the transaction with QuotaExceededError): says the disk is full', () => {
    const quota = new DOMException('The operation failed because the quota has been exceeded.', 'QuotaExceededError');
    for (const error of [quota, new Dexie.AbortError('Transaction aborted', quota)]) {
      const text = plainErrorMessage(error);
      expect(text).toMatch(/^The computer’s disk is full, so DoS Desk could not save this\. Nothing was changed\. Free some space/);
      expect(text).not.toMatch(/Quota|Abort/);
    }
  });

  it('a programming slip never shows its message; an error written for a person is shown as it is', () => {
    expect(plainErrorMessage(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(
      'Something unexpected went wrong, so this was not finished. Try again; if it keeps happening, close and reopen DoS Desk.',
    );
    expect(plainErrorMessage(new InputError('Enter a full name', 'fullName'))).toBe('Enter a full name');
  });

  it('a screen shows the plain words, not the IndexedDB message', async () => {
    const error = await realError((t) => t.add({ id: 'a' }));
    const user = userEvent.setup();
    render(
      <CsvImport
        heading="Import accounts"
        columns={['fullName', 'email']}
        noun="accounts"
        preview={async () => {
          throw error;
        }}
        commit={async () => 0}
        onImported={() => undefined}
      />,
    );
    await user.type(screen.getByLabelText('Or paste the CSV'), 'fullName,email');
    await user.click(screen.getByRole('button', { name: 'Check the file' }));
    expect(await screen.findByText(/one with the same details is already saved\. Nothing was changed\./)).toBeInTheDocument();
    expect(screen.queryByText(technical)).toBeNull();
  });
});
