import { z } from 'zod';

/**
 * No message zod writes for programmers ("Too big: expected string to have <=100 characters")
 * reaches a person. Schemas that say what they want keep their own words; every other problem is
 * worded here, naming the field in plain words: from the schema's description when it has one
 * (`.describe('Full name')`), else from FIELD_LABELS by the field's key, else from the key itself
 * ("jobTitle" → "Job title").
 *
 * `installPlainMessages()` is called once where each process starts (renderer main.tsx, Electron
 * main and the preview host), so forms, data writes and IPC refusals all speak the same way.
 */

/** Field keys as a person would name them, with the article used in "Enter the …". */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  accountId: 'account',
  address: 'email address',
  allocationPerYear: 'allocation per year',
  approveUserRegions: 'approveUser regions',
  attestations: 'confirmations',
  authorisers: 'authorisers',
  body: 'message',
  cc: 'copy to',
  changeDetails: 'details of the change',
  changeKind: 'kind of change',
  checkedOn: 'date checked',
  contractorName: 'contractor name',
  dataFolder: 'data folder',
  date: 'date',
  defaultDelivery: 'way emails are sent',
  deletionReason: 'reason for deleting',
  delivery: 'way the email is sent',
  details: 'details of what changed',
  dosTeams: 'DoS team addresses',
  email: 'email address',
  emailValidatedOn: 'date they validated their email',
  finishingDate: 'finishing date',
  format: 'format',
  from: 'start date',
  fromYear: 'first year',
  fullName: 'full name',
  host: 'SMTP server',
  jobRole: 'job role',
  jobTitle: 'job title',
  keeper: 'who keeps this entry',
  kinds: 'what was changed',
  lastWorkingDay: 'last working day',
  licenceId: 'licence',
  localEmail: 'local DoS team email address',
  madeAt: 'date and time of the change',
  name: 'name',
  newRole: 'new role',
  note: 'note',
  odsCode: 'ODS code',
  operatorId: 'operator',
  organisation: 'organisation',
  organisationId: 'organisation',
  outcome: 'outcome',
  overrideReason: 'reason for the override',
  parentId: 'parent service',
  password: 'password',
  phone: 'phone number',
  port: 'port',
  postcode: 'postcode',
  profileId: 'pharmacy',
  purpose: 'purpose',
  reason: 'reason',
  region: 'region',
  regionalEmail: 'regional DoS team email address',
  regions: 'regions',
  registeredOn: 'date they registered',
  role: 'role',
  roles: 'roles',
  serviceDeskEmail: 'service desk email address',
  serviceId: 'service',
  serviceIds: 'services',
  serviceType: 'service type',
  servicesNeeded: 'services they need',
  startDate: 'start date',
  subject: 'subject',
  text: 'text',
  to: 'recipients',
  toYear: 'last year',
  until: 'end date',
  userType: 'type of DoS user',
  website: 'website',
  why: 'reason for the change',
  workEmail: 'work email address',
  yearStartMonth: 'month the year starts',
};

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "jobTitle" → "job title"; "odsCode" → "ods code". */
function words(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();
}

/** The plain name of the field at `path`: the last named key (a list's item takes its list's name). */
export function fieldLabel(path: readonly PropertyKey[] | undefined, description?: string): { label: string; item: boolean } {
  if (description) return { label: description.charAt(0).toLowerCase() + description.slice(1), item: false };
  const keys = (path ?? []).filter((k): k is string => typeof k === 'string');
  const key = keys.at(-1);
  const item = typeof (path ?? []).at(-1) === 'number';
  if (!key) return { label: 'this value', item };
  return { label: FIELD_LABELS[key] ?? words(key), item };
}

const KIND: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'yes or no',
  array: 'a list',
  object: 'a set of details',
  date: 'a date',
  bigint: 'a whole number',
};

interface IssueLike {
  code?: string;
  path?: PropertyKey[];
  input?: unknown;
  origin?: string;
  maximum?: number | bigint;
  minimum?: number | bigint;
  inclusive?: boolean;
  expected?: string;
  format?: string;
  keys?: string[];
  divisor?: number | bigint;
  inst?: unknown;
  schema?: unknown;
}

function descriptionOf(issue: IssueLike): string | undefined {
  for (const candidate of [issue.schema, issue.inst]) {
    const d = (candidate as { description?: unknown } | undefined)?.description;
    if (typeof d === 'string' && d) return d;
  }
  return undefined;
}

const count = (n: number | bigint) => Number(n).toLocaleString('en-GB');

/** A sentence naming the field and what is wrong, for any zod issue. */
export function plainIssueMessage(issue: IssueLike): string {
  const { label: raw, item } = fieldLabel(issue.path, descriptionOf(issue));
  const label = item ? `each of the ${raw}` : raw;
  const Label = capitalise(label);
  const entry = item ? `each of the ${raw}` : `the ${raw}`;
  const Entry = capitalise(entry);
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined || issue.input === null) return `Enter ${entry}`;
      return `${Entry} must be ${KIND[issue.expected ?? ''] ?? 'in the right form'}`;
    }
    case 'too_big': {
      const max = count(issue.maximum ?? 0);
      if (issue.origin === 'string') return `${Label} must be ${max} characters or fewer`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return `${Entry} can have at most ${max} ${Number(issue.maximum) === 1 ? 'entry' : 'entries'}`;
      if (issue.origin === 'file') return `${Entry} must be ${max} bytes or smaller`;
      return issue.inclusive === false ? `${Entry} must be less than ${max}` : `${Entry} must be ${max} or less`;
    }
    case 'too_small': {
      const min = Number(issue.minimum ?? 0);
      if (issue.origin === 'string') return min <= 1 ? `Enter ${entry}` : `${Label} must be ${count(min)} characters or more`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return min <= 1 ? `Choose at least one for ${entry}` : `Choose at least ${count(min)} for ${entry}`;
      return issue.inclusive === false ? `${Entry} must be more than ${count(min)}` : `${Entry} must be ${count(min)} or more`;
    }
    case 'invalid_format': {
      if (issue.format === 'email') return `Enter ${entry} in the correct format, like name@nhs.net`;
      if (issue.format === 'date') return `Enter ${entry} as a real date, like 2026-11-21`;
      if (issue.format === 'datetime') return `Enter ${entry} as a real date and time`;
      if (issue.format === 'url') return `Enter ${entry} as a web address, like https://www.nhs.uk`;
      return `${Entry} is not in the right format`;
    }
    case 'invalid_value':
      return `Choose ${entry} from the options given`;
    case 'not_multiple_of':
      return `${Entry} must be a multiple of ${count(issue.divisor ?? 1)}`;
    case 'unrecognized_keys': {
      const keys = (issue.keys ?? []).slice(0, 5).map(words);
      return `DoS Desk does not use ${keys.length === 1 ? 'the field' : 'the fields'} ${keys.join(', ')}; leave ${keys.length === 1 ? 'it' : 'them'} out`;
    }
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
    case 'custom':
    default:
      return `Check ${entry}: it is not something DoS Desk can use`;
  }
}

let installed = false;

/** Sets the plain messages for every schema in this process. Safe to call more than once. */
export function installPlainMessages(): void {
  if (installed) return;
  installed = true;
  z.config({ customError: (issue) => plainIssueMessage(issue as IssueLike) });
}
