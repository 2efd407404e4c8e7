/**
 * `npm run test:quick` (`node test/run-all.mjs --quick`) sets DOSDESK_QUICK=1: the soak tests, which
 * take minutes each, are skipped there and run in `npm test` (and so on CI). Mark one with
 * `describe.skipIf(QUICK)`.
 */
export const QUICK = Boolean(process.env.DOSDESK_QUICK);
