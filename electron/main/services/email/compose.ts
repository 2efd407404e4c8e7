import MailComposer from 'nodemailer/lib/mail-composer';
import type { Mailbox } from '../../../../shared/models/email';
import { UserFacingError } from '../user-error';

/** Header-breaking characters: CR, LF, NUL and the other controls, and Unicode line separators. */
const HEADER_BREAKERS = /[\u0000-\u001f\u007f\u2028\u2029]/;

export interface ComposeInput {
  messageId: string;
  date: Date;
  from: Mailbox;
  to: Mailbox[];
  cc: Mailbox[];
  subject: string;
  text: string;
  /** Present for rich text: the message becomes multipart/alternative. */
  html: string | null;
  /** Mail-client drafts carry `X-Unsent: 1` so the mail program opens them ready to send. */
  draft: boolean;
}

function checkHeader(label: string, value: string): void {
  if (HEADER_BREAKERS.test(value)) {
    throw new UserFacingError(
      `The ${label} contains a line break or control character, so the email was not created. Remove it and try again.`,
    );
  }
}

/** Checks every value that goes into a header; a second line of defence behind the IPC schema. */
export function assertHeadersSafe(input: Pick<ComposeInput, 'from' | 'to' | 'cc' | 'subject' | 'messageId'>): void {
  checkHeader('subject', input.subject);
  checkHeader('Message-ID', input.messageId);
  for (const [label, box] of [
    ['sender', input.from] as const,
    ...input.to.map((b) => ['recipient', b] as const),
    ...input.cc.map((b) => ['copy recipient', b] as const),
  ]) {
    checkHeader(`${label}'s address`, box.address);
    if (box.name) checkHeader(`${label}'s name`, box.name);
    if (!/^[^\s@<>,;:"()[\]\\]+@[^\s@<>,;:"()[\]\\]+$/.test(box.address)) {
      throw new UserFacingError(`The ${label}'s address "${box.address.slice(0, 80)}" is not a valid email address.`);
    }
  }
}

/**
 * Builds an RFC 5322 message with nodemailer's MailComposer: UTF-8, a single text/plain part for
 * plain text, multipart/alternative (text + HTML) for rich text.
 */
export async function composeMessage(input: ComposeInput): Promise<Buffer> {
  assertHeadersSafe(input);
  const composer = new MailComposer({
    from: { name: input.from.name ?? '', address: input.from.address },
    to: input.to.map((b) => ({ name: b.name ?? '', address: b.address })),
    cc: input.cc.length ? input.cc.map((b) => ({ name: b.name ?? '', address: b.address })) : undefined,
    subject: input.subject,
    text: input.text,
    html: input.html ?? undefined,
    messageId: input.messageId,
    date: input.date,
    textEncoding: 'quoted-printable',
    headers: input.draft ? { 'X-Unsent': '1' } : {},
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return composer.compile().build();
}
