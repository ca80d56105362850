import { mkdirSync, writeFileSync } from 'node:fs';

/** Prints one plain `N passed, N failed` line and writes it to test-results/summary.json for CI. */
export function summaryReporter() {
  let counts = { passed: 0, failed: 0, skipped: 0 };
  const count = (suite) => {
    for (const test of suite.tests) {
      if (test.skipped) counts.skipped++;
      else if (test.passed) counts.passed++;
      else counts.failed++;
    }
    suite.suites.forEach(count);
  };
  return {
    onTestRunFinished({ sessions }) {
      counts = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        if (session.testResults) count(session.testResults);
        // A file that failed to load or threw outside a test counts as one failure.
        if (!session.passed && (session.errors?.length || !session.testResults)) counts.failed++;
      }
      mkdirSync('test-results', { recursive: true });
      writeFileSync('test-results/summary.json', JSON.stringify(counts));
    },
    stop() {
      console.log(`\n${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`);
    },
  };
}
