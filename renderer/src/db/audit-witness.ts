import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTransaction, Middleware } from 'dexie';
import type { AuditEntry } from '@shared/models/audit';
import type { DosDeskApi } from '@shared/ipc/api';

/** A head of the audit chain: the newest entry's number and hash. */
export interface ChainHead {
  id: number;
  hash: string;
}

/** Raised when anything tries to change or remove an audit entry. The transaction is aborted. */
export class AuditAppendOnlyError extends Error {
  constructor() {
    super('Audit entries cannot be changed or removed: the audit trail only grows. Nothing was changed.');
    this.name = 'AuditAppendOnlyError';
  }
}

/** Where committed chain heads go (main's witness, set at start); null when nothing listens (tests, recovery). */
export interface HeadSink {
  onAuditHead: ((head: ChainHead) => void) | null;
}

/**
 * The audit trail is append-only in the data layer itself, whatever calls it: a Dexie DBCore
 * middleware refuses every put, delete and clear on the audit table (only schema upgrades, which
 * link old entries into the chain, may rewrite). It also notes the newest entry each transaction
 * adds and, once that transaction has committed (never before: an aborted one wrote nothing),
 * hands the head to the sink, which sends it to main's witness.
 */
export function auditMiddleware(sink: HeadSink): Middleware<DBCore> {
  const heads = new WeakMap<DBCoreTransaction, ChainHead>();
  return {
    stack: 'dbcore',
    name: 'AuditAppendOnly',
    create(down) {
      return {
        ...down,
        table(name) {
          const table = down.table(name);
          if (name !== 'audit') return table;
          return {
            ...table,
            async mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
              const native = req.trans as unknown as IDBTransaction;
              if (native.mode === 'versionchange') return table.mutate(req);
              if (req.type !== 'add') throw new AuditAppendOnlyError();
              const result = await table.mutate(req);
              const last = req.values[req.values.length - 1] as AuditEntry | undefined;
              const id = last?.id ?? (typeof result.lastResult === 'number' ? result.lastResult : undefined);
              if (result.numFailures === 0 && last?.hash && typeof id === 'number') {
                const known = heads.has(req.trans);
                heads.set(req.trans, { id, hash: last.hash });
                if (!known && typeof native.addEventListener === 'function') {
                  native.addEventListener('complete', () => {
                    const head = heads.get(req.trans);
                    if (head) sink.onAuditHead?.(head);
                  });
                }
              }
              return result;
            },
          };
        },
      };
    },
  };
}

export interface WitnessConnection {
  /** Resolves when every head handed over so far has been witnessed (or refused). */
  flush(): Promise<void>;
}

/**
 * Sends committed heads to main, newest only (a head witnesses every entry before it), one call at
 * a time. A refusal or failure leaves the entries "not yet witnessed", which Verify reports, until
 * a later head is accepted; it is logged for support, never shown as if all were well.
 */
export function connectWitness(sink: HeadSink, api: Pick<DosDeskApi, 'anchorAudit'>): WitnessConnection {
  let latest: ChainHead | null = null;
  let sending: Promise<void> | null = null;

  async function drain(): Promise<void> {
    while (latest) {
      const head = latest;
      latest = null;
      try {
        const result = await api.anchorAudit(head);
        if (!result.ok) console.warn(`[audit] entry ${head.id} was not witnessed: ${result.error.message}`);
      } catch (error) {
        console.warn(`[audit] entry ${head.id} was not witnessed`, error);
      }
    }
  }

  const start = (): void => {
    sending = drain().finally(() => {
      sending = null;
      if (latest) start();
    });
  };
  sink.onAuditHead = (head) => {
    if (!latest || head.id > latest.id) latest = head;
    if (!sending) start();
  };
  return {
    flush: async () => {
      while (sending) await sending;
    },
  };
}
