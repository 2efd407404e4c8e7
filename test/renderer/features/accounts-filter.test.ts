import { describe, expect, it } from 'vitest';
import type { Account } from '@shared/models/account';
import { AccountSearch } from '../../../renderer/src/features/accounts/data/account-search';

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
    const byName = new AccountSearch(list, 'name');
    expect(
      byName
        .filter({ ...none, search: 'RIVERSIDE' })
        .toArray()
        .map((x) => x.fullName),
    ).toEqual(['Sam Patel', 'Zoë Okoro']);
    expect(
      byName
        .filter({ ...none, search: 'alex@' })
        .toArray()
        .map((x) => x.fullName),
    ).toEqual(['Alex Jones']);
    expect(
      new AccountSearch(list, 'organisation')
        .filter(none)
        .toArray()
        .map((x) => x.organisation),
    ).toEqual(['Hill Trust', 'Riverside Pharmacy', 'Riverside UTC']);
  });

  it('filters by role and status', () => {
    const index = new AccountSearch(list, 'name');
    expect(
      index
        .filter({ ...none, role: 'editCapacity' })
        .toArray()
        .map((x) => x.fullName),
    ).toEqual(['Sam Patel']);
    expect(
      index
        .filter({ ...none, status: 'deleted' })
        .toArray()
        .map((x) => x.fullName),
    ).toEqual(['Alex Jones']);
  });

  it('gives the same answer typing forward, backspacing and jumping as a fresh search would', () => {
    const names = ['Priya Shah', 'Priya Sharma', 'Pria Shaw', 'Sam Patel', 'Shahid Khan', 'Zoë Okoro', 'Ali Priest'];
    const many = names.flatMap((n, i) => [a(n, `p${i}@nhs.net`, 'Trust'), a(`${n} Jr`, `q${i}@nhs.net`, 'Priory Trust')]);
    const typed = new AccountSearch(many, 'name');
    // Letters worked out ahead of time (while idle) give the same answers as typing them.
    let steps = 0;
    while (typed.primeNext({ role: '', region: '', userType: '', status: '' })) steps++;
    expect(steps).toBe(26);
    const queries = [
      'p',
      'pr',
      'pri',
      'priy',
      'priya',
      'priya ',
      'priya s',
      'priya sha',
      'priya sh',
      'pri',
      'pria',
      'sha',
      'shah',
      '',
      'zz',
      'z',
      'priory',
    ];
    for (const search of queries) {
      const fresh = new AccountSearch(many, 'name').filter({ ...none, search });
      expect(
        typed
          .filter({ ...none, search })
          .toArray()
          .map((x) => x.email),
        search,
      ).toEqual(fresh.toArray().map((x) => x.email));
    }
    expect(
      typed
        .filter({ ...none, search: 'priya sha' })
        .toArray()
        .map((x) => x.fullName),
    ).toEqual(['Priya Shah', 'Priya Shah Jr', 'Priya Sharma', 'Priya Sharma Jr']);
    // Changing a filter mid-search is not answered from the text-only results.
    many[2] = { ...many[2]!, status: 'deleted' };
    const mixed = new AccountSearch(many, 'name');
    for (const status of ['', 'active', 'deleted', 'active'])
      for (const search of ['p', 'pri', 'priy', 'pr']) {
        const fresh = new AccountSearch(many, 'name').filter({ ...none, search, status });
        expect(
          mixed
            .filter({ ...none, search, status })
            .toArray()
            .map((x) => x.email),
          `${status} ${search}`,
        ).toEqual(fresh.toArray().map((x) => x.email));
      }
    expect(
      mixed
        .filter({ ...none, search: 'priya', status: 'deleted' })
        .toArray()
        .map((x) => x.fullName),
    ).toEqual(['Priya Sharma']);
  });
});
