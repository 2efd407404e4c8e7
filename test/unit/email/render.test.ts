import { describe, expect, it } from 'vitest';
import { link, paragraph, rows, signature, typed } from '../../../shared/email/blocks';
import { renderEmail } from '../../../shared/email/render';

const evil = '<img src=x onerror="alert(1)"> & \'quoted\'';

describe('one renderer for text and HTML', () => {
  it('writes each block once as text and once as HTML, escaping every value', () => {
    const email = renderEmail(
      {
        subject: `Subject ${evil}`,
        blocks: [
          paragraph(`Paragraph ${evil}`, true),
          link(`Link ${evil}`, 'https://example.nhs.uk/?a="1"&b=<2>', `Label ${evil}`),
          rows([[`Key ${evil}`, `Value ${evil}\nsecond line`]]),
          typed(`Typed ${evil}\n\nhttps://example.nhs.uk/x`, { label: `Label ${evil}`, links: true }),
          signature({ senderName: `Name ${evil}`, senderRole: 'Role' }),
        ],
      },
      'rich',
    );
    expect(email.text).toBe(
      [
        `Paragraph ${evil}`,
        `Link ${evil}\nhttps://example.nhs.uk/?a="1"&b=<2>`,
        `Key ${evil}: Value ${evil}\nsecond line`,
        `Label ${evil}: Typed ${evil}\n\nhttps://example.nhs.uk/x`,
        `Kind regards,\n\nName ${evil}\nRole`,
      ].join('\n\n'),
    );
    expect(email.html).not.toMatch(/<img|onerror="/);
    expect(email.html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;quoted&#39;');
    expect(email.html).toContain('<a href="https://example.nhs.uk/?a=&quot;1&quot;&amp;b=&lt;2&gt;">');
    expect(email.html).toContain('<a href="https://example.nhs.uk/x">https://example.nhs.uk/x</a>');
    expect(email.html).toContain('<title>Subject &lt;img');
  });

  it('writes no HTML for plain messages or plain-only templates', () => {
    expect(renderEmail({ subject: 's', blocks: [paragraph('p')] }, 'plain').html).toBeNull();
    expect(renderEmail({ subject: 's', blocks: [paragraph('p')], plainOnly: true }, 'rich').html).toBeNull();
  });
});
