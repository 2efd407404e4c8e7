import { describe, expect, it } from 'vitest';
import { href, inSection, paths, patterns } from '../../../renderer/src/navigation/paths';

const ID = '0b6f3c8e-2a4d-4f7e-9c1a-5d2e8f3b7a61';

describe('paths: the addresses users bookmark and the e2e specs open', () => {
  it('builds the same addresses as before, and the route table matches each with its id', () => {
    const cases: [string, string, RegExp][] = [
      [paths.home(), '/', patterns.home],
      [paths.requests(), '/requests', patterns.requests],
      [paths.newRequest(), '/requests/new', patterns.newRequest],
      [paths.request(ID), `/requests/${ID}`, patterns.request],
      [paths.accounts(), '/accounts', patterns.accounts],
      [paths.newAccount(), '/accounts/new', patterns.newAccount],
      [paths.account(ID), `/accounts/${ID}`, patterns.account],
      [paths.registers(), '/registers', patterns.temporaryRegister],
      [paths.temporaryRegister(), '/registers/temporary', patterns.temporaryRegister],
      [paths.inactiveRegister(), '/registers/inactive', patterns.inactiveRegister],
      [paths.emergencyRegister(), '/registers/emergency', patterns.emergencyRegister],
      [paths.connectingCare(), '/cc', patterns.connectingCare],
      [paths.newCcRequest(), '/cc/requests/new', patterns.newCcRequest],
      [paths.ccRequest(ID), `/cc/requests/${ID}`, patterns.ccRequest],
      [paths.newOrganisation(), '/cc/organisations/new', patterns.newOrganisation],
      [paths.organisation(ID), `/cc/organisations/${ID}`, patterns.organisation],
      [paths.services(), '/services', patterns.services],
      [paths.newService(), '/services/new', patterns.newService],
      [paths.capacityReport(), '/services/capacity', patterns.capacityReport],
      [paths.service(ID), `/services/${ID}`, patterns.service],
      [paths.pharmacies(), '/pharmacies', patterns.pharmacies],
      [paths.newPharmacy(), '/pharmacies/new', patterns.newPharmacy],
      [paths.pharmacyReport(), '/pharmacies/report', patterns.pharmacyReport],
      [paths.handoff(), '/pharmacies/handoff', patterns.handoff],
      [paths.handoff(ID), `/pharmacies/handoff?profile=${ID}`, patterns.handoff],
      [paths.pharmacy(ID), `/pharmacies/${ID}`, patterns.pharmacy],
      [paths.editPharmacy(ID), `/pharmacies/${ID}/edit`, patterns.editPharmacy],
      [paths.operators(), '/operators', patterns.operators],
      [paths.newOperator(), '/operators/new', patterns.newOperator],
      [paths.operator(ID), `/operators/${ID}`, patterns.operator],
      [paths.outbox(), '/outbox', patterns.outbox],
      [paths.newNote(), '/outbox/new', patterns.newNote],
      [paths.message(ID), `/outbox/${ID}`, patterns.message],
      [paths.backups(), '/backups', patterns.backups],
      [paths.audit(), '/audit', patterns.audit],
      [paths.settings(), '/settings', patterns.settings],
      [paths.team(), '/team', patterns.team],
      [paths.conflicts(), '/team/conflicts', patterns.conflicts],
    ];
    for (const [built, expected, pattern] of cases) {
      expect(built).toBe(expected);
      const match = pattern.exec(built);
      expect(match, built).not.toBeNull();
      if (built.includes(ID)) expect(match!.groups?.id, built).toBe(ID);
    }
    expect(href(paths.request(ID))).toBe(`#/requests/${ID}`);
    // A conflict is named by its sync document id, `<table>:<key>`, encoded in the address.
    const conflict = paths.conflict(`accounts:${ID}`);
    expect(conflict).toBe(`/team/conflicts/accounts%3A${ID}`);
    expect(decodeURIComponent(patterns.conflict.exec(conflict)!.groups!.id!)).toBe(`accounts:${ID}`);
  });

  it('matches whole addresses only, as before: no trailing slash, other case or malformed id', () => {
    expect(patterns.requests.test('/requests/')).toBe(false);
    expect(patterns.requests.test('/Requests')).toBe(false);
    expect(patterns.request.test('/requests/not-an-id')).toBe(false);
    expect(patterns.pharmacy.test(`/pharmacies/${ID}/edit`)).toBe(false);
    expect(patterns.handoff.test('/pharmacies/handoff?profile=x')).toBe(false);
  });

  it("marks the menu's section as current on its pages", () => {
    expect(inSection('/', '/')).toBe(true);
    expect(inSection('/requests', '/')).toBe(false);
    expect(inSection(`/requests/${ID}`, '/requests')).toBe(true);
    expect(inSection('/registers/inactive', '/registers')).toBe(true);
  });
});
