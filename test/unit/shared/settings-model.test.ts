import { describe, expect, it } from 'vitest';
import { NHS_ENGLAND_REGIONS } from '../../../shared/domain/regions';
import { DEFAULT_SETTINGS, Settings, SettingsPatch } from '../../../shared/models/settings';
import { OperatorInput } from '../../../shared/models/operator';

describe('settings model', () => {
  it('defaults to the seven NHS England regions', () => {
    expect(DEFAULT_SETTINGS.regions).toEqual([
      'East of England',
      'London',
      'Midlands',
      'North East and Yorkshire',
      'North West',
      'South East',
      'South West',
    ]);
    expect(NHS_ENGLAND_REGIONS).toHaveLength(7);
  });

  it.each([
    ['a line break', ['London\r\nBcc: x@example.com']],
    ['markup', ['<script>alert(1)</script>']],
    ['a 100 kB name', ['x'.repeat(100_000)]],
    ['a duplicate (any case)', ['London', 'london']],
    ['an empty list', []],
    ['a number', [42]],
  ])('refuses regions with %s', (_label, regions) => {
    expect(Settings.safeParse({ regions }).success).toBe(false);
  });

  it('refuses unknown keys in a patch instead of dropping them', () => {
    const result = SettingsPatch.safeParse({ regions: ['London'], admin: true });
    expect(result.success).toBe(false);
  });
});

describe('operator input', () => {
  const valid = {
    fullName: 'Priya Shah',
    email: 'Priya.Shah@nhs.net',
    jobRole: 'Local DoS Lead',
    regions: ['London'],
    approveUserRegions: ['London'],
  };

  it('accepts an NHS operator and stores the email in lower case', () => {
    const parsed = OperatorInput.parse(valid);
    expect(parsed.email).toBe('priya.shah@nhs.net');
  });

  it('accepts an NHS organisation domain', () => {
    expect(OperatorInput.safeParse({ ...valid, email: 'a.b@gosh.nhs.uk' }).success).toBe(true);
  });

  it('names every invalid field', () => {
    const result = OperatorInput.safeParse({ fullName: ' ', email: 'someone@gmail.com', jobRole: '', regions: [], approveUserRegions: [] });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['fullName', 'email', 'jobRole', 'regions']));
    const emailIssue = result.error!.issues.find((i) => i.path[0] === 'email');
    expect(emailIssue?.message).toMatch(/NHS email address/);
  });

  it('refuses approveUser in a region the operator does not cover', () => {
    const result = OperatorInput.safeParse({ ...valid, approveUserRegions: ['Midlands'] });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(['approveUserRegions']);
  });

  it.each([
    ['CR/LF in the name', { fullName: 'Priya\r\nShah' }],
    ['markup in the job role', { jobRole: '<script>x</script>' }],
    ['a 100 kB name', { fullName: 'P'.repeat(100_000) }],
    ['a header injected into the email', { email: 'a@nhs.net\r\nBcc: b@nhs.net' }],
    ['a number for a name', { fullName: 12 }],
  ])('refuses %s', (_label, change) => {
    expect(OperatorInput.safeParse({ ...valid, ...change }).success).toBe(false);
  });

  it('keeps emoji and accents in names', () => {
    expect(OperatorInput.parse({ ...valid, fullName: 'Zoë O’Brien 🙂' }).fullName).toBe('Zoë O’Brien 🙂');
  });
});
