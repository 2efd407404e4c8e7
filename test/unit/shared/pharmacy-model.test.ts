import { describe, expect, it } from 'vitest';
import {
  InHoursCallInput,
  OnCallChangeInput,
  PharmacyOdsCode,
  PharmacyProfileInput,
  Postcode,
  PublicPhone,
  SpecifiedTime,
  Website,
} from '../../../shared/models/pharmacy';

const closedAllWeek = { monday: [], tuesday: [], wednesday: [], thursday: [], friday: [], saturday: [], sunday: [] };
const profile = (change: Record<string, unknown> = {}) => ({
  odsCode: 'fa123',
  profileStatus: 'active',
  name: 'Rowlands Pharmacy',
  address: '61 Arundel Avenue\nStockport',
  postcode: 'sk75ld',
  website: '',
  phone: '0161 496 0000',
  region: 'North West',
  standardTimes: {
    ...closedAllWeek,
    monday: [
      { opens: '13:00', closes: '18:00' },
      { opens: '09:00', closes: '12:30' },
    ],
  },
  specifiedTimes: [],
  ...change,
});
const firstError = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues[0]?.message;

describe('pharmacy profile fields', () => {
  it('accepts a good profile, tidying the ODS code, postcode and session order', () => {
    const parsed = PharmacyProfileInput.parse(profile());
    expect(parsed.odsCode).toBe('FA123');
    expect(parsed.postcode).toBe('SK7 5LD');
    expect(parsed.standardTimes.monday.map((s) => s.opens)).toEqual(['09:00', '13:00']);
  });

  it.each(['FA12', 'FA1234', 'XA123', 'FA-12', ''])('refuses the ODS code %j', (ods) => {
    expect(PharmacyOdsCode.safeParse(ods).success).toBe(false);
  });

  it.each(['SK7 5LD', 'sw1a 1aa', 'M1 1AE', 'B33 8TH', 'CR2 6XH', 'DN55 1PT', 'EC1A 1BB', 'GIR 0AA'])(
    'accepts the UK postcode %s',
    (pc) => {
      expect(Postcode.safeParse(pc).success).toBe(true);
    },
  );

  it.each(['12345', 'SK7', 'QA1 1AA', 'SK7 5CI', '75015', 'SK7 5LD X'])('refuses %j as a UK postcode', (pc) => {
    expect(firstError(Postcode.safeParse(pc))).toMatch(/Enter a real UK postcode/);
  });

  it('checks phone numbers and websites', () => {
    expect(PublicPhone.safeParse('+44 161 496 0000').success).toBe(true);
    expect(firstError(PublicPhone.safeParse('12345'))).toMatch(/UK phone number/);
    expect(Website.safeParse('https://www.rowlandspharmacy.co.uk').success).toBe(true);
    expect(firstError(Website.safeParse('javascript:alert(1)'))).toMatch(/full address/);
  });

  it('refuses inverted and overlapping sessions, naming the day', () => {
    expect(
      firstError(
        PharmacyProfileInput.safeParse(profile({ standardTimes: { ...closedAllWeek, tuesday: [{ opens: '17:00', closes: '09:00' }] } })),
      ),
    ).toBe('Tuesday: session 1 closes at or before it opens (17:00 to 09:00)');
    const overlapping = {
      ...closedAllWeek,
      friday: [
        { opens: '09:00', closes: '13:00' },
        { opens: '12:00', closes: '17:00' },
      ],
    };
    expect(firstError(PharmacyProfileInput.safeParse(profile({ standardTimes: overlapping })))).toBe(
      'Friday: sessions 09:00 to 13:00 and 12:00 to 17:00 overlap',
    );
    expect(
      firstError(
        PharmacyProfileInput.safeParse(profile({ standardTimes: { ...closedAllWeek, monday: [{ opens: '', closes: '17:00' }] } })),
      ),
    ).toBe('Monday: enter the opening time as hh:mm, like 09:00');
    // Back to back is not an overlap, and 24:00 closes a day.
    const adjacent = {
      ...closedAllWeek,
      friday: [
        { opens: '09:00', closes: '13:00' },
        { opens: '13:00', closes: '24:00' },
      ],
    };
    expect(PharmacyProfileInput.safeParse(profile({ standardTimes: adjacent })).success).toBe(true);
  });

  it('needs a specified date to have times or be marked closed, but not both', () => {
    expect(firstError(SpecifiedTime.safeParse({ date: '2026-12-25', closed: false, sessions: [], note: '' }))).toBe(
      '2026-12-25: enter the opening times, or mark the day closed',
    );
    expect(
      firstError(SpecifiedTime.safeParse({ date: '2026-12-25', closed: true, sessions: [{ opens: '10:00', closes: '12:00' }], note: '' })),
    ).toMatch(/marked closed, so remove its opening times/);
    expect(SpecifiedTime.safeParse({ date: '2026-12-25', closed: true, sessions: [], note: 'Christmas Day' }).success).toBe(true);
    expect(firstError(SpecifiedTime.safeParse({ date: '2026-02-30', closed: true, sessions: [], note: '' }))).toMatch(/Enter the date/);
    expect(SpecifiedTime.safeParse({ date: '', closed: false, sessions: [], note: '' }).error!.issues.map((i) => i.message)).toContain(
      'A specified date: enter the opening times, or mark the day closed',
    );
  });

  it('refuses the same specified date twice', () => {
    const day = { date: '2026-12-26', closed: true, sessions: [], note: '' };
    expect(firstError(PharmacyProfileInput.safeParse(profile({ specifiedTimes: [day, day] })))).toBe('2026-12-26 is entered twice');
  });
});

