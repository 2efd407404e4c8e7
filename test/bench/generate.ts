/**
 * Deterministic data for the benchmark: the same seed gives the same records every run.
 * Size S: 5,000 accounts, 500 requests, 500 services, 20,000 audit entries.
 * Size L: 50,000 accounts, 5,000 requests, 5,000 services in 3-level trees, 200,000 audit entries.
 * Registers, capacity reports, pharmacy profiles and their changes, Connecting Care organisations,
 * licences and requests are filled in proportion; `outboxMessages` says how many emails to put in
 * main's outbox (one for each request, as each request ends in an email).
 */
import { hashEntry } from '../../shared/domain/audit-chain';
import { NHS_ENGLAND_REGIONS } from '../../shared/domain/regions';
import { getSuggestedSet, SUGGESTED_SETS } from '../../shared/domain/user-types';

export const SIZES = {
  S: { accounts: 5_000, requests: 500, services: 500, audit: 20_000 },
  L: { accounts: 50_000, requests: 5_000, services: 5_000, audit: 200_000 },
} as const;
export type Size = keyof typeof SIZES;

export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Priya', 'Sam', 'Alex', 'Jo', 'Mo', 'Zoë', 'Siân', 'Aisha', 'Tom', 'Grace', 'Oluwaseun', 'Niamh', 'Raj', 'Ellie', 'Kwame', 'Hannah', 'Yusuf', 'Chloe', 'Ben', 'Fatima'];
const LAST = ['Shah', 'Okoro', 'Jones', 'Bloggs', 'Khan', "O'Neill", 'Smith', 'Patel', 'Brown', 'Wilson', 'Taylor', 'Davies', 'Evans', 'Thomas', 'Roberts', 'Hughes', 'Ahmed', 'Murphy', 'Clarke', 'Lewis'];
const ORGS = ['Riverside UTC', 'North Hub', 'City Pharmacy', 'Valley GP', 'Coast IUC', 'Hill Trust', 'Park ICB', 'Bridge Clinic'];

export const BENCH_OPERATOR_ID = 'bench-operator';

