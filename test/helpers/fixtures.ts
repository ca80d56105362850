import { executeServerCommand } from '@web/test-runner-commands';

let found: Promise<boolean> | undefined;

/** Whether the test server found the third-party fixtures (`LMS_KIT_FIXTURES`, by default `../shared/fixtures`). */
export function fixturesFound(): Promise<boolean> {
  found ??= executeServerCommand<{ found: boolean }, undefined>('lms:fixtures').then((answer) => answer.found);
  return found;
}

/**
 * Skips the test (or, from a `before` hook, the whole suite) when the fixtures are not there: a fresh
 * clone without them still runs everything else. The run's summary says where they are expected.
 */
export async function skipWithoutFixtures(context: Mocha.Context): Promise<void> {
  if (!(await fixturesFound())) context.skip();
}
