import type { Table } from 'dexie';
import type { QueueEmailArgs } from '@shared/ipc/contract';
import type { OutboxSummary } from '@shared/models/email';
import { NoOperatorError } from '../../db/audit';
import { fromMain } from '../../db/guards';
import { plainErrorMessage } from '../../platform/plain-error';
import { change, type AuditNote, type ChangeContext, type Desk } from '../desk/change';

/** A change was saved, but the email it causes could not be queued: the record shows it as not queued. */
export class EmailNotQueuedError extends Error {
  constructor(
    readonly saved: string,
    readonly problem: string,
  ) {
    super(`${saved}, but the email could not be queued: ${problem} Use "Queue the email again" on this page once that is put right.`);
    this.name = 'EmailNotQueuedError';
  }
}

/**
 * The email went into the outbox, but noting it on the record that caused it failed (the record
 * was removed meanwhile, or the disk filled). The person must not queue it again.
 */
export class EmailQueuedNotNotedError extends Error {
  constructor(subject: string, problem: string) {
    super(
      `The email "${subject}" is in the outbox, but DoS Desk could not note that on the record: ${problem} Do not queue it again; open the Outbox to see it.`,
    );
    this.name = 'EmailQueuedNotNotedError';
  }
}

/** An email as a change asks for it: who it is from and how it goes are the desk's. */
export type EmailDraft = Omit<QueueEmailArgs, 'operatorId' | 'delivery'>;

/** A change that also emails: what was saved, and the email or why it was not queued. */
export interface EmailOutcome<T> {
  result: T;
  email: OutboxSummary | null;
  /** Why the email was not queued, in words; the change itself was saved. */
  emailProblem: string | null;
}

/** The audit entry for an email put in the outbox (or changed there). */
export function emailAuditNote(action: string, entry: OutboxSummary): AuditNote {
  const to = entry.to.map((m) => m.address).join(', ');
  return {
    entity: 'email',
    entityId: entry.id,
    subject: `email "${entry.subject}" to ${to}`,
    action,
    before: null,
    after: { status: entry.status, subject: entry.subject, to: entry.to, delivery: entry.delivery, relatedTo: entry.relatedTo },
  };
}

/** Asks main to queue an email as the desk's operator. Throws main's refusal (an InputError when it names a field). */
export async function queueThroughMain(desk: Desk, operatorId: string, draft: EmailDraft): Promise<OutboxSummary> {
  return fromMain(await desk.api.queueEmail({ ...draft, delivery: desk.delivery, operatorId }));
}

/**
 * The second half of an action that emails: queue the email through main, then, in one change,
 * audit it and keep its outbox id on the record that caused it (`attach`). Used by the first try
 * and by "Queue the email again" alike. When main cannot queue it, the record stands and the
 * outcome says why, so the screen can offer to queue it again.
 */
export async function emailAfterChange<T>(
  desk: Desk,
  tables: readonly Table[],
  result: T,
  draft: EmailDraft,
  attach: ((ctx: ChangeContext, result: T, email: OutboxSummary) => Promise<T>) | null,
): Promise<EmailOutcome<T>> {
  let email: OutboxSummary;
  try {
    if (!desk.operatorId) throw new NoOperatorError();
    email = await queueThroughMain(desk, desk.operatorId, draft);
  } catch (error) {
    return { result, email: null, emailProblem: plainErrorMessage(error) };
  }
  try {
    const attached = await change(desk, tables, async (ctx) => {
      await ctx.audit(emailAuditNote('email.queue', email));
      return attach ? attach(ctx, result, email) : result;
    });
    return { result: attached, email, emailProblem: null };
  } catch (error) {
    // The email is in the outbox: saying "not queued" here would invite sending it twice.
    throw new EmailQueuedNotNotedError(email.subject, plainErrorMessage(error));
  }
}

/**
 * The one order for every action that also emails: the change is written first (records, audit
 * entry and change log in one transaction), and only once it has committed is the email queued,
 * then its outbox id kept on the record. A change that fails sends nothing; an email that cannot
 * be queued leaves the change saved and says so (never an email about something that did not
 * happen, such as a rejection of a request that is still outstanding).
 */
export async function changeThenEmail<T>(
  desk: Desk,
  tables: readonly Table[],
  body: (ctx: ChangeContext) => Promise<{ result: T; email: EmailDraft | null }>,
  attach: ((ctx: ChangeContext, result: T, email: OutboxSummary) => Promise<T>) | null,
  now: Date = new Date(),
): Promise<EmailOutcome<T>> {
  const { result, email } = await change(desk, tables, body, now);
  if (!email) return { result, email: null, emailProblem: null };
  return emailAfterChange(desk, tables, result, email, attach);
}

/**
 * For actions whose result is the record: the record, or, when its email could not be queued, the
 * error saying the change was saved and the email was not (the record shows it as not queued).
 */
export function savedWithEmail<T>(outcome: EmailOutcome<T>, saved: string): T {
  if (outcome.emailProblem) throw new EmailNotQueuedError(saved, outcome.emailProblem);
  return outcome.result;
}

/** An email a record caused that main could not queue at the time: its draft, and how its outbox id is kept on the record. */
export interface EmailToQueueAgain<T> {
  draft: EmailDraft;
  attach: (ctx: ChangeContext, result: T, email: OutboxSummary) => Promise<T>;
}

/**
 * "Queue the email again" for any record: queues each email in turn, keeping its outbox id on the
 * record. Stops at the first one main still refuses, saying how many went before it (`unchanged`
 * when none did). Returns how many were queued.
 */
export async function queueEmailsAgain<T>(
  desk: Desk,
  tables: readonly Table[],
  record: T,
  emails: readonly EmailToQueueAgain<T>[],
  unchanged: string,
): Promise<number> {
  let queued = 0;
  for (const email of emails) {
    const outcome = await emailAfterChange(desk, tables, record, email.draft, email.attach);
    if (outcome.emailProblem) {
      const saved = queued ? `${queued} of the ${emails.length} emails ${queued === 1 ? 'is' : 'are'} now in the outbox` : unchanged;
      throw new EmailNotQueuedError(saved, outcome.emailProblem);
    }
    queued++;
  }
  return queued;
}
