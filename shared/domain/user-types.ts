/**
 * The types of DoS user and the permission sets the guidance suggests for each (seed 000,
 * "Suggested permission sets"), with its cautions in its own words where it gives them.
 */

export type UserTypeId =
  | 'local-dos-lead'
  | 'regional-dos-lead'
  | 'clinical-lead'
  | '111-provider'
  | 'emergency-changes'
  | 'service-provider'
  | 'contract-commissioning'
  | 'any-others';

export interface Caution {
  /** A role the caution is about, so it can be shown when that role is ticked (or held back). */
  roles?: readonly string[];
  /** `warning` for the guidance's "should not"; `info` for its notes. */
  level: 'warning' | 'info';
  text: string;
}

export interface SuggestedSet {
  id: UserTypeId;
  label: string;
  /** The roles as the guidance lists them; null where it gives no set. */
  roles: readonly string[] | null;
  /** Roles the guidance allows in some cases only. */
  optional: readonly { role: string; when: string }[];
  /** Roles the guidance says this user type should not be given. */
  discouraged: readonly string[];
  /** True where the list is read from the guidance's text because it gives no list. */
  inferred: boolean;
  cautions: readonly Caution[];
}

const LEAD_ROLES = [
  'addCapacityGrids',
  'addService',
  'approveClinical',
  'approveControlService',
  'approveDemographic',
  'approveEndpoints',
  'approveUser',
  'bulkUpdate',
  'compareService',
  'controlService',
  'editCapacity',
  'editCapacityGrids',
  'editClinical',
  'editDemographic',
  'editEndpoints',
  'editServiceAdmin',
  'searchBySymptom',
  'searchBySymptomSGSD',
  'searchByType',
  'searchRoadDistance',
  'testScenarios',
  'viewAdminAttribute',
  'viewClinical',
  'viewReport',
  'viewServiceAdmin',
  'viewUnlinkedOrg',
] as const;

const APPROVE_ROLES = ['approveClinical', 'approveControlService', 'approveDemographic', 'approveEndpoints'];
const EDIT_ROLES = [
  'addCapacityGrids',
  'addService',
  'bulkUpdate',
  'controlService',
  'editCapacity',
  'editCapacityGrids',
  'editClinical',
  'editDemographic',
  'editEndpoints',
  'editServiceAdmin',
  ...APPROVE_ROLES,
];

const LEAD_CAUTIONS: Caution[] = [
  {
    level: 'info',
    roles: APPROVE_ROLES,
    text: 'Newer leads may not be immediately given access to approve changes, until sufficient training has been given and adequate knowledge of the DoS has been gained.',
  },
  {
    level: 'info',
    roles: ['bulkUpdate'],
    text: 'Bulk update may be withheld for a period of time until sufficient training has been given, given the possibility for significant damage to be caused to the integrity of DoS data if this is used incorrectly.',
  },
  {
    level: 'info',
    roles: ['approveUser'],
    text: 'Some regions may choose to maintain user account approvals at regional level.',
  },
];

