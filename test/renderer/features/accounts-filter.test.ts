import { describe, expect, it } from 'vitest';
import type { Account } from '@shared/models/account';
import { filterAccounts, indexAccounts } from '../../../renderer/src/features/accounts/components/accounts-page';

const a = (fullName: string, email: string, organisation: string, extra: Partial<Account> = {}) =>
  ({
    id: email,
    fullName,
    email,
    organisation,
    roles: ['viewClinical'],
    regions: ['London'],
    userType: 'clinical-lead',
    status: 'active',
    updatedAt: '2026-01-01',
    ...extra,
  }) as Account;

describe('users in my region: search and filters', () => {
  const list = [
    a('Zoë Okoro', 'zoe@nhs.net', 'Riverside UTC'),
    a('Alex Jones', 'alex@nhs.net', 'Hill Trust', { status: 'deleted' }),
    a('Sam Patel', 'sam@nhs.net', 'Riverside Pharmacy', { roles: ['editCapacity'] }),
  ];
  const none = { search: '', role: '', region: '', userType: '', status: '' };

  it('searches name, email and organisation, case-insensitively, keeping the sort order', () => {
    const byName = indexAccounts(list, 'name');
    expect(filterAccounts(byName, { ...none, search: 'RIVERSIDE' }).map((x) => x.fullName)).toEqual(['Sam Patel', 'Zoë Okoro']);
    expect(filterAccounts(byName, { ...none, search: 'alex@' }).map((x) => x.fullName)).toEqual(['Alex Jones']);
    expect(filterAccounts(indexAccounts(list, 'organisation'), none).map((x) => x.organisation)).toEqual([
      'Hill Trust',
      'Riverside Pharmacy',
      'Riverside UTC',
    ]);
  });

  it('filters by role and status', () => {
    const index = indexAccounts(list, 'name');
    expect(filterAccounts(index, { ...none, role: 'editCapacity' }).map((x) => x.fullName)).toEqual(['Sam Patel']);
    expect(filterAccounts(index, { ...none, status: 'deleted' }).map((x) => x.fullName)).toEqual(['Alex Jones']);
  });
});
