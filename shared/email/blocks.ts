/**
 * The parts an email is made of. A template lists its blocks once; `render.ts` writes the same
 * blocks as plain text and as HTML, so the two versions of a message cannot drift apart.
 */
export type Block =
  /** A paragraph DoS Desk writes; `strong` makes it bold in HTML (the deadline people must not miss). */
  | { kind: 'paragraph'; text: string; strong?: boolean }
  /** A sentence ending in a link: the address on its own line in text, a named link in HTML. */
  | { kind: 'link'; text: string; href: string; label: string }
  /** Label and value pairs: "Label: value" lines in text, a two-column table in HTML. */
  | { kind: 'rows'; rows: readonly (readonly [string, string])[] }
  /**
   * Text a person typed, kept as typed in the text version; in HTML its blank lines separate
   * paragraphs and, with `links`, https addresses become links. With `label`, "Label: text".
   */
  | { kind: 'typed'; text: string; label?: string; links?: boolean }
  /** The sign-off: an optional closing ("Kind regards,") and then the sender's lines. */
  | { kind: 'signature'; closing?: string; lines: readonly string[] };

/** A whole message: the subject, its blocks, and whether it is only ever sent as plain text. */
export interface EmailDocument {
  subject: string;
  blocks: readonly Block[];
  plainOnly?: boolean;
}

export const paragraph = (text: string, strong = false): Block =>
  strong ? { kind: 'paragraph', text, strong } : { kind: 'paragraph', text };
export const rows = (pairs: readonly (readonly [string, string])[]): Block => ({ kind: 'rows', rows: pairs });
export const typed = (text: string, options: { label?: string; links?: boolean } = {}): Block => ({ kind: 'typed', text, ...options });
export const link = (text: string, href: string, label: string): Block => ({ kind: 'link', text, href, label });

/** The sender's name and role, after "Kind regards," unless `closing` is null. */
export function signature(
  sender: { senderName: string; senderRole: string },
  options: { closing?: string | null; extra?: readonly string[] } = {},
): Block {
  const closing = options.closing === undefined ? 'Kind regards,' : options.closing;
  const lines = [sender.senderName, sender.senderRole, ...(options.extra ?? [])];
  return closing === null ? { kind: 'signature', lines } : { kind: 'signature', closing, lines };
}
