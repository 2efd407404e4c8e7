import type { Transaction } from 'dexie';
import { upgradeToV2 } from './v2';
import { upgradeToV4 } from './v4';
import { upgradeToV7 } from './v7';

/**
 * Data moves run when a database is upgraded to a version. Add `vN.ts` with an upgrade and
 * register it here when a version needs one.
 */
export const UPGRADES: Record<number, (tx: Transaction) => Promise<void>> = {
  2: upgradeToV2,
  4: upgradeToV4,
  7: upgradeToV7,
};
