import { describe, expect, it } from 'vitest';
import {
  EDIT_APPROVE_PAIRS,
  getRole,
  missingRequirements,
  pairMeaning,
  ROLES,
  rolesByBasis,
  unknownRoles,
} from '../../../shared/domain/permissions';
import { compareWithSet, getSuggestedSet, SUGGESTED_SETS } from '../../../shared/domain/user-types';

// The table in seed 000, "Account permissions", row by row: role, "Based on…".
const TABLE: [string, string][] = [
  ['addCapacityGrids', 'Relationship'],
  ['addService', 'Relationship'],
  ['approveClinical', 'Relationship'],
  ['approveControlService', 'Relationship'],
  ['approveDemographic', 'Relationship'],
  ['approveEndpoints', 'Relationship'],
  ['approveUser', 'Region(s)'],
  ['bulkUpdate', 'Region(s)'],
  ['compareService', 'None'],
  ['controlService', 'Relationship'],
  ['editCapacity', 'Relationship'],
  ['editCapacityGrids', 'Relationship'],
  ['editClinical', 'Relationship'],
  ['editDemographic', 'Relationship'],
  ['editEndpoints', 'Relationship'],
  ['searchBySymptom', 'N/A'],
  ['searchBySymptomSGSD', 'N/A'],
  ['searchByType', 'N/A'],
  ['testScenarios', 'N/A'],
  ['viewClinical', 'None'],
  ['viewReport', 'Region(s)'],
  ['viewUnlinkedOrg', 'Region(s)'],
  ['userReport', 'Region(s)'],
];

// The "Local DoS Lead" and "Regional DoS Lead" lists, as printed.
const LEAD_LIST = `addCapacityGrids addService approveClinical approveControlService approveDemographic approveEndpoints approveUser
bulkUpdate compareService controlService editCapacity editCapacityGrids editClinical editDemographic editEndpoints editServiceAdmin
searchBySymptom searchBySymptomSGSD searchByType searchRoadDistance testScenarios viewAdminAttribute viewClinical viewReport
viewServiceAdmin viewUnlinkedOrg`.split(/\s+/);

describe('permission catalogue', () => {
  it('has the 23 roles of the table in order, with their basis, plus 4 undescribed: 27', () => {
    expect(ROLES).toHaveLength(27);
    expect(ROLES.slice(0, 23).map((r) => [r.name, r.basis])).toEqual(TABLE);
    expect(ROLES.slice(23).map((r) => r.name)).toEqual([
      'editServiceAdmin',
      'searchRoadDistance',
      'viewAdminAttribute',
      'viewServiceAdmin',
    ]);
    for (const r of ROLES.slice(23)) {
      expect(r).toMatchObject({ provides: null, basis: null, source: 'suggested-sets-only' });
      expect(r.note).toMatch(/does not describe it/);
    }
    for (const r of ROLES.slice(0, 23)) expect(r.provides).toBeTruthy();
  });

  it('quotes what each role provides', () => {
    expect(getRole('approveUser')!.provides).toBe('delegate assignments to new/existing users');
    expect(getRole('bulkUpdate')!.provides).toBe('apply multiple changes to multiple services at once');
    expect(getRole('viewClinical')!.provides).toBe('read-only access to the Clinical Details tab');
    expect(getRole('editClinical')!.provides).toContain("requires 'viewClinical' role");
  });

  it('marks searchBySymptom as no longer active, with the note about NHS Service Finder', () => {
    const r = getRole('searchBySymptom')!;
    expect(r.inactive).toBe(true);
    expect(r.note).toContain('must register on the NHS Service Finder site');
    expect(ROLES.filter((x) => x.inactive).map((x) => x.name)).toEqual(['searchBySymptom']);
  });

  it('knows the four edit/approve pairs and what each combination means', () => {
    expect(EDIT_APPROVE_PAIRS.map((p) => [p.edit, p.approve])).toEqual([
      ['editClinical', 'approveClinical'],
      ['controlService', 'approveControlService'],
      ['editDemographic', 'approveDemographic'],
      ['editEndpoints', 'approveEndpoints'],
    ]);
    const pair = EDIT_APPROVE_PAIRS[0];
    expect(pairMeaning(new Set(['editClinical']), pair).meaning).toBe('propose');
    expect(pairMeaning(new Set(['approveClinical']), pair).meaning).toBe('make-live-others');
    expect(pairMeaning(new Set(['editClinical', 'approveClinical']), pair).meaning).toBe('edit-and-make-live');
    expect(pairMeaning(new Set(), pair).meaning).toBe('none');
  });

  it('refuses editClinical without viewClinical', () => {
    expect(missingRequirements(['editClinical'])).toHaveLength(1);
    expect(missingRequirements(['editClinical', 'viewClinical'])).toEqual([]);
  });

  it('finds unknown role names and splits roles by basis', () => {
    expect(unknownRoles(['viewClinical', 'makeCoffee', 'ViewClinical'])).toEqual(['makeCoffee', 'ViewClinical']);
    expect(rolesByBasis(['editCapacity', 'approveUser', 'compareService', 'searchByType'])).toEqual({
      relationship: ['editCapacity'],
      region: ['approveUser'],
      other: ['compareService', 'searchByType'],
    });
  });
});

