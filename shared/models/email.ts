import { z } from 'zod';
import { emailAddress, singleLine } from './text';

/** How a message leaves DoS Desk (issue 3): the mail program, SMTP, or copy and paste into webmail. */
export const DeliveryMethod = z.enum(['mail-client', 'smtp', 'copy'], { error: 'Choose how to send the email' });
export type DeliveryMethod = z.infer<typeof DeliveryMethod>;

export const DELIVERY_LABELS: Record<DeliveryMethod, string> = {
  'mail-client': 'Open in my email program',
  smtp: 'Send directly (SMTP)',
  copy: 'Copy and paste into webmail',
};

/** Plain text only, or rich text (HTML with a plain-text alternative). */
export const EmailFormat = z.enum(['plain', 'rich'], { error: 'Choose plain text or rich text' });
export type EmailFormat = z.infer<typeof EmailFormat>;

export const Mailbox = z
  .object({
    name: singleLine('a name', 100).optional(),
    address: emailAddress(),
  })
  .strict();
export type Mailbox = z.infer<typeof Mailbox>;

export const Recipients = z
  .array(Mailbox, { error: 'Add at least one recipient' })
  .min(1, { error: 'Add at least one recipient' })
  .max(20, { error: 'Send to 20 recipients or fewer' });

/** Where a message is in the outbox. */
export const OutboxStatus = z.enum([
  'queued',
  'sending',
  'sent',
  'retrying',
  'needs-attention',
  /** The connection was lost after the whole message went out (or DoS Desk stopped mid-send): a person checks. */
  'may-have-been-sent',
  /** Its entry file could not be read; the .eml is kept and listed from its own headers. */
  'damaged',
  'handed-to-mail-client',
  'copied',
  'cancelled',
]);
export type OutboxStatus = z.infer<typeof OutboxStatus>;

export const STATUS_LABELS: Record<OutboxStatus, string> = {
  queued: 'Queued',
  sending: 'Sending',
  sent: 'Sent',
  retrying: 'Failed – will retry',
  'needs-attention': 'Failed – needs attention',
  'may-have-been-sent': 'May have been sent',
  damaged: 'Damaged – needs attention',
  'handed-to-mail-client': 'Handed to mail program',
  copied: 'Copied',
  cancelled: 'Cancelled',
};

/** Statuses that still need something to happen. */
export const OPEN_STATUSES: readonly OutboxStatus[] = ['queued', 'sending', 'retrying', 'needs-attention', 'may-have-been-sent', 'damaged'];

/** What a person is told to do about a message that may have been sent. */
export const MAY_HAVE_BEEN_SENT_ADVICE = 'May have been sent: check your Sent folder or ask the recipient';

/** One message in the outbox, as main stores it (`<data folder>/outbox/entries/<id>.json`). */
export interface OutboxEntry {
  id: string;
  /** RFC 5322 Message-ID, stable for the entry's life: `<id@dos-desk.local>`. */
  messageId: string;
  template: string;
  from: Mailbox;
  to: Mailbox[];
  cc: Mailbox[];
  subject: string;
  text: string;
  html: string | null;
  format: EmailFormat;
  delivery: DeliveryMethod;
  status: OutboxStatus;
  attempts: number;
  /** The server's or the system's words for the last failure. */
  lastError: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
  /** Where the .eml for this message is. */
  emlPath: string;
  /** Who queued it, for the audit trail. */
  operatorId: string;
  /** What it is about, such as a request id, so features can find their emails. */
  relatedTo: string | null;
}

/** The outbox list without bodies. */
export type OutboxSummary = Omit<OutboxEntry, 'text' | 'html'>;

export interface OutboxCounts {
  total: number;
  byStatus: Record<OutboxStatus, number>;
}
