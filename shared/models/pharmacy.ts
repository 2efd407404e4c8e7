import { z } from 'zod';
import { singleLine } from './text';

/**
 * A pharmacy's profile as Profile Manager holds it (seed 002, "Full Service Profile"): ODS code,
 * profile status, organisation name, address, postcode, website, public phone number, standard
 * and specified opening times. Opening times are the hours a pharmacist is present.
 */

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const WEEKDAY_LABELS: Record<Weekday, string> = {
  monday: 'Monday',
  tuesday: 'Tuesday',
  wednesday: 'Wednesday',
  thursday: 'Thursday',
  friday: 'Friday',
  saturday: 'Saturday',
  sunday: 'Sunday',
};

export const PROFILE_STATUSES = ['active', 'closed'] as const;
export const PROFILE_STATUS_LABELS: Record<(typeof PROFILE_STATUSES)[number], string> = {
  active: 'Active',
  closed: 'Closed (no longer providing pharmaceutical services)',
};

/** A pharmacy ODS code: an F, then 4 letters or digits (like FA123); Profile Manager links on these 5. */
export const PharmacyOdsCode = z
  .string({ error: 'Enter the ODS code' })
  .trim()
  .toUpperCase()
  .min(1, { error: 'Enter the ODS code' })
  .refine((v) => /^F[A-Z0-9]{4}$/.test(v), { error: 'Enter a pharmacy ODS code: F and 4 letters or numbers, like FA123' });

/**
 * UK postcodes, outward and inward parts (A9 9AA, A99 9AA, AA9 9AA, AA99 9AA, A9A 9AA, AA9A 9AA),
 * stored upper-case with one space. Girobank's GIR 0AA is the one exception allowed.
 */
const UK_POSTCODE =
  /^(GIR ?0AA|[A-PR-UWYZ](?:[0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPSTUW]|[A-HK-Y][0-9][ABEHMNPRVWXY]) ?[0-9][ABD-HJLNP-UW-Z]{2})$/;

export const Postcode = z
  .string({ error: 'Enter the postcode' })
  .trim()
  .toUpperCase()
  .min(1, { error: 'Enter the postcode' })
  .refine((v) => UK_POSTCODE.test(v.replace(/\s+/g, ' ')), { error: 'Enter a real UK postcode, like SK7 5LD' })
  .transform((v) => {
    const compact = v.replace(/\s+/g, '');
    return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
  });

/** A public phone number: UK numbers, digits and spaces, 10 or 11 digits (or +44 and 9 or 10). */
export const PublicPhone = z
  .string({ error: 'Enter the public phone number' })
  .trim()
  .min(1, { error: 'Enter the public phone number' })
  .refine((v) => /^(?:0\d{9,10}|\+44\d{9,10})$/.test(v.replace(/[\s()-]/g, '')), {
    error: 'Enter a UK phone number, like 0161 496 0000',
  });

export const Website = z
  .string()
  .trim()
  .max(300, { error: 'The website must be 300 characters or fewer' })
  .refine(
    (v) => {
      if (!v) return true;
      try {
        const url = new URL(v);
        return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
      } catch {
        return false;
      }
    },
    { error: 'Enter the website as a full address, like https://www.example-pharmacy.co.uk' },
  );

const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** One session: opening and closing times as hh:mm; `where` names the day in the messages. */
function sessionOf(where: string) {
  return z
    .object({
      opens: z
        .string()
        .trim()
        .refine((v) => TIME.test(v), { error: `${where}: enter the opening time as hh:mm, like 09:00` }),
      closes: z
        .string()
        .trim()
        .refine((v) => TIME.test(v), { error: `${where}: enter the closing time as hh:mm, like 17:30` }),
    })
    .strict();
}

export const Session = sessionOf('Session');
export type Session = z.infer<typeof Session>;

/**
 * Sessions in one day: each closes after it opens, and none overlaps another. Returned sorted.
 * `where` names the day in the message ("Monday", "25 December 2026").
 */
