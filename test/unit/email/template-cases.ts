import type { TemplateId } from '../../../shared/email/templates';

/**
 * One or more filled-in examples of every template, with the awkward values (markup, quotes,
 * ampersands, line breaks, links, empty values) each must survive.
 */
const signature = { senderName: 'Priya "Pip" Shah & co', senderRole: 'Local DoS Lead & "On-call"' };

export const TEMPLATE_CASES: [string, TemplateId, unknown][] = [
  [
    'activation with a link',
    'activation',
    {
      ...signature,
      recipientName: 'Alex & "Jo" O\'Neil',
      region: 'London',
      registeredOn: '2026-10-10',
      activationLink: 'https://dos.example.nhs.uk/activate?x=1&y="2"',
    },
  ],
  [
    'activation without a link',
    'activation',
    { ...signature, recipientName: "Sam O'Neil", region: 'North West', registeredOn: '2026-03-01' },
  ],
  [
    'note to a DoS team',
    'dos-team-note',
    {
      ...signature,
      subject: 'Capacity & "update"',
      body: 'First line\nsecond line & more\n\n\nSecond <p>aragraph</p> https://example.nhs.uk/x?a=1&b=2\r\n\r\nThird',
    },
  ],
  [
    'request rejected',
    'request-rejected',
    {
      ...signature,
      recipientName: 'Alex Jones',
      region: 'London',
      reason: 'Not a DoS user.\nSee https://www.nhs.uk/dos?a=1&b="2" for more.\n\n<i>Apply again</i> when ready.',
    },
  ],
  [
    'request approved with roles',
    'request-approved',
    { ...signature, recipientName: 'Alex Jones', region: 'London', roles: ['viewClinical', 'edit & "services"'] },
  ],
  ['request approved, view only', 'request-approved', { ...signature, recipientName: 'Alex Jones', region: 'London', roles: [] }],
  [
    'Connecting Care request',
    'cc-request',
    {
      type: 'new-user',
      subjectName: 'Jo Bloggs',
      organisation: 'Riverside & "Trust"',
      rows: [
        { label: 'Job title', value: 'Nurse & "Lead"' },
        { label: 'Smartcard', value: '' },
        { label: 'Notes', value: 'one\ntwo' },
      ],
      authoriserName: 'Priya Shah',
      authoriserEmail: 'priya.shah@nhs.net',
    },
  ],
  [
    'emergency change report',
    'emergency-change-report',
    {
      ...signature,
      madeBy: 'Sam "Patel"',
      madeByEmail: 'sam.patel@nhs.net',
      madeAt: 'Saturday 21 November 2026 at 02:10 (London time)',
      service: 'Riverside UTC & "Walk-in"',
      region: 'London',
      kinds: ['capacity', 'demographic'],
      details: 'Set to red\nphone changed',
      why: 'Flooding <ward 3>',
      deadline: 'Sunday 22 November 2026 at 02:10 (London time)',
    },
  ],
  [
    'out-of-hours pharmacy change',
    'pharmacy-on-call',
    {
      ...signature,
      pharmacyName: 'Rowlands & Sons "Pharmacy"',
      odsCode: 'FA123',
      address: '61 Arundel Avenue\nStockport, SK7 5LD',
      region: 'North West',
      kind: 'same-day closure',
      details: 'Closed from 19:00 <tonight>',
      madeAt: 'Saturday 21 November 2026 at 21:30 (London time)',
      entries: ['Rowlands Pharmacy (Pharmacy, FA123)', 'Rowlands & "Dispensing"'],
      contractorName: 'Sam Patel, pharmacist',
      madeBy: 'Priya Shah',
      madeByEmail: 'priya.shah@nhs.net',
      deadline: 'Sunday 22 November 2026 at 21:30 (London time)',
      serviceDeskEmail: 'nhswebsite.servicedesk@nhs.net',
    },
  ],
  [
    'pharmacy change for the service desk',
    'pharmacy-service-desk',
    {
      ...signature,
      pharmacyName: 'Rowlands & Sons "Pharmacy"',
      odsCode: 'FA123',
      address: '61 Arundel Avenue, Stockport, SK7 5LD',
      region: 'North West',
      kind: 'same-day closure',
      details: 'Closed from 19:00 tonight\n& all weekend',
      madeAt: 'Saturday 21 November 2026 at 21:30 (London time)',
    },
  ],
];
