import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderTemplate, TEMPLATE_IDS } from '../../../shared/email/templates';
import { TEMPLATE_CASES } from './template-cases';

/**
 * Every template's text and HTML, as written before the templates became blocks with one renderer
 * (templates.golden.json was written by the code that wrote each template twice): what people
 * receive does not change.
 */
const golden = JSON.parse(readFileSync(join(__dirname, 'templates.golden.json'), 'utf8')) as Record<
  string,
  Record<'plain' | 'rich', unknown>
>;

describe('every template renders as it did', () => {
  it.each(TEMPLATE_CASES)('%s', (name, id, data) => {
    expect(renderTemplate(id, data, 'plain')).toEqual(golden[name]!.plain);
    expect(renderTemplate(id, data, 'rich')).toEqual(golden[name]!.rich);
  });

  it('covers every template', () => {
    expect(new Set(TEMPLATE_CASES.map(([, id]) => id))).toEqual(new Set(TEMPLATE_IDS));
  });
});