describe('overriding the in-hours or out-of-hours decision', () => {
  const call = { profileId: 'p1', contractorName: 'Sam Patel', note: '', override: 'none', overrideReason: '' };
  const onCall = {
    profileId: 'p1',
    triedProfileManager: true,
    contractorName: 'Sam Patel',
    kind: 'same-day closure',
    details: 'Closed from 19:00',
    serviceIds: ['s1'],
    accountId: 'a1',
    madeAt: '2026-11-21T21:30:00.000Z',
    override: 'none',
    overrideReason: '',
  };
  const problems = (r: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
    (r.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

  it('needs a reason, and follows the clock without one', () => {
    expect(InHoursCallInput.safeParse(call).success).toBe(true);
    expect(problems(InHoursCallInput.safeParse({ ...call, override: 'in-hours' }))).toEqual([
      'overrideReason: Say why you are overriding the in-hours or out-of-hours decision',
    ]);
    expect(InHoursCallInput.safeParse({ ...call, override: 'in-hours', overrideReason: 'Clock on this PC is wrong' }).success).toBe(true);
    expect(OnCallChangeInput.safeParse({ ...onCall, override: 'out-of-hours', overrideReason: '  ' }).success).toBe(false);
  });

  it('lists the missing reason together with the other problems, not only once they are fixed', () => {
    // A form sent with nothing filled in: an unchosen kind and no time are not just "too short".
    const r = OnCallChangeInput.safeParse({
      ...onCall,
      contractorName: '',
      kind: '',
      serviceIds: [],
      madeAt: '',
      override: 'out-of-hours',
    });
    expect(problems(r)).toEqual([
      'contractorName: Enter the name of the person who called',
      'kind: Choose what was changed',
      'serviceIds: Choose the DoS entries you changed',
      'madeAt: Enter when the change was made',
      'overrideReason: Say why you are overriding the in-hours or out-of-hours decision',
    ]);
  });

  it('refuses input of the wrong shape with an error, not a crash', () => {
    for (const bad of [null, 'text', 42, [], { ...onCall, override: 'sometimes' }, { ...onCall, extra: 1 }]) {
      expect(OnCallChangeInput.safeParse(bad).success).toBe(false);
      expect(InHoursCallInput.safeParse(bad).success).toBe(false);
    }
  });
});
