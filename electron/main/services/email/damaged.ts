import { stat } from 'node:fs/promises';
import type { OutboxEntry } from '../../../../shared/models/email';
import { readEml } from './eml-reader';

const OUTBOX_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Outbox files are named by the message's UUID; anything else in the folder is not ours. */
export function isOutboxId(id: string): boolean {
  return OUTBOX_ID.test(id);
}

/**
 * An outbox entry rebuilt from a .eml whose own entry file is unreadable (`entryFile`) or missing
 * (null: DoS Desk stopped between writing the .eml and its entry). Status `damaged`: only a person
 * decides whether it is sent, saved or cancelled, since nobody knows whether it already went.
 */
export async function damagedEntry(input: { id: string; emlPath: string; raw: string; entryFile: string | null }): Promise<OutboxEntry> {
  const eml = readEml(input.raw);
  const written = eml.date ?? (await stat(input.emlPath)).mtime;
  const lastError = input.entryFile
    ? `The outbox record for this email could not be read, so DoS Desk does not know whether it was sent. The email itself is kept. Check your Sent folder or ask the recipient, then send it again, save it as an .eml file, or cancel it. The damaged record is kept at ${input.entryFile}.`
    : 'DoS Desk stopped while it was putting this email in the outbox, so it may never have been queued or sent. The email itself is kept: send it, save it as an .eml file, or cancel it.';
  return {
    id: input.id,
    messageId: eml.messageId ?? `<${input.id}@dos-desk.local>`,
    template: 'unknown',
    from: eml.from ?? { address: '' },
    to: eml.to,
    cc: eml.cc,
    subject: eml.subject || '(no subject)',
    text: eml.text ?? input.raw,
    html: null,
    format: eml.rich ? 'rich' : 'plain',
    delivery: eml.draft ? 'mail-client' : 'smtp',
    status: 'damaged',
    attempts: 0,
    lastError,
    nextAttemptAt: null,
    createdAt: written.toISOString(),
    updatedAt: written.toISOString(),
    sentAt: null,
    emlPath: input.emlPath,
    operatorId: '',
    relatedTo: null,
  };
}
