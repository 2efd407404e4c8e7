/**
 * Every address in the app, in one place (GUIDE §1): `paths.x()` builds a route path like `/requests/…`
 * for `navigate()`, `href(paths.x())` builds the link target `#/requests/…`, and `patterns` are what
 * the route table in `app/app.tsx` matches. The addresses are the ones users bookmark and the e2e
 * specs open; change one only on purpose.
 */

/** A record id in an address: the app's ids are UUIDs. */
const ID = '(?<id>[0-9a-f-]{36})';

/** Route paths (the part after `#`). */
export const paths = {
  home: () => '/',
  requests: () => '/requests',
  newRequest: () => '/requests/new',
  request: (id: string) => `/requests/${id}`,
  accounts: () => '/accounts',
  newAccount: () => '/accounts/new',
  account: (id: string) => `/accounts/${id}`,
  registers: () => '/registers',
  temporaryRegister: () => '/registers/temporary',
  inactiveRegister: () => '/registers/inactive',
  emergencyRegister: () => '/registers/emergency',
  connectingCare: () => '/cc',
  newCcRequest: () => '/cc/requests/new',
  ccRequest: (id: string) => `/cc/requests/${id}`,
  newOrganisation: () => '/cc/organisations/new',
  organisation: (id: string) => `/cc/organisations/${id}`,
  services: () => '/services',
  newService: () => '/services/new',
  capacityReport: () => '/services/capacity',
  service: (id: string) => `/services/${id}`,
  pharmacies: () => '/pharmacies',
  newPharmacy: () => '/pharmacies/new',
  pharmacyReport: () => '/pharmacies/report',
  /** The hand-off for any profile, or for the given one. */
  handoff: (profileId?: string) => (profileId ? `/pharmacies/handoff?profile=${profileId}` : '/pharmacies/handoff'),
  pharmacy: (id: string) => `/pharmacies/${id}`,
  editPharmacy: (id: string) => `/pharmacies/${id}/edit`,
  operators: () => '/operators',
  newOperator: () => '/operators/new',
  operator: (id: string) => `/operators/${id}`,
  outbox: () => '/outbox',
  newNote: () => '/outbox/new',
  message: (id: string) => `/outbox/${id}`,
  backups: () => '/backups',
  audit: () => '/audit',
  settings: () => '/settings',
  team: () => '/team',
  conflicts: () => '/team/conflicts',
  /** A record in conflict, by its sync document id (`accounts:<uuid>`), encoded for the address. */
  conflict: (docId: string) => `/team/conflicts/${encodeURIComponent(docId)}`,
} as const;

/** The link target for a route path: `href(paths.request(id))` is `#/requests/<id>`. */
export function href(path: string): string {
  return `#${path}`;
}

/**
 * The route table's patterns: exact, case-sensitive matches of the whole path, ids as named `id`
 * groups. Plain strings are not used because wouter's default parser would also accept a trailing
 * slash, other letter cases and any id, which today's addresses do not.
 */
const exact = (source: string) => new RegExp(`^${source}$`);
export const patterns = {
  home: exact('/'),
  operators: exact('/operators'),
  newOperator: exact('/operators/new'),
  operator: exact('/operators/(?<id>[^/]+)'),
  settings: exact('/settings'),
  outbox: exact('/outbox'),
  requests: exact('/requests'),
  newRequest: exact('/requests/new'),
  request: exact(`/requests/${ID}`),
  temporaryRegister: exact('/registers(?:/temporary)?'),
  inactiveRegister: exact('/registers/inactive'),
  emergencyRegister: exact('/registers/emergency'),
  connectingCare: exact('/cc'),
  newCcRequest: exact('/cc/requests/new'),
  ccRequest: exact(`/cc/requests/${ID}`),
  newOrganisation: exact('/cc/organisations/new'),
  organisation: exact(`/cc/organisations/${ID}`),
  accounts: exact('/accounts'),
  newAccount: exact('/accounts/new'),
  account: exact(`/accounts/${ID}`),
  services: exact('/services'),
  capacityReport: exact('/services/capacity'),
  newService: exact('/services/new'),
  service: exact(`/services/${ID}`),
  pharmacies: exact('/pharmacies'),
  newPharmacy: exact('/pharmacies/new'),
  pharmacyReport: exact('/pharmacies/report'),
  handoff: exact('/pharmacies/handoff(?:\\?profile=(?<id>[0-9a-f-]{36}))?'),
  editPharmacy: exact(`/pharmacies/${ID}/edit`),
  pharmacy: exact(`/pharmacies/${ID}`),
  backups: exact('/backups'),
  /** The Backups page's address before it had one name everywhere; old links still arrive. */
  oldBackups: exact('/data'),
  audit: exact('/audit'),
  team: exact('/team'),
  conflicts: exact('/team/conflicts'),
  conflict: exact('/team/conflicts/(?<id>[^/]+)'),
  newNote: exact('/outbox/new'),
  message: exact(`/outbox/${ID}`),
} as const;

/** The section a route path belongs to, for the menu's current item: `/requests/…` is in `/requests`. */
export function inSection(route: string, section: string): boolean {
  return section === '/' ? route === '/' : route.startsWith(section);
}
