/**
 * The accessibility bar for every axe check in the tests (e2e specs and renderer tests): WCAG 2.0,
 * 2.1 and 2.2 at levels A and AA. One list, so no spec checks less than another.
 */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

/** Rules no check turns off; add one here, with its reason, rather than in a spec. */
export const AXE_DISABLED_RULES: readonly string[] = [];