export function generate(size: Size, seed = 20261121) {
  const rand = random(seed);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const n = SIZES[size];
  const at = (i: number) => new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString();
  const regions = [...NHS_ENGLAND_REGIONS];

  const services = Array.from({ length: n.services }, (_, i) => {
    // 3-level trees: every 25th service is a root, every 5th a hub under the last root, the rest sites.
    const root = Math.floor(i / 25) * 25;
    const hub = Math.floor(i / 5) * 5;
    const parentId = i % 25 === 0 ? null : i % 5 === 0 ? `svc-${root}` : `svc-${hub}`;
    const suspended = i % 50 === 7;
    return {
      id: `svc-${i}`,
      name: `${pick(ORGS)} ${i}`,
      serviceType: pick(['UTC', 'GP', 'Pharmacy', 'IUC', 'Pharmacy Enhanced']),
      odsCode: `F${String(i).padStart(5, '0')}`,
      region: regions[Math.floor(i / 25) % regions.length]!,
      parentId,
      reducedHours: i % 40 === 3 ? 'Clinical service 09:00 to 13:00 only' : '',
      status: suspended ? 'suspended' : 'active',
      suspension: suspended ? { reason: 'Staff redeployed', from: '2026-11-01', until: null } : null,
      closure: null,
      capacity: suspended ? null : { rag: pick(['red', 'amber', 'green']), note: '', setBy: 'Bench Lead', setById: BENCH_OPERATOR_ID, at: at(i) },
      createdAt: at(i),
      updatedAt: at(i),
    };
  });
  const days = ['2026-11-19', '2026-11-20', '2026-11-21'];
  const capacityReports = services
    .filter((x) => x.capacity)
    .flatMap((x, i) =>
      days.map((date, d) => ({ id: `cap-${i}-${d}`, serviceId: x.id, serviceName: x.name, region: x.region, date, ...x.capacity!, updatedAt: x.capacity!.at })),
    );

  const closedWeek = { monday: [], tuesday: [], wednesday: [], thursday: [], friday: [], saturday: [], sunday: [] };
  const weekday = [{ opens: '09:00', closes: '13:00' }, { opens: '14:00', closes: '18:00' }];
  const pharmacyProfiles = Array.from({ length: Math.round(n.services / 10) }, (_, k) => {
    const checked = rand() < 0.8 ? new Date(Date.UTC(2026, 4 + Math.floor(rand() * 6), 1 + Math.floor(rand() * 28))).toISOString().slice(0, 10) : null;
    const [y, m, d] = (checked ?? '2026-11-01').split('-').map(Number);
    return {
      id: `ph-${k}`,
      odsCode: `F${String(k).padStart(4, '0')}`,
      profileStatus: 'active',
      name: `${pick(ORGS)} Pharmacy ${k}`,
      address: `${k} High Street\nTown`,
      postcode: 'SK7 5LD',
      website: '',
      phone: '0161 496 0000',
      region: services[k * 10]!.region,
      standardTimes: { ...closedWeek, monday: weekday, tuesday: weekday, wednesday: weekday, thursday: weekday, friday: weekday, saturday: [{ opens: '09:00', closes: '12:30' }] },
      specifiedTimes: [{ date: '2026-12-25', closed: true, sessions: [], note: 'Christmas Day' }],
      lastCheckedOn: checked,
      nextCheckDue: checked ? new Date(Date.UTC(y!, m! - 1 + 3, d!)).toISOString().slice(0, 10) : '2026-11-01',
      createdAt: at(k),
      updatedAt: at(k),
    };
  });
  const pharmacyChanges = pharmacyProfiles.flatMap((p, k) =>
    days.map((date, d) => ({
      id: `phc-${k}-${d}`,
      profileId: p.id,
      odsCode: p.odsCode,
      pharmacyName: p.name,
      region: p.region,
      date,
      at: `${date}T10:00:00.000Z`,
      kind: 'profile-updated',
      summary: 'Changed specified opening times',
      operatorId: BENCH_OPERATOR_ID,
      operatorName: 'Bench Lead',
      onCall: null,
      emergencyChangeIds: [],
      localTeamOutboxId: null,
      followUp: null,
      updatedAt: `${date}T10:00:00.000Z`,
    })),
  );

  const accounts = Array.from({ length: n.accounts }, (_, i) => {
    const type = pick(SUGGESTED_SETS.filter((s) => s.roles)).id;
    const first = pick(FIRST);
    const last = pick(LAST);
    return {
      id: `acc-${i}`,
      fullName: `${first} ${last} ${i}`,
      email: `${first.toLowerCase().replace(/[^a-z]/g, '')}.${last.toLowerCase().replace(/[^a-z]/g, '')}${i}@nhs.net`,
      phone: '',
      organisation: pick(ORGS),
      jobTitle: pick(['Nurse', 'Lead', 'Manager', 'Director on Call', 'Pharmacist']),
      userType: type,
      regions: [i % 3 === 0 ? 'London' : pick(regions)],
      roles: [...(getSuggestedSet(type).roles ?? [])],
      serviceIds: [`svc-${i % n.services}`],
      status: 'active',
      createdAt: at(i),
      updatedAt: at(i),
      deletedAt: null,
      deleteReason: null,
      lastLoginOn: rand() < 0.8 ? new Date(Date.UTC(2026, Math.floor(rand() * 11), 1 + Math.floor(rand() * 28))).toISOString().slice(0, 10) : null,
    };
  });

  const requests = Array.from({ length: n.requests }, (_, i) => ({
    id: `req-${i}`,
    fullName: `${pick(FIRST)} ${pick(LAST)} R${i}`,
    email: `request${i}@nhs.net`,
    phone: '',
    organisation: pick(ORGS),
    jobTitle: 'Nurse',
    region: i % 3 === 0 ? 'London' : pick(regions),
    userType: pick(SUGGESTED_SETS).id,
    reason: 'Needs to view clinical profiles',
    servicesNeeded: '',
    emailValidatedOn: rand() < 0.5 ? '2026-10-01' : null,
    registeredAt: new Date(Date.UTC(2026, 8, 1) + Math.floor(rand() * 80) * 86_400_000).toISOString(),
    status: rand() < 0.8 ? 'outstanding' : 'approved',
    activationResends: [],
    regionHistory: [],
    rejection: null,
    approvedAccountId: null,
    createdAt: at(i),
    updatedAt: at(i),
    closedAt: null,
  }));

  // Hash-chained as the app writes them, so a restore (which checks the backup's trail) and Verify have real work.
  let prevHash = '';
  const audit = Array.from({ length: n.audit }, (_, i) => {
    const entry = {
      id: i + 1,
      at: at(i),
      operatorId: BENCH_OPERATOR_ID,
      entity: 'account',
      entityId: `acc-${i % n.accounts}`,
      action: pick(['account.create', 'account.amend', 'account.roles-change']),
      before: null,
      after: { i },
    };
    const hash = hashEntry(entry, prevHash);
    const linked = { ...entry, prevHash, hash };
    prevHash = hash;
    return linked;
  });

  const temporaryAccounts = Array.from({ length: Math.round(n.accounts / 100) }, (_, i) => ({
    id: `tmp-${i}`,
    accountId: `acc-${i * 3}`,
    accountName: accounts[i * 3]!.fullName,
    region: accounts[i * 3]!.regions[0]!,
    reason: 'On-call cover',
    reviewDate: new Date(Date.UTC(2026, 10, 1) + i * 86_400_000).toISOString().slice(0, 10),
    keeper: 'local',
    status: 'active',
    history: [],
    notified: ['14-days', '1-day', 'due'],
    createdAt: at(i),
    updatedAt: at(i),
  }));

  const operators = [
    {
      id: BENCH_OPERATOR_ID,
      fullName: 'Bench Lead',
      email: 'bench.lead@nhs.net',
      jobRole: 'Regional DoS Lead',
      regions: ['London'],
      approveUserRegions: ['London'],
      createdAt: at(0),
      updatedAt: at(0),
    },
  ];

  const emergencyChanges = Array.from({ length: Math.round(n.accounts / 500) }, (_, i) => ({
    id: `emc-${i}`,
    accountId: `acc-${i}`,
    madeBy: accounts[i]!.fullName,
    madeByEmail: accounts[i]!.email,
    madeAt: at(i),
    serviceId: services[i % services.length]!.id,
    serviceName: services[i % services.length]!.name,
    region: services[i % services.length]!.region,
    kinds: ['capacity'],
    details: 'Capacity set to red',
    why: 'Two clinicians off sick',
    reportedAt: at(i + 60),
    reportOutboxId: null,
    review: null,
    loggedBy: BENCH_OPERATOR_ID,
    createdAt: at(i),
    updatedAt: at(i),
  }));

  // Connecting Care: one organisation per 2,500 accounts, a licence per 10 accounts, a request per DoS request.
  const ccOrganisations = Array.from({ length: Math.max(2, Math.round(n.accounts / 2_500)) }, (_, o) => ({
    id: `cco-${o}`,
    name: `${pick(ORGS)} Trust ${o}`,
    serviceDeskEmail: `servicedesk${o}@nhs.net`,
    allocationPerYear: Math.round(n.accounts / 20),
    authorisers: [{ name: `Authoriser ${o}`, email: `authoriser${o}@nhs.net` }],
    roles: ['Clinician', 'Administrator', 'Social care practitioner'],
    createdAt: at(o),
    updatedAt: at(o),
  }));
  const ccLicences = Array.from({ length: Math.round(n.accounts / 10) }, (_, i) => ({
    id: `ccl-${i}`,
    organisationId: ccOrganisations[i % ccOrganisations.length]!.id,
    holderName: accounts[i]!.fullName,
    holderEmail: accounts[i]!.email,
    role: pick(['Clinician', 'Administrator', 'Social care practitioner']),
    startDate: '2026-01-05',
    finishingDate: i % 20 === 0 ? new Date(Date.UTC(2026, 10, 1) + (i % 90) * 86_400_000).toISOString().slice(0, 10) : null,
    status: pick(['active', 'active', 'active', 'requested', 'deletion-requested', 'deleted']),
    requestIds: [`ccr-${i % n.requests}`],
    createdAt: at(i),
    updatedAt: at(i),
  }));
  const ccRequests = Array.from({ length: n.requests }, (_, i) => {
    const org = ccOrganisations[i % ccOrganisations.length]!;
    const type = pick(['new-user', 'new-user', 'amendment', 'deletion'] as const);
    const word = { 'new-user': 'starter', amendment: 'change', deletion: 'leaver' }[type];
    const name = ccLicences[i % ccLicences.length]!.holderName;
    const sentAt = new Date(Date.UTC(2026, 8, 1) + i * 3_600_000).toISOString();
    const status = pick(['sent', 'received', 'actioned', 'actioned'] as const);
    return {
      id: `ccr-${i}`,
      type,
      organisationId: org.id,
      organisationName: org.name,
      authoriser: org.authorisers[0]!,
      fields: { type, organisationId: org.id, purpose: 'direct-care', fullName: name, jobTitle: 'Nurse', workEmail: `cc${i}@nhs.net`, role: 'Clinician', startDate: '2026-12-01', temporary: 'no', finishingDate: '', licenceId: '', changeKind: '', newRole: '', changeDetails: '', deletionReason: '', lastWorkingDay: '', attestations: [], overAllocationConfirmed: false },
      subjectName: name,
      licenceId: type === 'new-user' ? null : ccLicences[i % ccLicences.length]!.id,
      status,
      sentAt,
      receivedOn: status === 'sent' ? null : sentAt.slice(0, 10),
      actionedOn: status === 'actioned' ? sentAt.slice(0, 10) : null,
      resolutionNote: '',
      sent: { subject: `Connecting Care ${word} ${name}`, text: 'Request form', to: org.serviceDeskEmail, cc: org.authorisers[0]!.email, outboxId: `outbox-${i}` },
      createdAt: sentAt,
      updatedAt: sentAt,
    };
  });

  return {
    operators,
    services,
    accounts,
    requests,
    audit,
    temporaryAccounts,
    emergencyChanges,
    capacityReports,
    pharmacyProfiles,
    pharmacyChanges,
    ccOrganisations,
    ccLicences,
    ccRequests,
  };
}

/** How many emails the outbox holds at each size: one for each request. */
export function outboxMessages(size: Size): number {
  return SIZES[size].requests;
}
