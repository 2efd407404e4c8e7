#!/usr/bin/env node
// `npm test`: typecheck, lint, build, then every Vitest project (node, renderer, e2e), ending with
// one line `N passed, N failed` that totals all of it. Each of typecheck, lint and build counts as
// one check; every test counts as one.
// `npm run test:quick` (`--quick`): the same, without the soak tests (test/support/quick.ts), which
// it counts as skipped.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const quick = process.argv.includes('--quick');
const env = quick ? { ...process.env, DOSDESK_QUICK: '1' } : process.env;

let passed = 0;
let failed = 0;
let skipped = 0;

function step(name, command, args) {
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const run = spawnSync(command, args, { stdio: 'inherit', env });
  if (run.status === 0) passed++;
  else {
    failed++;
    console.log(`✖ ${name} failed (exit ${run.status ?? run.signal})`);
  }
  return run.status === 0;
}

step('typecheck', 'npm', ['run', '--silent', 'typecheck']);
step('lint', 'npm', ['run', '--silent', 'lint']);
step('build', 'npx', ['electron-vite', 'build']);

const report = join(mkdtempSync(join(tmpdir(), 'dosdesk-test-')), 'vitest.json');
console.log(`\n▶ vitest: node, renderer and e2e projects${quick ? ', without the soak tests' : ''}`);
const vitest = spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], {
  stdio: 'inherit',
  env,
});
if (existsSync(report)) {
  const result = JSON.parse(readFileSync(report, 'utf8'));
  passed += result.numPassedTests;
  failed += result.numFailedTests;
  skipped += result.numPendingTests + (result.numTodoTests ?? 0);
  // A file that failed to load has no tests in it but is still a failure.
  failed += result.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length;
  if (vitest.status !== 0 && result.numFailedTests === 0 && result.numFailedTestSuites === 0) failed++;
} else {
  console.log('✖ vitest produced no report');
  failed++;
}

console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 ? 0 : 1);
