import type { Transaction } from 'dexie';

/** v4: accounts gain `lastLoginOn` (unknown until entered or imported). */
export async function upgradeToV4(tx: Transaction): Promise<void> {
  await tx
    .table('accounts')
    .toCollection()
    .modify((account: { lastLoginOn?: string | null }) => {
      if (account.lastLoginOn === undefined) account.lastLoginOn = null;
    });
}
