import type { Account } from '@shared/models/account';

export type AccountSort = 'name' | 'organisation' | 'updated';

export interface AccountFilters {
  search: string;
  role: string;
  region: string;
  userType: string;
  status: string;
}

/** A filtered list: the accounts and, at the same positions, their lower-cased search text. */
interface Found {
  accounts: Account[];
  haystacks: string[];
}

const SORTS: Record<AccountSort, (a: Account, b: Account) => number> = {
  name: (a, b) => a.fullName.localeCompare(b.fullName),
  organisation: (a, b) => a.organisation.localeCompare(b.organisation) || a.fullName.localeCompare(b.fullName),
  updated: (a, b) => b.updatedAt.localeCompare(a.updatedAt),
};

/** The first characters people type, worked out while the page is idle. */
const PRIMED = 'abcdefghijklmnopqrstuvwxyz';

/** How many earlier searches are remembered: the primed letters and a few words' worth of keystrokes. */
const REMEMBERED = 96;

/**
 * Search-as-you-type over the accounts in scope. Sorted once per change of data or sort order;
 * each keystroke then looks only at what the previous text matched with the same filters
 * (whatever contains "okor" is among what contains "oko"), and backspace returns a remembered
 * result, so a keystroke costs the matches left, not the table size. One pass applies the text and
 * every filter.
 */
export class AccountSearch {
  private readonly all: Found;
  private readonly remembered = new Map<string, Found>();

  constructor(accounts: readonly Account[], sort: AccountSort) {
    const sorted = [...accounts].sort(SORTS[sort]);
    this.all = { accounts: sorted, haystacks: sorted.map((a) => `${a.fullName}\n${a.email}\n${a.organisation}`.toLowerCase()) };
  }

  get size(): number {
    return this.all.accounts.length;
  }

  /**
   * Works out the one-character searches for these filters ahead of time, one character per call,
   * so the first keystroke is answered from memory. Returns false when there is nothing left to do.
   */
  primeNext(f: Omit<AccountFilters, 'search'>): boolean {
    for (const ch of PRIMED) {
      if (this.remembered.has(this.key(f, ch))) continue;
      this.filter({ ...f, search: ch });
      return true;
    }
    return false;
  }

  private key(f: Omit<AccountFilters, 'search'>, text: string): string {
    return `${f.role}\u0000${f.region}\u0000${f.userType}\u0000${f.status}\u0000${text}`;
  }

  /** Accounts matching the text and every filter, in the sort order. Do not change the list returned. */
  filter(f: AccountFilters): readonly Account[] {
    const q = f.search.trim().toLowerCase();
    const key = (text: string) => this.key(f, text);
    const known = this.remembered.get(key(q));
    if (known) return known.accounts;
    // Start from the longest remembered shorter text with the same filters (already filtered), else everything.
    let base = this.all;
    let filtered = false;
    for (let n = q.length - 1; n >= 0; n--) {
      const shorter = this.remembered.get(key(q.slice(0, n)));
      if (shorter) {
        base = shorter;
        filtered = true;
        break;
      }
    }
    const found: Found = { accounts: [], haystacks: [] };
    const { accounts, haystacks } = base;
    for (let i = 0; i < accounts.length; i++) {
      const hay = haystacks[i]!;
      if (q && !hay.includes(q)) continue;
      const a = accounts[i]!;
      if (!filtered) {
        if (f.status && a.status !== f.status) continue;
        if (f.userType && a.userType !== f.userType) continue;
        if (f.role && !a.roles.includes(f.role)) continue;
        if (f.region && !a.regions.includes(f.region)) continue;
      }
      found.accounts.push(a);
      found.haystacks.push(hay);
    }
    if (this.remembered.size >= REMEMBERED) this.remembered.delete(this.remembered.keys().next().value!);
    this.remembered.set(key(q), found);
    return found.accounts;
  }
}
