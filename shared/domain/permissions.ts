/**
 * The DoS permission roles, exactly as the guidance gives them (seed 000, "Account permissions":
 * the table of 23 roles, and "Suggested permission sets", which name 4 more without describing them).
 */

/** What a role's permission applies to (the table's "Based on…" column). */
export type RoleBasis = 'Relationship' | 'Region(s)' | 'None' | 'N/A';

export interface RoleDefinition {
  name: string;
  /** The table's "Provides the ability to…", or null for the 4 roles the guidance never describes. */
  provides: string | null;
  basis: RoleBasis | null;
  /** In the table of roles (23) or only in the suggested sets (4). */
  source: 'table' | 'suggested-sets-only';
  /** True where the guidance says the permission is no longer active within DoS. */
  inactive: boolean;
  note: string | null;
  group: RoleGroup;
}

export type RoleGroup = 'view' | 'propose' | 'make-live' | 'capacity' | 'users-and-bulk' | 'search' | 'reports';

export const ROLE_GROUPS: readonly { id: RoleGroup; label: string }[] = [
  { id: 'view', label: 'View' },
  { id: 'propose', label: 'Edit and propose changes' },
  { id: 'make-live', label: 'Make changes live' },
  { id: 'capacity', label: 'Capacity' },
  { id: 'users-and-bulk', label: 'Users, services and bulk changes' },
  { id: 'search', label: 'Search' },
  { id: 'reports', label: 'Reports and testing' },
];

const NO_DESCRIPTION = 'The guidance lists this role in its suggested sets but does not describe it.';

function role(name: string, provides: string, basis: RoleBasis, group: RoleGroup, extra: Partial<RoleDefinition> = {}): RoleDefinition {
  return { name, provides, basis, source: 'table', inactive: false, note: null, group, ...extra };
}

function undescribed(name: string, group: RoleGroup): RoleDefinition {
  return { name, provides: null, basis: null, source: 'suggested-sets-only', inactive: false, note: NO_DESCRIPTION, group };
}

const MAKE_LIVE_NOTE = 'users with the corresponding edit permission can edit and make live the changes at the same time';

/** All 27 roles: the 23 of the table in its order, then the 4 named only in the suggested sets. */
export const ROLES: readonly RoleDefinition[] = [
  role('addCapacityGrids', 'create new capacity grids in an existing database record', 'Relationship', 'capacity'),
  role('addService', 'create a new entry in the Database', 'Relationship', 'users-and-bulk'),
  role('approveClinical', `make live the changes to Clinical details tab (${MAKE_LIVE_NOTE})`, 'Relationship', 'make-live'),
  role('approveControlService', `make live the changes to Control Service attributes (${MAKE_LIVE_NOTE})`, 'Relationship', 'make-live'),
  role('approveDemographic', `make live the changes to Demographic tab (${MAKE_LIVE_NOTE})`, 'Relationship', 'make-live'),
  role('approveEndpoints', `make live the changes to Endpoints tab (${MAKE_LIVE_NOTE})`, 'Relationship', 'make-live'),
  role('approveUser', 'delegate assignments to new/existing users', 'Region(s)', 'users-and-bulk'),
  role('bulkUpdate', 'apply multiple changes to multiple services at once', 'Region(s)', 'users-and-bulk'),
  role('compareService', 'run/download compare service reports', 'None', 'reports'),
  role(
    'controlService',
    'edit/propose changes (users with the corresponding approve permission can edit and make live the changes at the same time) to Control Service attributes',
    'Relationship',
    'propose',
  ),
  role('editCapacity', 'edit/make live changes to capacity status', 'Relationship', 'capacity'),
  role('editCapacityGrids', 'edit/make live changes to capacity grids', 'Relationship', 'capacity'),
  role(
    'editClinical',
    "edit/propose changes to Clinical Details tab (requires 'viewClinical' role in order to access the Clinical Details tab)",
    'Relationship',
    'propose',
  ),
  role('editDemographic', 'edit/propose changes to Demographic tab', 'Relationship', 'propose'),
  role('editEndpoints', 'edit/propose changes to Endpoints tab', 'Relationship', 'propose'),
  role(
    'searchBySymptom',
    'access to the Service Finder search by Z-Code (these permissions are no longer active within DoS. Users wishing to use NHS Service Finder must register on the NHS Service Finder site)',
    'N/A',
    'search',
    {
      inactive: true,
      note: 'No longer active within DoS. Users wishing to use NHS Service Finder must register on the NHS Service Finder site.',
    },
  ),
  role('searchBySymptomSGSD', 'access to the Service Finder search by SG/SD code', 'N/A', 'search'),
  role('searchByType', 'access to the Service Finder search by service type', 'N/A', 'search'),
  role('testScenarios', 'run the scenario testing tool', 'N/A', 'reports'),
  role('viewClinical', 'read-only access to the Clinical Details tab', 'None', 'view'),
  role('viewReport', 'run/download service status reports', 'Region(s)', 'reports'),
  role('viewUnlinkedOrg', 'view the list of unlinked commissioning organisations', 'Region(s)', 'view'),
  role('userReport', 'run/download user status reports', 'Region(s)', 'reports'),
  undescribed('editServiceAdmin', 'propose'),
  undescribed('searchRoadDistance', 'search'),
  undescribed('viewAdminAttribute', 'view'),
  undescribed('viewServiceAdmin', 'view'),
];

