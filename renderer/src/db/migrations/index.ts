import type { Transaction } from 'dexie';

/**
 * Data moves run when a database is upgraded to a version. Version 1 is the first schema, so it has
 * none; add `vN.ts` with an `upgrade(tx)` and register it here when a version needs one.
 */
export const UPGRADES: Record<number, (tx: Transaction) => Promise<void>> = {};
