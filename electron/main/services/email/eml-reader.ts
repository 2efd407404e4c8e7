import addressparser from 'nodemailer/lib/addressparser';
import type { Mailbox } from '../../../../shared/models/email';

/** What a person needs to recognise a stored message, read back from the .eml alone. */
export interface EmlSummary {
  messageId: string | null;
  subject: string;
  from: Mailbox | null;
  to: Mailbox[];
  cc: Mailbox[];
  date: Date | null;
  /** `X-Unsent: 1`: a draft written for the mail program. */
  draft: boolean;
  /** multipart/alternative: written as rich text. */
  rich: boolean;
  /** The plain-text part, decoded; null when it could not be found. */
  text: string | null;
}

/**
 * Reads the headers (and the plain-text part) of a message DoS Desk composed, without mailparser
 * (a test-only dependency): unfolds header lines, decodes RFC 2047 encoded words and splits address
 * lists with nodemailer's own address parser. Never throws: what cannot be read is left empty.
 */
export function readEml(raw: string): EmlSummary {
  const { headers, body } = splitHeaders(raw);
  const one = (name: string) => headers.get(name)?.[0] ?? null;
  const dateHeader = one('date');
  const date = dateHeader ? new Date(dateHeader) : null;
  const contentType = one('content-type') ?? 'text/plain';
  return {
    messageId: /<[^<>\s]+>/.exec(one('message-id') ?? '')?.[0] ?? null,
    subject: decodeWords(one('subject') ?? '').trim(),
    from: mailboxes(one('from'))[0] ?? null,
    to: mailboxes(one('to')),
    cc: mailboxes(one('cc')),
    date: date && !Number.isNaN(date.getTime()) ? date : null,
    draft: (one('x-unsent') ?? '').trim() === '1',
    rich: /^\s*multipart\/alternative/i.test(contentType),
    text: plainText(contentType, one('content-transfer-encoding'), body),
  };
}

function splitHeaders(raw: string): { headers: Map<string, string[]>; body: string } {
  const end = /\r?\n\r?\n/.exec(raw);
  const head = end ? raw.slice(0, end.index) : raw;
  const body = end ? raw.slice(end.index + end[0].length) : '';
  const headers = new Map<string, string[]>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    headers.set(name, [...(headers.get(name) ?? []), line.slice(colon + 1).trim()]);
  }
  return { headers, body };
}

function mailboxes(value: string | null): Mailbox[] {
  if (!value) return [];
  return addressparser(value, { flatten: true })
    .filter((a) => a.address)
    .map((a) => {
      const name = decodeWords(a.name ?? '').trim();
      return name ? { name, address: a.address } : { address: a.address };
    });
}

/** RFC 2047: `=?utf-8?B?…?=` and `=?utf-8?Q?…?=`; the space between two encoded words is dropped. */
export function decodeWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?[^?]+\?[BbQq]\?[^?]*\?=)/g, '$1')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (whole, charset: string, encoding: string, text: string) => {
      try {
        const bytes = encoding.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : quotedPrintableBytes(text.replace(/_/g, ' '));
        return new TextDecoder(charset.replace(/\*.*$/, '')).decode(bytes);
      } catch {
        return whole;
      }
    });
}

function quotedPrintableBytes(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(text[i]!, 'utf8'));
  }
  return Buffer.from(bytes);
}

function decodeBody(body: string, transferEncoding: string | null, contentType: string): string {
  const charset = /charset="?([^";\s]+)"?/i.exec(contentType)?.[1] ?? 'utf-8';
  const encoding = (transferEncoding ?? '7bit').trim().toLowerCase();
  const bytes =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64')
      : encoding === 'quoted-printable'
        ? quotedPrintableBytes(body.replace(/=\r?\n/g, ''))
        : Buffer.from(body, 'utf8');
  return new TextDecoder(charset).decode(bytes).replace(/\r\n/g, '\n');
}

function plainText(contentType: string, transferEncoding: string | null, body: string): string | null {
  try {
    if (/^\s*text\/plain/i.test(contentType)) return decodeBody(body, transferEncoding, contentType);
    const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
    if (!boundary) return null;
    for (const part of body.split(`--${boundary}`).slice(1)) {
      const { headers, body: partBody } = splitHeaders(part.replace(/^\r?\n/, ''));
      const type = headers.get('content-type')?.[0] ?? 'text/plain';
      if (/^\s*text\/plain/i.test(type)) {
        return decodeBody(partBody.replace(/\r?\n$/, ''), headers.get('content-transfer-encoding')?.[0] ?? null, type);
      }
    }
    return null;
  } catch {
    return null;
  }
}
