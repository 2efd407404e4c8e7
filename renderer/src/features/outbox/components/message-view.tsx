import { useMemo, useRef, useState } from 'react';
import type { OutboxEntry } from '@shared/models/email';

/** No scripts, no remote content, no forms: the viewer frame may show text and inline images only. */
const VIEWER_CSP = "default-src 'none'; img-src data:";

/** What a person reads after clicking a link in the preview. */
export const LINK_NOTE = 'Links open from the real email, not from this preview.';

/** Where every link in the preview goes: a blank page the frame may always load, never a site. */
const INERT_HREF = 'about:blank';

/** Puts a strict CSP inside the document before it is shown in the sandboxed frame. */
export function withViewerCsp(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${VIEWER_CSP}">`;
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (head) => `${head}${meta}`) : `${meta}${html}`;
}

/**
 * Points every link in the email at about:blank in the same frame, keeping the real address in its
 * title. A link to a real site would be blocked inside the app (its CSP allows no such frame) and
 * leave a broken frame; about:blank loads, and the frame's second `load` tells the page that a link
 * was clicked, with no script inside the frame. `<base>` and meta refresh go too.
 */
export function withInertLinks(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const node of doc.querySelectorAll('base, meta[http-equiv="refresh" i]')) node.remove();
  for (const link of doc.querySelectorAll('a[href], area[href]')) {
    const real = link.getAttribute('href') ?? '';
    for (const name of ['target', 'download', 'ping', 'rel']) link.removeAttribute(name);
    link.setAttribute('href', INERT_HREF);
    link.setAttribute('title', real ? `Opens from the real email: ${real}` : 'Opens from the real email');
  }
  const doctype = doc.doctype ? `<!doctype ${doc.doctype.name}>` : '';
  return `${doctype}${doc.documentElement.outerHTML}`;
}

/** The message as the recipient will see it: rich text in a sandboxed frame, plain text as text. */
export function MessageView({ entry }: { entry: OutboxEntry }) {
  // The frame loads the email once; any later load is a link that was followed to about:blank.
  const loads = useRef(0);
  const srcDoc = useMemo(() => (entry.html ? withViewerCsp(withInertLinks(entry.html)) : ''), [entry.html]);
  const [frame, setFrame] = useState(0);
  const [linkClicked, setLinkClicked] = useState(false);
  const onFrameLoad = () => {
    loads.current += 1;
    if (loads.current < 2) return;
    loads.current = 0;
    setLinkClicked(true);
    setFrame((n) => n + 1); // a fresh frame shows the email again
  };
  return (
    <>
      {entry.html && (
        <>
          <h3>Rich text</h3>
          <iframe
            key={frame}
            className="app-email-frame"
            title={`Rich text of the email: ${entry.subject}`}
            sandbox=""
            referrerPolicy="no-referrer"
            srcDoc={srcDoc}
            onLoad={onFrameLoad}
          />
          <div role="status">{linkClicked && <p className="nhsuk-inset-text nhsuk-u-margin-top-2">{LINK_NOTE}</p>}</div>
          <h3>Plain-text version</h3>
        </>
      )}
      <pre className="app-email-text" tabIndex={0} aria-label="Plain text of the email">
        {entry.text}
      </pre>
    </>
  );
}