export type RoleName = (typeof ROLES)[number]['name'];
export const ROLE_NAMES: readonly string[] = ROLES.map((r) => r.name);
const BY_NAME = new Map(ROLES.map((r) => [r.name, r]));

export function getRole(name: string): RoleDefinition | undefined {
  return BY_NAME.get(name);
}

/**
 * The edit/approve pairs. Edit alone proposes changes (sent to DoS leads for approval); approve
 * alone makes live changes others proposed; both together edit and make live at the same time.
 */
export const EDIT_APPROVE_PAIRS = [
  { edit: 'editClinical', approve: 'approveClinical', area: 'Clinical Details tab' },
  { edit: 'controlService', approve: 'approveControlService', area: 'Control Service attributes' },
  { edit: 'editDemographic', approve: 'approveDemographic', area: 'Demographic tab' },
  { edit: 'editEndpoints', approve: 'approveEndpoints', area: 'Endpoints tab' },
] as const;

export type PairMeaning = 'none' | 'propose' | 'make-live-others' | 'edit-and-make-live';

/** What holding one or both roles of a pair lets a user do. */
export function pairMeaning(roles: ReadonlySet<string>, pair: (typeof EDIT_APPROVE_PAIRS)[number]): { meaning: PairMeaning; text: string } {
  const edit = roles.has(pair.edit);
  const approve = roles.has(pair.approve);
  if (edit && approve)
    return { meaning: 'edit-and-make-live', text: `Can edit the ${pair.area} and make the changes live at the same time.` };
  if (edit) return { meaning: 'propose', text: `Can propose changes to the ${pair.area}; they are sent to DoS leads for approval.` };
  if (approve)
    return {
      meaning: 'make-live-others',
      text: `Can make live changes others propose to the ${pair.area}, but cannot edit it (${pair.approve} without ${pair.edit}).`,
    };
  return { meaning: 'none', text: `No access to change the ${pair.area}.` };
}

/** editClinical needs viewClinical to reach the Clinical Details tab (the table's own words). */
export const ROLE_REQUIREMENTS: readonly { role: string; requires: string; message: string }[] = [
  {
    role: 'editClinical',
    requires: 'viewClinical',
    message:
      "editClinical requires the 'viewClinical' role in order to access the Clinical Details tab. Add viewClinical or remove editClinical.",
  },
];

/** Requirement problems that make a set of roles impossible to save. */
export function missingRequirements(roles: Iterable<string>): string[] {
  const held = new Set(roles);
  return ROLE_REQUIREMENTS.filter((r) => held.has(r.role) && !held.has(r.requires)).map((r) => r.message);
}

/** Roles in `roles` that are not in the catalogue (for example from an imported file). */
export function unknownRoles(roles: Iterable<string>): string[] {
  return [...roles].filter((r) => !BY_NAME.has(r));
}

/** Which roles apply to services (and their children), and which to regions. */
export function rolesByBasis(roles: Iterable<string>): Record<'relationship' | 'region' | 'other', string[]> {
  const out = { relationship: [] as string[], region: [] as string[], other: [] as string[] };
  for (const name of roles) {
    const basis = BY_NAME.get(name)?.basis;
    if (basis === 'Relationship') out.relationship.push(name);
    else if (basis === 'Region(s)') out.region.push(name);
    else out.other.push(name);
  }
  return out;
}

/** Sorts role names into the catalogue's order. */
export function sortRoles(roles: Iterable<string>): string[] {
  const order = new Map(ROLE_NAMES.map((n, i) => [n, i]));
  return [...new Set(roles)].sort((a, b) => (order.get(a) ?? 999) - (order.get(b) ?? 999));
}
