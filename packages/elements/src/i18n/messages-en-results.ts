/** English strings of the results list of `<lms-progress>`; they load with it, on pages that have results to show. */
export const resultMessages = {
  'results.title': 'Results',
  'results.passed': 'passed',
  'results.failed': 'not passed',
  'results.completed': 'completed',
  'results.inProgress': 'in progress',
  'results.score': 'score {percent}',
} as const;