export const SUGGESTED_SETS: readonly SuggestedSet[] = [
  {
    id: 'local-dos-lead',
    label: 'Local DoS Lead',
    roles: LEAD_ROLES,
    optional: [],
    discouraged: [],
    inferred: false,
    cautions: [
      {
        level: 'info',
        text: 'In most cases, DoS leads at both regional and local level should have all permissions added to their account. There may be some local variation.',
      },
      ...LEAD_CAUTIONS,
    ],
  },
  {
    id: 'regional-dos-lead',
    label: 'Regional DoS Lead',
    roles: LEAD_ROLES,
    optional: [],
    discouraged: [],
    inferred: false,
    cautions: [
      {
        level: 'info',
        text: 'The guidance says regional leads "should be given all permission roles", but its list for them has 26 roles and leaves out userReport. The list is shown as the guidance gives it; add userReport if the lead needs user status reports.',
      },
    ],
  },
  {
    id: 'clinical-lead',
    label: 'Clinical Lead',
    roles: ['viewClinical', 'compareService'],
    optional: [{ role: 'editCapacity', when: 'in limited circumstances' }],
    discouraged: ['editClinical', 'approveClinical', 'editDemographic', 'approveDemographic'],
    inferred: false,
    cautions: [
      {
        level: 'warning',
        roles: ['editClinical', 'approveClinical'],
        text: 'Clinical leads should NOT be given edit permissions for clinical information on DoS. It is strongly advised that the permission to approve clinical changes rests solely with DoS leads.',
      },
      {
        level: 'warning',
        roles: ['editDemographic', 'approveDemographic'],
        text: 'The same is true of demographic changes: DoS leads should make the final changes, following local clinical governance processes.',
      },
      {
        level: 'info',
        roles: ['editCapacity'],
        text: 'Depending on the service type, clinical leads may be given permission to edit capacity. However, it is generally recommended that capacity changes are actioned via local escalation routes to ensure proper sign-off by commissioners.',
      },
    ],
  },
  {
    id: '111-provider',
    label: '111 Provider',
    roles: ['viewClinical', 'compareService'],
    optional: [],
    discouraged: EDIT_ROLES,
    inferred: false,
    cautions: [
      {
        level: 'warning',
        text: 'It is not appropriate for staff within 111 providers to be given DoS accounts. 111 health advisors and clinical advisors should rely solely on NHS Pathways and its related products. The exception is staff specialising in reviewing DoS incidents, who should be given view access to the DoS for services in the footprint covered by their provider.',
      },
      {
        level: 'info',
        roles: ['editCapacity', 'editDemographic'],
        text: 'Where a 111 provider has delegated responsibility to make emergency changes out of hours, use the set for someone making emergency changes.',
      },
    ],
  },
  {
    id: 'emergency-changes',
    label: 'Someone making emergency changes (including Director on Call)',
    roles: ['editCapacity', 'editDemographic'],
    optional: [],
    discouraged: [],
    inferred: false,
    cautions: [
      {
        level: 'warning',
        text: 'Use an individual DoS account, not a shared account, to preserve an accurate audit trail of changes.',
      },
      {
        level: 'warning',
        text: 'Changes must be reported to local and regional DoS teams within 24 hours of the change being made.',
      },
    ],
  },
  {
    id: 'service-provider',
    label: 'Service Provider (who is managing their account)',
    roles: ['viewClinical', 'compareService'],
    optional: [
      { role: 'editCapacity', when: 'to edit their own capacity status, in line with local governance policies' },
      { role: 'editDemographic', when: 'where regular changes such as opening times are needed (edit only, never approve)' },
      { role: 'editClinical', when: 'where regular changes such as disposition instructions are needed (edit only, never approve)' },
    ],
    discouraged: APPROVE_ROLES,
    inferred: true,
    cautions: [
      {
        level: 'info',
        text: 'The guidance gives no list for service providers. This set follows its text: view their own services in the same way as clinical leads, and in some cases limited edit permissions.',
      },
      {
        level: 'warning',
        roles: APPROVE_ROLES,
        text: 'Service leads may have edit permissions only, not approve permissions, so that their changes are sent to DoS leads for approval.',
      },
    ],
  },
  {
    id: 'contract-commissioning',
    label: 'Contract teams and commissioning teams',
    roles: ['viewClinical', 'compareService', 'viewReport'],
    optional: [],
    discouraged: EDIT_ROLES,
    inferred: true,
    cautions: [
      {
        level: 'info',
        text: 'The guidance gives no list for these teams: "view only or reporting access". This set is read from that.',
      },
      {
        level: 'warning',
        roles: EDIT_ROLES,
        text: 'Although commissioners have overall responsibility and ownership of the data held in DoS, it is not appropriate that these users be given edit rights to DoS.',
      },
    ],
  },
  {
    id: 'any-others',
    label: 'Any others',
    roles: null,
    optional: [],
    discouraged: [],
    inferred: false,
    cautions: [
      {
        level: 'info',
        text: 'Requests that do not fit the groups above have no suggested set. Seek guidance from regional teams, or in some cases the national DoS team.',
      },
    ],
  },
];

export const USER_TYPE_IDS = SUGGESTED_SETS.map((s) => s.id) as [UserTypeId, ...UserTypeId[]];

export function getSuggestedSet(id: UserTypeId): SuggestedSet {
  return SUGGESTED_SETS.find((s) => s.id === id)!;
}

export interface SetComparison {
  added: string[];
  removed: string[];
  /** Cautions that apply to what was ticked or held back, plus the set's general ones. */
  cautions: Caution[];
}

/**
 * Compares chosen roles with a user type's suggested set: what was added, what was left out, and
 * which of the guidance's cautions now apply.
 */
export function compareWithSet(chosen: Iterable<string>, id: UserTypeId): SetComparison {
  const set = getSuggestedSet(id);
  const held = new Set(chosen);
  const suggested = new Set(set.roles ?? []);
  const optional = new Set(set.optional.map((o) => o.role));
  const added = [...held].filter((r) => !suggested.has(r) && !optional.has(r));
  const removed = [...suggested].filter((r) => !held.has(r));
  const touched = new Set([...added, ...removed, ...[...held].filter((r) => optional.has(r))]);
  const cautions = set.cautions.filter(
    (c) => !c.roles || c.roles.some((r) => touched.has(r) || (set.discouraged.includes(r) && held.has(r))),
  );
  return { added, removed, cautions };
}