function sessionsOf(where: string) {
  return z
    .array(sessionOf(where))
    .max(6, { error: `${where}: enter at most 6 sessions` })
    .superRefine((sessions, ctx) => {
      sessions.forEach((s, i) => {
        if (TIME.test(s.opens) && TIME.test(s.closes) && s.closes <= s.opens)
          ctx.addIssue({
            code: 'custom',
            path: [i, 'closes'],
            message: `${where}: session ${i + 1} closes at or before it opens (${s.opens} to ${s.closes})`,
          });
      });
      const sorted = [...sessions].sort((a, b) => a.opens.localeCompare(b.opens));
      for (let i = 1; i < sorted.length; i++) {
        const prev = sorted[i - 1]!;
        const cur = sorted[i]!;
        if (cur.opens < prev.closes)
          ctx.addIssue({
            code: 'custom',
            path: [sessions.indexOf(cur), 'opens'],
            message: `${where}: sessions ${prev.opens} to ${prev.closes} and ${cur.opens} to ${cur.closes} overlap`,
          });
      }
    })
    .transform((sessions) => [...sessions].sort((a, b) => a.opens.localeCompare(b.opens)));
}

/** Standard opening times: for each weekday, its sessions; no sessions means closed that day. */
export const StandardTimes = z
  .object(Object.fromEntries(WEEKDAYS.map((d) => [d, sessionsOf(WEEKDAY_LABELS[d])])) as Record<Weekday, ReturnType<typeof sessionsOf>>)
  .strict();
export type StandardTimes = z.output<typeof StandardTimes>;

/** A dated change to the usual times: a bank holiday, or a same-day closure. */
export const SpecifiedTime = z
  .object({
    date: z.iso.date({ error: 'Enter the date, like 2026-12-25' }),
    closed: z.boolean(),
    sessions: z.array(z.object({ opens: z.string(), closes: z.string() }).strict()),
    note: z.string().trim().max(200, { error: 'The note must be 200 characters or fewer' }),
  })
  .strict()
  .superRefine((v, ctx) => {
    const where = /^\d{4}-\d{2}-\d{2}$/.test(v.date) ? v.date : 'A specified date';
    if (v.closed && v.sessions.length)
      ctx.addIssue({ code: 'custom', path: ['sessions'], message: `${where}: it is marked closed, so remove its opening times` });
    if (!v.closed && !v.sessions.length)
      ctx.addIssue({ code: 'custom', path: ['sessions'], message: `${where}: enter the opening times, or mark the day closed` });
    if (v.closed) return;
    const checked = sessionsOf(where).safeParse(v.sessions);
    if (!checked.success)
      for (const issue of checked.error.issues) ctx.addIssue({ code: 'custom', path: ['sessions', ...issue.path], message: issue.message });
  })
  .transform((v) => ({ ...v, sessions: [...v.sessions].sort((a, b) => a.opens.localeCompare(b.opens)) }));
export type SpecifiedTime = z.output<typeof SpecifiedTime>;

export const PharmacyProfileInput = z
  .object({
    odsCode: PharmacyOdsCode,
    profileStatus: z.enum(PROFILE_STATUSES, { error: 'Choose the profile status' }),
    name: singleLine('the organisation name', 200),
    address: z
      .string({ error: 'Enter the address' })
      .trim()
      .min(1, { error: 'Enter the address' })
      .max(500, { error: 'The address must be 500 characters or fewer' })
      .refine((v) => !/[<>]/.test(v), { error: 'The address must not contain < or >' }),
    postcode: Postcode,
    website: Website,
    phone: PublicPhone,
    region: singleLine('the region', 80),
    standardTimes: StandardTimes,
    specifiedTimes: z
      .array(SpecifiedTime)
      .max(100, { error: 'Enter at most 100 specified dates' })
      .superRefine((list, ctx) => {
        const seen = new Set<string>();
        list.forEach((s, i) => {
          if (seen.has(s.date)) ctx.addIssue({ code: 'custom', path: [i, 'date'], message: `${s.date} is entered twice` });
          seen.add(s.date);
        });
      })
      .transform((list) => [...list].sort((a, b) => a.date.localeCompare(b.date))),
  })
  .strict();
export type PharmacyProfileInput = z.input<typeof PharmacyProfileInput>;
export type PharmacyProfileFields = z.output<typeof PharmacyProfileInput>;

export interface PharmacyProfile extends PharmacyProfileFields {
  id: string;
  /** The last quarterly check the contractor made (a date), and when the next is due. */
  lastCheckedOn: string | null;
  nextCheckDue: string;
  createdAt: string;
  updatedAt: string;
}

