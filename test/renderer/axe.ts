import axe from 'axe-core';
import { AXE_DISABLED_RULES, AXE_TAGS } from '../support/axe-rules';

/** The tests' one accessibility bar on the page as jsdom has it; contrast is left to the e2e specs (jsdom does not paint). */
export async function axeProblems(root: Element = document.body): Promise<string[]> {
  const result = await axe.run(root, {
    runOnly: { type: 'tag', values: [...AXE_TAGS] },
    rules: Object.fromEntries([...AXE_DISABLED_RULES, 'color-contrast'].map((id) => [id, { enabled: false }])),
  });
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
