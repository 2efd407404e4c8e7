import type { OutboxEntry } from '@shared/models/email';

/** No scripts, no remote content, no forms: the viewer frame may show text and inline images only. */
const VIEWER_CSP = "default-src 'none'; img-src data:";

/** Puts a strict CSP inside the document before it is shown in the sandboxed frame. */
export function withViewerCsp(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${VIEWER_CSP}">`;
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (head) => `${head}${meta}`) : `${meta}${html}`;
}

/** The message as the recipient will see it: rich text in a sandboxed frame, plain text as text. */
export function MessageView({ entry }: { entry: OutboxEntry }) {
  return (
    <>
      {entry.html && (
        <>
          <h3>Rich text</h3>
          <iframe
            className="app-email-frame"
            title={`Rich text of the email: ${entry.subject}`}
            sandbox=""
            referrerPolicy="no-referrer"
            srcDoc={withViewerCsp(entry.html)}
          />
          <h3>Plain-text version</h3>
        </>
      )}
      <pre className="app-email-text" tabIndex={0} aria-label="Plain text of the email">
        {entry.text}
      </pre>
    </>
  );
}
