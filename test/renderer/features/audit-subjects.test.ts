import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@shared/models/settings';
import { createAccount } from '../../../renderer/src/features/accounts/data/accounts';
import { createOperator } from '../../../renderer/src/features/operators/data/operators';
import { createProfile, recordCheck } from '../../../renderer/src/features/pharmacy/data/profiles';
import { setLastLogin } from '../../../renderer/src/features/registers/data/inactive';
import { setCapacity, suspendService } from '../../../renderer/src/features/services/data/service-status';
import { createService, updateService } from '../../../renderer/src/features/services/data/services';
import { freshDb, PRIYA } from '../helpers';

const REGIONS = DEFAULT_SETTINGS.regions;
const NOW = new Date('2026-11-21T12:00:00Z');

describe('audit entries name their record in words', () => {
  it('for services, pharmacy profiles and last logins', async () => {
    const db = freshDb();
    await db.open();
    const lead = await createOperator(db, PRIYA, REGIONS);
    const service = await createService(
      db,
      lead.id,
      { name: 'Riverside UTC', serviceType: 'UTC', odsCode: '', region: 'London', parentId: null },
      REGIONS,
    );
    await updateService(db, lead.id, service.id, { ...service, name: 'Riverside Urgent Care' }, REGIONS);
    await setCapacity(db, lead.id, service.id, { rag: 'amber', note: '' }, NOW);
    await suspendService(db, lead.id, service.id, { reason: 'Staff redeployed', from: '2026-11-22', until: '' }, NOW);
    const profile = await createProfile(
      db,
      lead.id,
      {
        odsCode: 'FA123',
        profileStatus: 'active',
        name: 'Boots Leeds',
        address: '1 High Street',
        postcode: 'LS1 1AA',
        website: '',
        phone: '0113 496 0000',
        region: 'London',
        standardTimes: { monday: [], tuesday: [], wednesday: [], thursday: [], friday: [], saturday: [], sunday: [] },
        specifiedTimes: [],
      },
      REGIONS,
      NOW,
    );
    await recordCheck(db, lead.id, profile.id, { checkedOn: '2026-11-20' }, NOW);
    const account = await createAccount(db, lead.id, {
      fullName: 'Sam Jones',
      email: 'sam.jones@nhs.net',
      phone: '',
      organisation: 'Riverside',
      jobTitle: 'GP',
      userType: 'emergency-changes',
      regions: ['London'],
      roles: ['editCapacity'],
      serviceIds: [],
    });
    await setLastLogin(db, lead.id, account.id, '2026-10-01', NOW);
    const named = (await db.audit.orderBy(':id').toArray()).filter((e) => e.entity !== 'operator').map((e) => [e.action, e.subject]);
    expect(named).toEqual([
      ['service.create', 'service Riverside UTC'],
      ['service.update', 'service Riverside Urgent Care'],
      ['service.capacity', 'service Riverside Urgent Care'],
      ['service.suspend', 'service Riverside Urgent Care'],
      ['pharmacy.create', 'pharmacy profile Boots Leeds (FA123)'],
      ['pharmacy.check', 'pharmacy profile Boots Leeds (FA123)'],
      ['account.create', "Sam Jones's account"],
      ['account.last-login', "Sam Jones's account"],
    ]);
  });
});
