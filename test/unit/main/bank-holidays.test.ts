import { describe, expect, it } from 'vitest';
import { englandBankHolidays } from '../../../electron/main/services/bank-holidays';
import { createDispatcher } from '../../../electron/main/ipc/dispatch';

describe('England bank holidays (offline)', () => {
  it('lists 2026 with the Boxing Day substitute', () => {
    expect(englandBankHolidays(2026, 2026)).toEqual([
      '2026-01-01',
      '2026-04-03',
      '2026-04-06',
      '2026-05-04',
      '2026-05-25',
      '2026-08-31',
      '2026-12-25',
      '2026-12-26',
      '2026-12-28',
    ]);
  });

  it('refuses a silly range at the IPC boundary', async () => {
    const dispatch = createDispatcher({ 'calendar:get-bank-holidays': async () => [] } as never, () => undefined);
    expect(await dispatch('calendar:get-bank-holidays', { fromYear: 2026, toYear: 2100 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-args' },
    });
    expect(await dispatch('calendar:get-bank-holidays', { fromYear: '2026', toYear: 2027 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-args' },
    });
  });
});
