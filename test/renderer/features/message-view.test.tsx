import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LINK_NOTE, MessageView, withInertLinks } from '../../../renderer/src/features/outbox/components/message-view';
import type { OutboxEntry } from '../../../shared/models/email';

const html =
  '<!doctype html><html><head><base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example"></head>' +
  '<body><p>Apply at <a href="https://www.nhs.uk/apply" target="_blank" download ping="https://t.example">https://www.nhs.uk/apply</a></p></body></html>';

describe('links in the email preview', () => {
  it('point at about:blank in the same frame, keep the real address in the title, and lose <base> and refresh', () => {
    const doc = new DOMParser().parseFromString(withInertLinks(html), 'text/html');
    const link = doc.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('about:blank');
    expect(link.getAttribute('title')).toBe('Opens from the real email: https://www.nhs.uk/apply');
    expect(['target', 'download', 'ping'].filter((a) => link.hasAttribute(a))).toEqual([]);
    expect(link.textContent).toBe('https://www.nhs.uk/apply');
    expect(doc.querySelector('base, meta[http-equiv]')).toBeNull();
  });

  it('a followed link (the frame loads again) shows the note and a fresh frame with the email', () => {
    const entry = { subject: 'Rejected', html, text: 'Apply at https://www.nhs.uk/apply' } as OutboxEntry;
    render(<MessageView entry={entry} />);
    const first = screen.getByTitle('Rich text of the email: Rejected');
    fireEvent.load(first);
    expect(screen.getByRole('status')).toHaveTextContent('');
    fireEvent.load(first); // about:blank after a click
    expect(screen.getByRole('status')).toHaveTextContent(LINK_NOTE);
    const fresh = screen.getByTitle('Rich text of the email: Rejected');
    expect(fresh).not.toBe(first);
    expect(fresh.getAttribute('srcdoc')).toContain('Opens from the real email: https://www.nhs.uk/apply');
  });
});