describe('suggested permission sets', () => {
  it('cover every user type in the guidance, in order', () => {
    expect(SUGGESTED_SETS.map((s) => s.label)).toEqual([
      'Local DoS Lead',
      'Regional DoS Lead',
      'Clinical Lead',
      '111 Provider',
      'Someone making emergency changes (including Director on Call)',
      'Service Provider (who is managing their account)',
      'Contract teams and commissioning teams',
      'Any others',
    ]);
  });

  it('give local and regional leads the 26 listed roles, exactly as printed', () => {
    expect(LEAD_LIST).toHaveLength(26);
    expect(getSuggestedSet('local-dos-lead').roles).toEqual(LEAD_LIST);
    expect(getSuggestedSet('regional-dos-lead').roles).toEqual(LEAD_LIST);
    expect(LEAD_LIST).not.toContain('userReport');
    expect(
      getSuggestedSet('regional-dos-lead')
        .cautions.map((c) => c.text)
        .join(' '),
    ).toMatch(/should be given all permission roles.*26 roles.*userReport/);
  });

  it('give the listed roles to clinical leads, 111 providers and emergency changers', () => {
    expect(getSuggestedSet('clinical-lead').roles).toEqual(['viewClinical', 'compareService']);
    expect(getSuggestedSet('clinical-lead').optional).toEqual([{ role: 'editCapacity', when: 'in limited circumstances' }]);
    expect(getSuggestedSet('111-provider').roles).toEqual(['viewClinical', 'compareService']);
    expect(getSuggestedSet('emergency-changes').roles).toEqual(['editCapacity', 'editDemographic']);
  });

  it('say where a set is read from the text, and give "Any others" none', () => {
    expect(getSuggestedSet('service-provider').inferred).toBe(true);
    expect(getSuggestedSet('contract-commissioning').inferred).toBe(true);
    expect(getSuggestedSet('any-others').roles).toBeNull();
    expect(getSuggestedSet('any-others').cautions[0]!.text).toMatch(/regional teams.*national DoS team/);
  });

  it('every role in every set is in the catalogue', () => {
    for (const set of SUGGESTED_SETS) {
      expect(unknownRoles([...(set.roles ?? []), ...set.optional.map((o) => o.role), ...set.discouraged])).toEqual([]);
    }
  });

  it('carry the guidance cautions', () => {
    const text = (id: Parameters<typeof getSuggestedSet>[0]) =>
      getSuggestedSet(id)
        .cautions.map((c) => c.text)
        .join(' ');
    expect(text('local-dos-lead')).toMatch(/Newer leads may not be immediately given access to approve changes/);
    expect(text('local-dos-lead')).toMatch(/Bulk update may be withheld/);
    expect(text('clinical-lead')).toMatch(/should NOT be given edit permissions for clinical information/);
    expect(text('111-provider')).toMatch(
      /not appropriate for staff within 111 providers to be given DoS accounts.*reviewing DoS incidents/,
    );
    expect(text('emergency-changes')).toMatch(/individual DoS account, not a shared account/);
    expect(text('emergency-changes')).toMatch(/within 24 hours/);
    expect(text('contract-commissioning')).toMatch(/not appropriate that these users be given edit rights/);
  });

  it('compare chosen roles with a set: added, removed and the cautions that now apply', () => {
    const lead = compareWithSet(
      LEAD_LIST.filter((r) => r !== 'bulkUpdate'),
      'local-dos-lead',
    );
    expect(lead.added).toEqual([]);
    expect(lead.removed).toEqual(['bulkUpdate']);
    expect(lead.cautions.map((c) => c.text).join(' ')).toMatch(/Bulk update may be withheld/);

    const clinical = compareWithSet(['viewClinical', 'compareService', 'editClinical'], 'clinical-lead');
    expect(clinical.added).toEqual(['editClinical']);
    expect(clinical.cautions.some((c) => c.level === 'warning' && /should NOT/.test(c.text))).toBe(true);

    const optional = compareWithSet(['viewClinical', 'compareService', 'editCapacity'], 'clinical-lead');
    expect(optional.added).toEqual([]);
    expect(optional.cautions.map((c) => c.text).join(' ')).toMatch(/local escalation routes/);

    expect(compareWithSet(['viewClinical', 'compareService'], 'clinical-lead').cautions.filter((c) => c.level === 'warning')).toEqual([]);
  });
});
