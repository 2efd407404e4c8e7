import type { Account } from '@shared/models/account';

export type AccountSort = 'name' | 'organisation' | 'updated';

export interface AccountFilters {
  search: string;
  role: string;
  region: string;
  userType: string;
  status: string;
}

/**
 * The accounts matching a search, in the sort order: positions in the sorted list, held in a typed
 * array (no objects for the garbage collector to trace on every keystroke). Read-only.
 */
export class AccountMatches {
  constructor(
    private readonly sorted: readonly Account[],
    readonly positions: Int32Array,
  ) {}

  get length(): number {
    return this.positions.length;
  }

  /** The accounts from `start` up to (not including) `end`. */
  slice(start: number, end: number): Account[] {
    const out: Account[] = [];
    for (let i = Math.max(0, start); i < Math.min(end, this.positions.length); i++) out.push(this.sorted[this.positions[i]!]!);
    return out;
  }

  toArray(): Account[] {
    return this.slice(0, this.length);
  }
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
  private readonly sorted: readonly Account[];
  private readonly haystacks: readonly string[];
  private readonly remembered = new Map<string, AccountMatches>();

  constructor(accounts: readonly Account[], sort: AccountSort) {
    this.sorted = [...accounts].sort(SORTS[sort]);
    this.haystacks = this.sorted.map((a) => `${a.fullName}\n${a.email}\n${a.organisation}`.toLowerCase());
  }

  get size(): number {
    return this.sorted.length;
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

  /** Accounts matching the text and every filter, in the sort order. */
  filter(f: AccountFilters): AccountMatches {
    const q = f.search.trim().toLowerCase();
    const key = (text: string) => this.key(f, text);
    const known = this.remembered.get(key(q));
    if (known) return known;
    // Start from the longest remembered shorter text with the same filters (already filtered), else everything.
    let base: Int32Array | null = null;
    for (let n = q.length - 1; n >= 0; n--) {
      const shorter = this.remembered.get(key(q.slice(0, n)));
      if (shorter) {
        base = shorter.positions;
        break;
      }
    }
    const { sorted, haystacks } = this;
    const count = base ? base.length : sorted.length;
    const out = new Int32Array(count);
    let found = 0;
    for (let i = 0; i < count; i++) {
      const at = base ? base[i]! : i;
      if (q && !haystacks[at]!.includes(q)) continue;
      if (!base) {
        const a = sorted[at]!;
        if (f.status && a.status !== f.status) continue;
        if (f.userType && a.userType !== f.userType) continue;
        if (f.role && !a.roles.includes(f.role)) continue;
        if (f.region && !a.regions.includes(f.region)) continue;
      }
      out[found++] = at;
    }
    const matches = new AccountMatches(sorted, found === count ? out : out.slice(0, found));
    if (this.remembered.size >= REMEMBERED) this.remembered.delete(this.remembered.keys().next().value!);
    this.remembered.set(key(q), matches);
    return matches;
  }
}
