import { SHARED_TABLES, type SharedTable } from '@shared/sync/doc';
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';

/**
 * The tables whose records a team shares. Everything written to them is noted in `changes`, in the
 * same transaction; the audit trail (its own append-only chain), this desk's settings cache and
 * the change log itself are not.
 */
export { SHARED_TABLES, type SharedTable };

/**
 * One committed write to a shared table: which records, and what became of them. `seq` only grows
 * (IndexedDB's auto-increment), so a reader such as team sync keeps the last `seq` it has taken and
 * asks for what came after; a write that was rolled back never appears.
 */
export interface ChangeRow {
  seq?: number;
  /** ISO instant the write was made on this desk. Never used to decide between two desks' edits. */
  at: string;
  table: SharedTable;
  /** `put`: the records now hold `values` (same order as `keys`). `delete`: the records are gone. */
  op: 'put' | 'delete';
  keys: string[];
  values: unknown[] | null;
  /** The operator who made the change, when `change()` made it (team sync shows who made each version). */
  by?: { id: string; name: string } | null;
}

/** Who or what is writing in a transaction: an operator's change, or team sync applying other desks' work. */
export type WriteOrigin = { by: { id: string; name: string } } | { fromSync: true };
const origins = new WeakMap<object, WriteOrigin>();

/**
 * Says who a transaction writes for. `change()` names its operator; team sync marks what it applies
 * from other desks, which is not noted (it must not be sent back out as this desk's change).
 * Takes Dexie's transaction (`Dexie.currentTransaction`); the middleware sees its native one.
 */
export function markTransaction(trans: { idbtrans: IDBTransaction } | null | undefined, origin: WriteOrigin): void {
  if (!trans?.idbtrans) throw new Error('markTransaction() is called outside a transaction');
  origins.set(trans.idbtrans, origin);
}

const SHARED = new Set<string>(SHARED_TABLES);

/** Whether a table's records are shared with the team (and so noted in the change log). */
export function isSharedTable(name: string): name is SharedTable {
  return SHARED.has(name);
}
export const CHANGES_TABLE = 'changes';

/** Thrown when a write to a shared table would not be in the change log; the transaction is aborted. */
export class ChangeLogError extends Error {
  constructor(table: string) {
    super(`A change to ${table} could not be written to the change log, so it was not saved.`);
    this.name = 'ChangeLogError';
  }
}

/**
 * Every write to a shared table, whoever makes it (a feature, an import, a restore), is noted in
 * the change log in the same IndexedDB transaction, so the two stand or fall together and nothing
 * reaches a shared record around the log. A Dexie DBCore middleware (rather than a helper callers
 * must remember) because it sits under every Table and Collection method: `put`, `bulkAdd`,
 * `modify`, `delete` and `clear` all arrive here. Read-write transactions over a shared table get
 * the `changes` store added to their scope. Schema upgrades (versionchange) are not noted: they
 * reshape records, they are not anybody's change.
 */
export function changeLogMiddleware(): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'ChangeLog',
    create(down) {
      const log = (): DBCoreTable => down.table(CHANGES_TABLE);
      // Dexie builds this stack again whenever the stores change (each upgrade step, each open), so
      // whether the change log exists yet is known here, once, not on every write.
      const hasLog = down.schema.tables.some((t) => t.name === CHANGES_TABLE);
      async function note(trans: DBCoreTransaction, row: ChangeRow): Promise<void> {
        const result = await log().mutate({ type: 'add', trans, values: [row] });
        if (result.numFailures) throw new ChangeLogError(row.table);
      }
      return {
        ...down,
        transaction(stores, mode, options) {
          const widened =
            mode === 'readwrite' && hasLog && !stores.includes(CHANGES_TABLE) && stores.some((s) => SHARED.has(s))
              ? [...stores, CHANGES_TABLE]
              : stores;
          return down.transaction(widened, mode, options);
        },
        table(name) {
          const table = down.table(name);
          if (!SHARED.has(name)) return table;
          const keyOf = (value: unknown): string => table.schema.primaryKey.extractKey!(value) as string;
          return {
            ...table,
            async mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
              const native = req.trans as unknown as IDBTransaction;
              if (native.mode === 'versionchange' || !hasLog) return table.mutate(req);
              const origin = origins.get(native);
              if (origin && 'fromSync' in origin) return table.mutate(req);
              const by = origin?.by ?? null;
              const at = new Date().toISOString();
              const tableName = name as SharedTable;
              if (req.type === 'deleteRange') {
                // A clear or a range delete: note which records it removes before they are gone.
                const { result } = await table.query({
                  trans: req.trans,
                  values: false,
                  query: { index: table.schema.primaryKey, range: req.range },
                });
                const response = await table.mutate(req);
                if (result.length)
                  await note(req.trans, { at, table: tableName, op: 'delete', keys: result as string[], values: null, by });
                return response;
              }
              const response = await table.mutate(req);
              // A bulk write that is caught part-way keeps what succeeded: note exactly those.
              const done = (i: number): boolean => !response.failures[i];
              if (req.type === 'delete') {
                const keys = (req.keys as string[]).filter((_, i) => done(i));
                if (keys.length) await note(req.trans, { at, table: tableName, op: 'delete', keys, values: null, by });
              } else {
                const values = req.values.filter((_, i) => done(i));
                const keys = req.values.flatMap((value, i) => (done(i) ? [(req.keys?.[i] as string | undefined) ?? keyOf(value)] : []));
                if (keys.length) await note(req.trans, { at, table: tableName, op: 'put', keys, values, by });
              }
              return response;
            },
          };
        },
      };
    },
  };
}
