/**
 * One renderer for every email: the same blocks written as plain text and as HTML. HTML is built
 * only from escaped values.
 */
import type { EmailFormat } from '../models/email';
import type { Block, EmailDocument } from './blocks';
import { escapeHtml, textToHtmlParagraphs } from './escape';

export interface RenderedEmail {
  subject: string;
  text: string;
  /** Null for plain-text messages. */
  html: string | null;
}

function blockText(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return block.text;
    case 'link':
      return `${block.text}\n${block.href}`;
    case 'rows':
      return block.rows.map(([label, value]) => `${label}: ${value}`).join('\n');
    case 'typed':
      return block.label ? `${block.label}: ${block.text}` : block.text;
    case 'signature':
      return block.closing ? `${block.closing}\n\n${block.lines.join('\n')}` : block.lines.join('\n');
  }
}

/** Escaped text with https links made clickable. */
function linkify(html: string): string {
  return html.replace(/https:\/\/[^\s<"']+/g, (url) => `<a href="${url}">${url}</a>`);
}

const escapeLines = (text: string) => escapeHtml(text).replace(/\n/g, '<br>');

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return block.strong ? `<p><strong>${escapeLines(block.text)}</strong></p>` : `<p>${escapeLines(block.text)}</p>`;
    case 'link':
      return `<p>${escapeHtml(block.text)}<br><a href="${escapeHtml(block.href)}">${escapeHtml(block.label)}</a></p>`;
    case 'rows':
      return `<table>${block.rows
        .map(([label, value]) => `<tr><th scope="row" align="left">${escapeHtml(label)}</th><td>${escapeLines(value)}</td></tr>`)
        .join('')}</table>`;
    case 'typed': {
      const body = textToHtmlParagraphs(block.text);
      const html = block.links ? linkify(body) : body;
      return block.label ? `<p><strong>${escapeHtml(block.label)}:</strong></p>\n${html}` : html;
    }
    case 'signature':
      return `<p>${[...(block.closing ? [block.closing] : []), ...block.lines].map(escapeHtml).join('<br>')}</p>`;
  }
}

function wrapHtml(title: string, bodyHtml: string): string {
  return [
    '<!doctype html>',
    '<html lang="en-GB"><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    // No inline styles: the message looks the same in DoS Desk's strict-CSP viewer as in the recipient's mail program.
    '</head><body>',
    bodyHtml,
    '</body></html>',
  ].join('\n');
}

/** The message as text (blocks separated by a blank line) and, unless plain, as HTML. */
export function renderEmail(email: EmailDocument, format: EmailFormat): RenderedEmail {
  const text = email.blocks.map(blockText).join('\n\n');
  if (format === 'plain' || email.plainOnly) return { subject: email.subject, text, html: null };
  return { subject: email.subject, text, html: wrapHtml(email.subject, email.blocks.map(blockHtml).join('\n')) };
}
