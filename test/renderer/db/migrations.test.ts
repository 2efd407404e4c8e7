import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DosDeskDb } from '../../../renderer/src/db/database';
import { LATEST_VERSION, SCHEMA_VERSIONS } from '../../../renderer/src/db/schema';

/**
 * Fixture data as each version stored it. Every new schema version adds its fixtures here, and
 * this harness opens every earlier version's data with the current code.
 */
const FIXTURES: Record<number, Record<string, unknown[]>> = {
  1: {
    operators: [
      {
        id: 'op-1',
        fullName: 'Priya Shah',
        email: 'priya.shah@nhs.net',
        jobRole: 'Local DoS Lead',
        regions: ['London'],
        approveUserRegions: ['London'],
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
      },
    ],
    settingsCache: [{ key: 'currentOperatorId', value: 'op-1' }],
    audit: [
      {
        at: '2026-01-01T00:00:00.000Z',
        operatorId: 'op-1',
        entity: 'operator',
        entityId: 'op-1',
        action: 'operator.create',
        before: null,
        after: {},
      },
    ],
  },
};

describe('schema migrations', () => {
  it('has fixtures for every version', () => {
    for (const { version } of SCHEMA_VERSIONS) expect(FIXTURES[version], `fixtures for v${version}`).toBeDefined();
  });

  it.each(SCHEMA_VERSIONS.map((v) => v.version))(
    'opens data written by version %i with the current code, losing nothing',
    async (version) => {
      const name = `migration-from-v${version}-${Date.now()}`;
      const old = new Dexie(name);
      for (const step of SCHEMA_VERSIONS.filter((v) => v.version <= version)) old.version(step.version).stores(step.stores);
      await old.open();
      for (const [table, rows] of Object.entries(FIXTURES[version]!)) await old.table(table).bulkAdd(rows);
      old.close();

      const db = new DosDeskDb(name);
      await db.open();
      expect(db.verno).toBe(LATEST_VERSION);
      for (const [table, rows] of Object.entries(FIXTURES[version]!)) expect(await db.table(table).count(), table).toBe(rows.length);
      expect((await db.operators.get('op-1'))?.email).toBe('priya.shah@nhs.net');
      db.close();
    },
  );

  it('only moves forward: versions are strictly increasing', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });
});
