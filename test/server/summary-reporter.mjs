import { mkdirSync, writeFileSync } from 'node:fs';
import { fixturesFound, fixturesMissingLine } from './fixtures.mjs';

/**
 * Prints one plain `N passed, N failed, N skipped` line and writes it to test-results/summary.json for CI.
 * Failed tests are listed again just above that line (file, test path, first lines of the error),
 * so a CI log that keeps only its tail still says what failed.
 */
export function summaryReporter() {
  let counts = { passed: 0, failed: 0, skipped: 0 };
  let failures = [];
  const count = (suite, testFile, path) => {
    for (const test of suite.tests) {
      if (test.skipped) counts.skipped++;
      else if (test.passed) counts.passed++;
      else {
        counts.failed++;
        failures.push({ testFile, name: [...path, test.name].join(' › '), error: test.error });
      }
    }
    for (const child of suite.suites) count(child, testFile, [...path, child.name]);
  };
  return {
    onTestRunFinished({ sessions }) {
      counts = { passed: 0, failed: 0, skipped: 0 };
      failures = [];
      for (const session of sessions) {
        if (session.testResults) count(session.testResults, session.testFile, []);
        // A file that failed to load or threw outside a test counts as one failure.
        if (!session.passed && (session.errors?.length || !session.testResults)) {
          counts.failed++;
          failures.push({ testFile: session.testFile, name: '(file)', error: session.errors?.[0] });
        }
      }
      mkdirSync('test-results', { recursive: true });
      writeFileSync('test-results/summary.json', JSON.stringify({ ...counts, failures }, null, 2));
    },
    stop() {
      if (failures.length) console.log('\nFailed tests:');
      for (const { testFile, name, error } of failures) {
        const message = String(error?.message ?? error ?? '')
          .split('\n')
          .slice(0, 4)
          .join('\n    ');
        console.log(`  ✗ ${testFile.replace(process.cwd() + '/', '')} — ${name}\n    ${message}`);
      }
      // Tests that read third-party course packages skip without them (a fresh clone): say so once.
      if (counts.skipped && !fixturesFound())
        console.log(
          `\n${fixturesMissingLine(`${counts.skipped} ${counts.skipped === 1 ? 'test that plays' : 'tests that play'} third-party packages`)}`,
        );
      console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
    },
  };
}
