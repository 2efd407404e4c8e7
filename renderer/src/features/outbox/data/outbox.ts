import { useCallback, useEffect, useState } from 'react';
import type { DosDeskApi } from '@shared/ipc/api';
import type { QueueEmailArgs } from '@shared/ipc/contract';
import type { IpcResult } from '@shared/ipc/result';
import type { OutboxStatus, OutboxSummary } from '@shared/models/email';
import type { DosDeskDb } from '../../../db/database';
import { fromMain, requireOperator } from '../../../db/guards';
import { auditEmail, queueEmailAudited } from '../../../entities/email/outbox-audit';
import { useApi } from '../../../platform/api-context';
import { useOutboxVersion } from '../store';
import { useDesk } from '../../../entities/desk/desk-context';

/**
 * Queues an email no record causes (a note composed on its own) through main, which renders,
 * composes and stores it, then audits it through `change()`.
 */
export const queueEmail = queueEmailAudited;

/**
 * What a person can do to a message; each is audited as `email.<action>` through `change()`, once
 * main has made it (main owns the outbox). `mark-sent` and `send-again` answer a message that may
 * have been sent (issue 15).
 */
type EntryAction = 'retry' | 'cancel' | 'mark-copied' | 'mark-sent' | 'send-again';

export async function changeEmail(
  db: DosDeskDb,
  api: DosDeskApi,
  operatorId: string | null,
  id: string,
  action: EntryAction,
): Promise<OutboxSummary> {
  const operator = await requireOperator(db, operatorId);
  const call = {
    retry: api.retryEmail,
    cancel: api.cancelEmail,
    'mark-copied': api.markEmailCopied,
    'mark-sent': api.markEmailSent,
    'send-again': api.queueEmailAgain,
  }[action];
  const entry = fromMain(await call(id));
  await auditEmail({ db, operatorId: operator.id }, `email.${action}`, entry);
  return entry;
}

/** Actions bound to the desk, refreshing outbox views afterwards. */
export function useOutboxActions() {
  const { db, api, operatorId } = useDesk();
  const bump = useOutboxVersion((s) => s.bump);
  const after = useCallback(
    async <T>(work: Promise<T>): Promise<T> => {
      try {
        return await work;
      } finally {
        bump();
      }
    },
    [bump],
  );
  return {
    queue: useCallback(
      (args: Omit<QueueEmailArgs, 'operatorId'>) => after(queueEmail(db, api, operatorId, args)),
      [after, db, api, operatorId],
    ),
    change: useCallback(
      (id: string, action: EntryAction) => after(changeEmail(db, api, operatorId, id, action)),
      [after, db, api, operatorId],
    ),
    exportEml: useCallback(async (id: string) => fromMain(await api.exportEml(id)), [api]),
    /** Copies through main's clipboard where there is one (Electron), else the browser's. */
    copyText: useCallback(
      async (text: string): Promise<boolean> => {
        const viaMain = await api.copyText(text);
        if (viaMain.ok && viaMain.data.copied) return true;
        try {
          await navigator.clipboard.writeText(text);
          return true;
        } catch {
          return false;
        }
      },
      [api],
    ),
  };
}

/**
 * Loads with `load` now, after every change made in this window (the outbox version), and whenever
 * main says the outbox changed (`outbox:changed`, pushed by main: no polling). At most one load is
 * in flight; changes that arrive meanwhile (a restore puts back hundreds) make one more load after it.
 */
function useOutboxData<T>(load: () => Promise<IpcResult<T>>, deps: unknown[]): { data: T | undefined; error: string | null } {
  const api = useApi();
  const version = useOutboxVersion((s) => s.version);
  const [state, setState] = useState<{ data: T | undefined; error: string | null }>({ data: undefined, error: null });
  useEffect(() => {
    let alive = true;
    let loading = false;
    let again = false;
    const run = async () => {
      if (loading) {
        again = true;
        return;
      }
      loading = true;
      try {
        do {
          again = false;
          const result = await load();
          if (!alive) return;
          setState(result.ok ? { data: result.data, error: null } : (s) => ({ ...s, error: result.error.message }));
        } while (again);
      } finally {
        loading = false;
      }
    };
    void run();
    const stop = api.on('outbox:changed', () => void run());
    return () => {
      alive = false;
      stop();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, api, version]);
  return state;
}

/** The outbox list (optionally one status), newest first. */
export function useOutboxList(status?: OutboxStatus) {
  const api = useApi();
  return useOutboxData(() => api.listOutbox(status), [api, status]);
}

export function useOutboxCounts() {
  const api = useApi();
  return useOutboxData(() => api.getOutboxCounts(), [api]);
}

export function useOutboxEntry(id: string) {
  const api = useApi();
  return useOutboxData(() => api.getOutboxEntry(id), [api, id]);
}

/** Tells main the connection is back whenever the window comes online. */
export function useRetryWhenOnline(): void {
  const api = useApi();
  const bump = useOutboxVersion((s) => s.bump);
  useEffect(() => {
    const online = () => void api.connectionReturned().then(() => bump());
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [api, bump]);
}

/**
 * Counts for the header badge: waiting (queued, sending, retrying) and failed (needs attention,
 * may have been sent, damaged: each waits for a person).
 */
export function useOutboxBadge(): { waiting: number; failed: number } {
  const { data: counts } = useOutboxCounts();
  if (!counts) return { waiting: 0, failed: 0 };
  const s = counts.byStatus;
  return { waiting: s.queued + s.sending + s.retrying, failed: s['needs-attention'] + s['may-have-been-sent'] + s.damaged };
}