export const CheckInput = z
  .object({
    checkedOn: z.iso.date({ error: 'Enter the date the contractor checked their profile, like 2026-11-20' }),
  })
  .strict();

/** What the on-call person changed in DoS for a contractor who could not use Profile Manager. */
export const ONCALL_CHANGE_KINDS = ['same-day closure', 'opening times', 'bank holiday times', 'contact details', 'other'] as const;

/**
 * Overriding the clock's in/out-of-hours decision needs a reason. Checked alongside the other
 * fields (not only once they are all right), so the error summary lists it with them.
 */
const overrideNeedsReason = [
  (v: { override: string; overrideReason: string }) => v.override === 'none' || v.overrideReason.length > 0,
  {
    error: 'Say why you are overriding the in-hours or out-of-hours decision',
    path: ['overrideReason'],
    when: (payload: z.core.ParsePayload) =>
      typeof payload.value === 'object' &&
      payload.value !== null &&
      !payload.issues.some((i) => !i.path?.length || i.path[0] === 'override' || i.path[0] === 'overrideReason'),
  },
] satisfies [unknown, z.core.$ZodCustomParams];

export const OnCallChangeInput = z
  .object({
    profileId: z.string().min(1, { error: 'Choose the pharmacy' }).max(100),
    /** The contractor was first directed to Profile Manager (or a colleague) and cannot use it for technical reasons. */
    triedProfileManager: z.literal(true, { error: 'Confirm the contractor was directed to Profile Manager first and cannot use it' }),
    contractorName: singleLine('the name of the person who called', 120),
    kind: z.enum(ONCALL_CHANGE_KINDS, { error: 'Choose what was changed' }),
    details: z
      .string({ error: 'Enter what was changed in DoS' })
      .trim()
      .min(1, { error: 'Enter what was changed in DoS' })
      .max(2000, { error: 'What was changed must be 2,000 characters or fewer' }),
    serviceIds: z.array(z.string().max(100)).min(1, { error: 'Choose the DoS entries you changed' }).max(50),
    accountId: z.string({ error: 'Choose your DoS account' }).min(1, { error: 'Choose the DoS account you made the change with' }).max(100),
    madeAt: z.iso.datetime({ offset: true, error: 'Enter when the change was made' }),
    /** Decided from the clock and bank holidays unless the person overrode it (with a reason). */
    override: z.enum(['none', 'in-hours', 'out-of-hours']),
    overrideReason: z.string().trim().max(500),
  })
  .strict()
  .refine(...overrideNeedsReason);
export type OnCallChangeInput = z.input<typeof OnCallChangeInput>;

export const InHoursCallInput = z
  .object({
    profileId: z.string().min(1, { error: 'Choose the pharmacy' }).max(100),
    contractorName: singleLine('the name of the person who called', 120),
    note: z.string().trim().max(1000, { error: 'The note must be 1,000 characters or fewer' }),
    override: z.enum(['none', 'in-hours', 'out-of-hours']),
    overrideReason: z.string().trim().max(500),
  })
  .strict()
  .refine(...overrideNeedsReason);

/**
 * A pharmacy change made (or handled) on a day: a profile edit or check, a caller directed to the
 * NHS website service desk in hours, or an on-call change out of hours with its follow-up task.
 */
export interface PharmacyChange {
  id: string;
  profileId: string;
  odsCode: string;
  pharmacyName: string;
  region: string;
  /** London date and instant it happened. */
  date: string;
  at: string;
  kind: 'profile-created' | 'profile-updated' | 'quarterly-check' | 'directed-to-service-desk' | 'on-call-change';
  summary: string;
  operatorId: string;
  operatorName: string;
  /** On-call changes: what was changed and when, the emergency changes logged, the email to the local team, and the follow-up. */
  onCall: { kind: (typeof ONCALL_CHANGE_KINDS)[number]; details: string; contractorName: string; madeAt: string } | null;
  emergencyChangeIds: string[];
  localTeamOutboxId: string | null;
  followUp: { status: 'open' | 'done'; doneAt: string | null; outboxId: string | null } | null;
  updatedAt: string;
}
